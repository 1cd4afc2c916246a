"""`loa station token ID [--rotate]`: an installer who lost the web page gets a station going from the server."""

from __future__ import annotations

from sqlalchemy import select

from campaigns.station_tokens import find_station_by_token, issue_station_token
from content.models import AuditLog
from tests.factories import make_area, make_station
from web.cli import cli


def _run(app, *args: str):  # type: ignore[no-untyped-def]
    return app.test_cli_runner().invoke(cli, ["station", "token", *args])


def test_rotating_from_the_console_gives_a_working_token_and_ends_the_old_one(app, session, now):
    station = make_station(session, make_area(session, name="Xã Hòa Bình Thử"), name="Đài xã Hòa Bình Thử")
    old = issue_station_token(station, now=now)
    session.commit()
    result = _run(app, str(station.id), "--rotate")
    assert result.exit_code == 0, result.output
    new = result.output.strip().splitlines()[-1]
    session.expire_all()
    assert find_station_by_token(session, new).id == station.id
    assert find_station_by_token(session, old) is None
    entry = session.scalars(select(AuditLog).where(AuditLog.action == "station.token_rotate")).one()
    assert entry.object_id == station.id and entry.actor_id is None and entry.detail == {"from": "console"}
    assert new not in str(entry.detail)


def test_without_rotate_it_only_says_whether_there_is_a_token(app, session, now):
    station = make_station(session, make_area(session), name="Đài phường Thử Nghiệm")
    session.commit()
    assert "none yet" in _run(app, str(station.id)).output
    issue_station_token(station, now=now)
    session.commit()
    result = _run(app, str(station.id))
    assert result.exit_code == 0 and "token issued" in result.output
    assert station.token_hash not in result.output
    session.expire_all()
    assert session.scalars(select(AuditLog)).all() == []  # looking changes nothing


def test_an_unknown_station_is_a_clear_error(app, session):
    result = _run(app, "9999", "--rotate")
    assert result.exit_code == 1 and "No station 9999" in result.output
