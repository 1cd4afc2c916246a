"""Station-token endpoints under load from the internet: limited per address, refusals audited per burst."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from content.models import AuditLog
from tests.radio_scenarios import World, airing_world, world  # noqa: F401  (the fixture)
from tests.web.helpers import problem
from tests.write_watch import LimiterClock, watch_writes
from web.radio.refusals import RefusalLedger
from web.write_behind import flush_pending

ATTACKER = "198.51.100.23"
BOX = "203.0.113.40"
WRONG = {"Authorization": "Bearer doan-bua-ma-cua-dai", "Accept": "application/json"}


def at(address: str) -> dict[str, str]:
    return {"REMOTE_ADDR": address}


def denials(session) -> list[AuditLog]:  # type: ignore[no-untyped-def]
    session.rollback()  # see what the app committed
    return list(session.scalars(select(AuditLog).where(AuditLog.action == "denied").order_by(AuditLog.id)))


def token_paths(world: World) -> list[str]:
    """Every format a box may poll: the day's script three ways, the week two ways, the podcast."""
    return [world.path("txt"), world.path("json"), world.path("html"), world.path("txt", kind="week"),
            world.path("json", kind="week"), f"/radio/stations/{world.station.id}/podcast.xml"]


def test_500_refused_requests_from_one_client_write_two_audit_rows_that_count_them_all(client, world, session,
                                                                                        clock):
    paths = token_paths(world)
    with watch_writes(client.application.extensions["loa.engine"]) as writes:
        answers = [client.get(paths[i % len(paths)], headers=WRONG, environ_base=at(ATTACKER)) for i in range(500)]
    assert writes == []  # not one refused request wrote, or waited for the write lock
    assert Counter(a.status_code for a in answers) == {403: 10, 429: 490}
    assert all(0 < int(a.headers["Retry-After"]) <= 600 for a in answers if a.status_code == 429)

    opened = clock.current
    clock.set(opened + timedelta(seconds=5))
    flush_pending(client.application, final=False)  # the write-behind thread's next batch
    [first] = denials(session)
    assert (first.remote_addr, first.object_type, first.object_id) == (ATTACKER, "station", world.station.id)
    assert (first.detail["refused"], first.detail["throttled"]) == (10, 490)
    assert first.detail["from"] == opened.isoformat() and "radio.script" in first.detail["attempted"]

    clock.set(opened + timedelta(minutes=3))
    for _ in range(100):
        client.get(world.path("json"), headers=WRONG, environ_base=at(ATTACKER))
    flush_pending(client.application, final=False)
    assert len(denials(session)) == 1  # the window is still open: the next 100 are only counted
    clock.set(opened + timedelta(minutes=10))
    flush_pending(client.application, final=False)
    first, then = denials(session)
    assert (then.detail["refused"], then.detail["throttled"]) == (0, 100)
    assert then.detail["from"] == then.detail["to"] == (opened + timedelta(minutes=3)).isoformat()
    assert then.remote_addr == ATTACKER and then.object_id == world.station.id

    # A box with the right token at another address was never in the attacker's way.
    assert all(client.get(path, headers=world.auth, environ_base=at(BOX)).status_code == 200 for path in paths)


def test_past_ten_refusals_the_address_waits_even_with_the_right_token(client, world):
    for _ in range(10):
        assert client.get(world.path("txt"), headers=WRONG, environ_base=at(ATTACKER)).status_code == 403
    # Were the right token let through, a 429 would only mean "wrong" and guessing would go on at full speed.
    right = client.get(world.path("txt"), headers={**world.auth, "Accept": "application/json"},
                       environ_base=at(ATTACKER))
    assert right.status_code == 429 and 0 < int(right.headers["Retry-After"]) <= 600
    assert "mã truy cập sai" in right.get_json()["detail"]
    assert client.get(world.path("txt"), headers=world.auth, environ_base=at(BOX)).status_code == 200


def test_the_confirmation_api_shares_the_allowance_and_answers_429_as_a_json_problem(client, session):
    _, station, delivery, token = airing_world(session)
    url = f"/radio/api/stations/{station.id}/airings"
    body = {"delivery_id": delivery.id, "status": "aired"}
    for _ in range(10):
        problem(client.post(url, json=body, headers={"Authorization": "Bearer sai"}, environ_base=at(ATTACKER)), 403)
    response = client.post(url, json=body, headers={"Authorization": f"Bearer {token}"}, environ_base=at(ATTACKER))
    assert "Retry-After" in problem(response, 429)["detail"] and int(response.headers["Retry-After"]) > 0
    assert client.post(url, json=body, headers={"Authorization": f"Bearer {token}"},
                       environ_base=at(BOX)).status_code == 201


def test_a_box_polling_every_format_each_minute_for_an_hour_is_never_limited(client, world, monkeypatch):
    limiter_clock = LimiterClock(monkeypatch)
    paths = token_paths(world)
    for _minute in range(60):
        for path in paths:
            response = client.get(path, headers=world.auth, environ_base=at(BOX))
            assert response.status_code == 200, (path, response.status_code)
        limiter_clock.advance(60)


def test_one_address_is_held_to_300_token_requests_a_minute(client, world, monkeypatch):
    limiter_clock = LimiterClock(monkeypatch)
    answers = [client.get(world.path("json"), headers=world.auth, environ_base=at(BOX)).status_code
               for _ in range(301)]
    assert answers.count(200) == 300 and answers[-1] == 429
    limiter_clock.advance(60)
    assert client.get(world.path("json"), headers=world.auth, environ_base=at(BOX)).status_code == 200


MOMENT = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)


def test_the_ledger_writes_an_opening_row_then_what_came_after_and_the_rows_add_up():
    ledger = RefusalLedger()
    ledger.note(ATTACKER, 7, "radio.script", "sai mã", MOMENT)
    [opening] = ledger.drain(MOMENT + timedelta(seconds=5), final=False)
    assert (opening.refused, opening.stations, opening.first_at) == (1, (7,), MOMENT)
    for second in range(1, 40):
        ledger.note(ATTACKER, 7 if second % 2 else 8, "radio.week", "sai mã", MOMENT + timedelta(seconds=second))
    assert ledger.drain(MOMENT + timedelta(minutes=9), final=False) == []
    # A refusal after the window's end closes it and opens the next.
    ledger.note(ATTACKER, 7, "radio.script", "sai mã", MOMENT + timedelta(minutes=11))
    closing, reopening = ledger.drain(MOMENT + timedelta(minutes=11), final=False)
    assert (closing.refused, closing.stations, closing.attempted) == (39, (7, 8), ("radio.week",))
    assert closing.last_at == MOMENT + timedelta(seconds=39)
    assert reopening.refused == 1 and reopening.first_at == MOMENT + timedelta(minutes=11)
    assert ledger.drain(MOMENT + timedelta(hours=1), final=True) == []  # nothing since: no empty row
