"""A station's box confirms airings with its token: JSON in, JSON problems out, never counted twice."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import func, select

from campaigns.models import Airing, AiringStatus, ReachEvent
from campaigns.station_tokens import issue_station_token
from content.models import AuditLog
from tests.factories import make_area, make_station
from tests.radio_scenarios import AIRING_NOW, MORNING, airing_world, radio_item
from tests.web.helpers import log_in, problem
from web.write_behind import flush_pending


def send(client, station_id: int, body, token: str | None):  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return client.post(f"/radio/api/stations/{station_id}/airings", json=body, headers=headers)


def count(session, model) -> int:  # type: ignore[no-untyped-def]
    session.expire_all()
    return session.scalar(select(func.count()).select_from(model))


def stored_airing(session, delivery) -> tuple:  # type: ignore[no-untyped-def]
    """The confirmation row as the app committed it: (station id, status, aired at, reason)."""
    session.rollback()  # see what the app committed since the test's last read
    airing = session.scalars(select(Airing).where(Airing.delivery_id == delivery.id)).one()
    row = (airing.station_id, airing.status, airing.aired_at, airing.reason)
    session.rollback()  # and hold no read open on SQLite while the app writes next
    return row


def test_a_box_confirms_an_item_and_sending_it_again_corrects_rather_than_adds(client, session):
    _, station, delivery, token = airing_world(session)
    first = send(client, station.id, {"delivery_id": delivery.id, "status": "aired"}, token)
    assert first.status_code == 201, first.get_json()
    assert first.get_json()["aired_at"] == "2026-11-23T08:00:00+07:00"
    again = send(client, station.id, {"delivery_id": delivery.id, "status": "aired", "aired_at": "2026-11-23T06:04",
                                      "operator": "Hộp loa thôn Đông", "note": "Phát lại lần hai"}, token)
    assert again.status_code == 200
    assert again.get_json() | {"recorded_at": None} == {
        "delivery_id": delivery.id, "station_id": station.id, "status": "aired",
        "aired_at": "2026-11-23T06:04:00+07:00", "operator": "Hộp loa thôn Đông", "note": "Phát lại lần hai",
        "reason": None, "recorded_at": None}
    # The first estimate is taken back by a compensating event (raw events are append-only), then replaced.
    assert count(session, Airing) == 1 and count(session, ReachEvent) == 3
    assert session.scalar(select(func.sum(ReachEvent.value))) == 5_600
    event = session.scalar(select(ReachEvent).order_by(ReachEvent.id.desc()).limit(1))
    assert event.occurred_at == datetime(2026, 11, 22, 23, 4, tzinfo=timezone.utc) and event.value == 5_600
    assert stored_airing(session, delivery) == (
        station.id, AiringStatus.AIRED, datetime(2026, 11, 22, 23, 4, tzinfo=timezone.utc), None)


def test_not_aired_with_its_reason_is_recorded_without_reach(client, session):
    _, station, delivery, token = airing_world(session)
    response = send(client, station.id, {"delivery_id": delivery.id, "status": "not_aired",
                                         "reason": "Mất điện từ 5 giờ sáng"}, token)
    assert response.status_code == 201
    assert response.get_json()["reason"] == "Mất điện từ 5 giờ sáng" and response.get_json()["aired_at"] is None
    assert count(session, ReachEvent) == 0
    assert stored_airing(session, delivery) == (station.id, AiringStatus.NOT_AIRED, None, "Mất điện từ 5 giờ sáng")


def test_bad_input_gets_a_json_problem_naming_the_field(client, session):
    province, station, delivery, token = airing_world(session)
    foreign = radio_item(session, make_station(session, make_area(session, parent=province)), MORNING)
    session.commit()
    cases = [
        ({"delivery_id": delivery.id, "status": "not_aired"}, "reason"),
        ({"delivery_id": delivery.id, "status": "aired", "aired_at": "2026-11-23T09:00:00+07:00"}, "aired_at"),
        ({"delivery_id": delivery.id, "status": "aired", "aired_at": "sáng nay"}, "aired_at"),
        ({"delivery_id": delivery.id, "status": "phat_roi"}, "status"),
        ({"delivery_id": str(delivery.id), "status": "aired"}, "delivery_id"),
        ({"delivery_id": foreign.id, "status": "aired"}, "delivery_id"),
        ({"delivery_id": delivery.id, "status": "aired", "note": ["không", "phải", "chuỗi"]}, "note"),
        (["không phải đối tượng"], "body"),
    ]
    for body, field in cases:
        body_json = problem(send(client, station.id, body, token), 400)
        assert field in body_json["errors"], (body, body_json)
        assert body_json["detail"]
    assert count(session, Airing) == 0


def test_a_body_that_is_not_json_is_refused_plainly(client, session):
    _, station, _, token = airing_world(session)
    response = client.post(f"/radio/api/stations/{station.id}/airings", data="delivery_id=1",
                           headers={"Authorization": f"Bearer {token}"})
    assert "body" in problem(response, 400)["errors"]


def test_tokens_missing_wrong_revoked_or_of_another_station_get_403_and_are_audited(client, session):
    province, station, delivery, token = airing_world(session)
    other = make_station(session, make_area(session, parent=province))
    other_token = issue_station_token(other, now=AIRING_NOW)
    session.commit()
    body = {"delivery_id": delivery.id, "status": "aired"}
    for attempt in (None, "khong-phai-ma-that", other_token):
        problem(send(client, station.id, body, attempt), 403)
    station.token_hash = None
    session.commit()
    problem(send(client, station.id, body, token), 403)
    assert count(session, Airing) == 0
    flush_pending(client.application)  # refusals are written by the write-behind thread, not by the request
    session.rollback()
    denials = session.scalars(select(AuditLog).where(AuditLog.action == "denied")).all()
    assert sum(d.detail["refused"] for d in denials) == 4
    assert {d.detail["attempted"] for d in denials} == {"airing.confirm"}


def test_the_token_may_also_come_in_the_query_string(client, session):
    _, station, delivery, token = airing_world(session)
    response = client.post(f"/radio/api/stations/{station.id}/airings?token={token}",
                           json={"delivery_id": delivery.id, "status": "aired"})
    assert response.status_code == 201
    assert stored_airing(session, delivery)[:2] == (station.id, AiringStatus.AIRED)


def test_a_signed_in_browser_without_the_token_is_refused(client, session):
    # The endpoint skips CSRF, so a login cookie alone must never be enough.
    _, station, delivery, _ = airing_world(session)
    log_in(client, "daiphat_anlac")
    problem(send(client, station.id, {"delivery_id": delivery.id, "status": "aired"}, None), 403)


def test_an_unknown_station_is_a_404_problem(client, session):
    _, _, delivery, token = airing_world(session)
    problem(send(client, 987_654, {"delivery_id": delivery.id, "status": "aired"}, token), 404)
