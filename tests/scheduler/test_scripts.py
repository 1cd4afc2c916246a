"""Daily scripts: items land in the right slot of the right local day, the urgent first."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from campaigns.planning import plan_deliveries
from content.messages import MessageInput, create_message, transition_message
from content.models import MessageKind, Priority, Role
from content.spoken import estimate_seconds
from scheduler.scripts import build_daily_script, render_script_text
from tests.factories import make_area, make_station, make_user

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 1, 0, tzinfo=timezone.utc)


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


def on_air(session, station, title: str, due: datetime, *, priority=Priority.NORMAL, words: int = 20):
    area = station.area
    editor = make_user(session, role=Role.EDITOR, area=area)
    approver = make_user(session, role=Role.APPROVER, area=area)
    body = " ".join(["tin"] * words)
    message = create_message(session, editor, MessageInput(kind=MessageKind.NOTICE, title=title, body_md=body,
                                                           area_id=area.id, priority=priority), now=NOW)
    transition_message(session, message, "submit", actor=editor, now=NOW)
    transition_message(session, message, "approve", actor=approver, now=NOW)
    plan_deliveries(session, message, actor=approver, due_at=due, now=NOW, stations=[station])
    return message


def test_items_go_to_the_next_slot_of_their_local_day_emergencies_first(session):
    station = make_station(session, make_area(session, parent=make_area(session)))
    on_air(session, station, "Tin thường buổi sáng", local(24, 6))
    on_air(session, station, "Tin khẩn", local(24, 6), priority=Priority.EMERGENCY)
    on_air(session, station, "Tin chiều", local(24, 9, 30))
    on_air(session, station, "Tin ngày khác", local(25, 6))
    # 23:30 UTC on the 23rd is 06:30 on the 24th in Hà Nội: it belongs to the 24th.
    on_air(session, station, "Tin ưu tiên", datetime(2026, 11, 23, 23, 30, tzinfo=timezone.utc),
           priority=Priority.PRIORITY)
    morning, evening = build_daily_script(session, station, date(2026, 11, 24), zone=ZONE).slots
    assert morning.starts_at == time(6) and [i.title for i in morning.items] == ["Tin khẩn", "Tin thường buổi sáng"]
    assert [i.title for i in evening.items] == ["Tin ưu tiên", "Tin chiều"]


def test_a_slot_whose_items_run_longer_than_it_is_flagged(session):
    station = make_station(session, make_area(session, parent=make_area(session)), slots=((time(6), 1),))
    on_air(session, station, "Tin dài", local(24, 6), words=400)
    script = build_daily_script(session, station, date(2026, 11, 24), zone=ZONE)
    [slot] = script.slots
    assert slot.total_seconds > 60 and slot.is_over
    assert "VƯỢT THỜI LƯỢNG" in render_script_text(script)


def test_read_time_follows_the_pace_in_syllables_per_minute():
    assert estimate_seconds(" ".join(["loa"] * 190)) == 60
    assert estimate_seconds(" ".join(["loa"] * 95), pace=95) == 60
