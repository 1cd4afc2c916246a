"""Tip-off figures per area and period: received, valuable, by kind, time to first handling."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from campaigns.tipoff_desk import change_status
from campaigns.tipoff_models import TipoffKind, TipoffStatus
from campaigns.tipoff_stats import tipoff_figures, tipoff_figures_by_area
from tests.tipdesk_world import make_desk_world, send_tipoff

DAY = date(2026, 11, 23)


def at(hour: int, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=timezone.utc)


def test_the_figures_count_the_subtree_the_period_the_kinds_and_the_verdicts(session, tmp_path):
    world = make_desk_world(session)
    officer = world.commune_officer
    first = send_tipoff(session, world, tmp_path, at=at(1))
    second = send_tipoff(session, world, tmp_path, kind="report", village=False, at=at(2))
    send_tipoff(session, world, tmp_path, kind="suggestion", at=at(3))
    send_tipoff(session, world, tmp_path, at=at(3, DAY + timedelta(days=5)))  # after the period
    change_status(session, first, officer, TipoffStatus.VALUABLE, now=at(3))  # 2 hours after receipt
    change_status(session, first, officer, TipoffStatus.FORWARDED, now=at(4))  # still valuable once forwarded
    change_status(session, second, officer, TipoffStatus.VALUABLE, now=at(8))  # 6 hours
    change_status(session, second, officer, TipoffStatus.NOT_VALUABLE, now=at(9))  # the verdict changed
    session.commit()
    figures = tipoff_figures(session, world.places.province, DAY, DAY)
    assert (figures.received, figures.valuable, figures.handled, figures.waiting) == (3, 1, 2, 1)
    assert dict(figures.by_kind) == {TipoffKind.REPORT: 1, TipoffKind.DENUNCIATION: 1, TipoffKind.SUGGESTION: 1}
    assert figures.median_hours_to_first_handling == 4.0
    assert dict(figures.by_status) == {TipoffStatus.NEW: 1, TipoffStatus.CHECKING: 0, TipoffStatus.VALUABLE: 0,
                                       TipoffStatus.NOT_VALUABLE: 1, TipoffStatus.FORWARDED: 1,
                                       TipoffStatus.CLOSED: 0}
    assert tipoff_figures(session, world.places.other_commune, DAY, DAY).received == 0
    assert tipoff_figures(session, None, DAY, DAY + timedelta(days=5)).received == 4


def test_none_handled_is_no_time_rather_than_zero(session, tmp_path):
    world = make_desk_world(session)
    send_tipoff(session, world, tmp_path, at=at(1))
    figures = tipoff_figures(session, world.places.commune, DAY, DAY)
    assert figures.handled == 0 and figures.median_hours_to_first_handling is None


def test_a_local_day_starts_at_midnight_in_vietnam(session, tmp_path):
    world = make_desk_world(session)
    send_tipoff(session, world, tmp_path, at=datetime(2026, 11, 22, 17, tzinfo=timezone.utc))  # 00:00 on the 23rd
    assert tipoff_figures(session, world.places.commune, DAY, DAY).received == 1
    assert tipoff_figures(session, world.places.commune, DAY - timedelta(days=1), DAY - timedelta(days=1)).received == 0


def test_by_area_gives_each_commune_its_subtree(session, tmp_path):
    world = make_desk_world(session)
    send_tipoff(session, world, tmp_path, at=at(1))
    rows = {f.area.name: f.received for f in tipoff_figures_by_area(session, world.places.province, DAY, DAY)}
    assert rows == {"Xã Đồng Sen": 1, "Phường Bến Mới": 0}
