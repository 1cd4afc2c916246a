"""A message's reach: each source with its kind, platforms without figures as None, stations without
coverage listed, a combined range rather than a sum, and only the viewer's area."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from campaigns.combined_reach import Audience, combined_range
from campaigns.links import BOT_CLICK, CLICK
from campaigns.loudspeaker_reach import AIRINGS, CONTACTS, LISTENERS
from campaigns.message_reach import (
    LOUDSPEAKERS,
    area_root,
    default_period,
    message_reach,
)
from campaigns.models import ReachSource
from campaigns.reach_reads import MAX_DAYS, DayRange, reach_period
from campaigns.reach_scope import reach_scope
from campaigns.visits import BOT_VIEW, VIEW, VISITOR
from content.errors import InvalidInput, PermissionDenied
from content.models import Role
from tests.factories import make_user
from tests.message_reach_scenarios import DAY1, DAY2, ZONE, reach_world

M, R, E = ReachSource.MEASURED, ReachSource.REPORTED, ReachSource.ESTIMATED
BOTH_DAYS = DayRange(DAY1, DAY2)


def report_for(session, world, user, *, days=BOTH_DAYS, root=None):  # type: ignore[no-untyped-def]
    scope = reach_scope(user, world.message.area)
    return message_reach(session, world.message, days, scope=scope, root=area_root(scope, world.message, root),
                         zone=ZONE)


def figures(channel) -> dict:  # type: ignore[no-untyped-def]
    return {(f.metric, f.kind): f.value for f in channel.figures}


def by_key(report) -> dict:  # type: ignore[no-untyped-def]
    return {c.key: c for c in report.channels}


def test_each_channel_shows_its_own_figures_each_with_its_kind(session):
    world = reach_world(session)
    report = report_for(session, world, make_user(session, role=Role.ANALYST, area=world.province))
    channels = by_key(report)
    portal = channels[f"channel-{world.portal.id}"]
    # Portal views and visitor-days measured, bot views apart; not added to each other.
    assert figures(portal) == {(VIEW, M): 200, (VISITOR, M): 80, (BOT_VIEW, M): 40}
    facebook = channels[f"channel-{world.facebook.id}"]
    # Clicks measured, bot clicks apart; the platform's newest snapshot only (1,500, not 900 + 1,500).
    assert figures(facebook) == {(CLICK, M): 12, (BOT_CLICK, M): 3, ("post_total_media_view_unique", R): 1_500,
                                 ("reactions", R): 55}
    reported = next(f for f in facebook.figures if f.metric == "post_total_media_view_unique")
    assert reported.api_version == "v23.0" and reported.read_at is not None
    assert figures(channels[f"channel-{world.telegram.id}"]) == {(CLICK, M): 7}
    loudspeakers = channels[LOUDSPEAKERS]
    # Two airings in An Lạc (5,000 people, counted once that day) and one in Bình Minh (no coverage figure).
    assert figures(loudspeakers) == {(AIRINGS, M): 3, (LISTENERS, E): 5_000, (CONTACTS, E): 10_000}
    # The other province's message (999 views, 7,000 listeners) shows nowhere.
    assert all(999 not in figures(c).values() and 7_000 not in figures(c).values() for c in report.channels)


def test_a_platform_that_gives_no_figures_is_marked_so_and_its_people_figure_is_none(session):
    world = reach_world(session)
    report = report_for(session, world, make_user(session, role=Role.ADMIN, area=None))
    telegram = by_key(report)[f"channel-{world.telegram.id}"]
    assert telegram.reports is False
    assert telegram.people is None  # not 0
    assert all(f.kind is not R for f in telegram.figures)
    assert by_key(report)[f"channel-{world.facebook.id}"].reports is True
    assert by_key(report)[f"channel-{world.portal.id}"].reports is True  # Loa measures its own portal
    assert [c.key for c in report.channels][0] == f"channel-{world.portal.id}"  # Loa's own channels first


def test_stations_without_a_coverage_figure_are_listed_and_count_in_no_estimate(session):
    world = reach_world(session)
    report = report_for(session, world, make_user(session, role=Role.EDITOR, area=world.province))
    assert [s.id for s in report.loudspeaker.stations_without_coverage] == [world.unmeasured.id]
    second = next(d for d in report.loudspeaker.days if d.day == DAY2)
    assert (second.airings.value, second.listeners.value, second.contacts.value) == (1, None, None)


def test_the_combined_range_runs_from_the_largest_channel_to_the_sum_capped_by_the_population(session):
    world = reach_world(session)
    report = report_for(session, world, make_user(session, role=Role.ANALYST, area=world.province))
    combined = report.combined
    # People per channel: portal visitor-days 80, Facebook viewers 1,500, loudspeaker listeners 5,000.
    assert sorted((a.metric, a.value) for a in combined.audiences) == [
        (LISTENERS, 5_000), (VISITOR, 80), ("post_total_media_view_unique", 1_500)]
    assert combined.largest is not None and combined.largest.channel_key == LOUDSPEAKERS
    assert (combined.low, combined.high, combined.total) == (5_000, 6_580, 6_580)
    assert report.population_area == world.province and combined.population == 120_000
    assert not combined.is_capped


def test_the_population_caps_the_upper_bound_and_the_lower_never_passes_it():
    capped = combined_range([Audience("a", "x", 8_000), Audience("b", "y", 4_000)], population=9_000)
    assert (capped.low, capped.high, capped.is_capped) == (8_000, 9_000, True)
    over = combined_range([Audience("a", "x", 12_000)], population=9_000)
    assert (over.low, over.high) == (9_000, 9_000)
    unknown = combined_range([Audience("a", "x", 8_000), Audience("b", "y", 4_000)], population=None)
    assert (unknown.low, unknown.high, unknown.population) == (8_000, 12_000, None)
    nothing = combined_range([], population=9_000)
    assert (nothing.low, nothing.high, nothing.largest) == (None, None, None)


def test_a_commune_officer_sees_only_what_was_recorded_in_the_commune(session):
    world = reach_world(session)
    officer = make_user(session, role=Role.ANALYST, area=world.commune)
    report = report_for(session, world, officer)
    assert report.scope.limit == world.commune and report.scope.whole is False
    # Only An Lạc's loudspeaker: no portal views, no province page's clicks or Facebook figures.
    assert [c.key for c in report.channels] == [LOUDSPEAKERS]
    assert figures(report.channels[0]) == {(AIRINGS, M): 2, (LISTENERS, E): 5_000, (CONTACTS, E): 10_000}
    assert report.loudspeaker.stations_without_coverage == ()  # Bình Minh's station is not theirs
    assert (report.combined.low, report.combined.high, report.combined.population) == (5_000, 5_000, 9_000)
    assert {s.channel_key for s in report.series} == {LOUDSPEAKERS}
    assert report.areas.root == world.commune


def test_the_day_series_give_each_channel_its_figure_per_day(session):
    world = reach_world(session)
    report = report_for(session, world, make_user(session, role=Role.ANALYST, area=None))
    series = {(s.channel_key, s.metric, s.kind): s.points for s in report.series}
    assert series[(f"channel-{world.portal.id}", VISITOR, M)] == ((DAY1, 50), (DAY2, 30))
    assert series[(f"channel-{world.telegram.id}", CLICK, M)] == ((DAY2, 7),)
    assert series[(LOUDSPEAKERS, LISTENERS, E)] == ((DAY1, 5_000),)  # DAY2's station has no coverage figure
    assert series[(LOUDSPEAKERS, AIRINGS, M)] == ((DAY1, 2), (DAY2, 1))
    one_day = report_for(session, world, make_user(session, role=Role.ANALYST, area=None), days=DayRange(DAY2, DAY2))
    assert figures(by_key(one_day)[f"channel-{world.portal.id}"])[(VIEW, M)] == 80
    # That day's only airing was by a station without coverage: the loudspeakers give no people figure.
    assert by_key(one_day)[LOUDSPEAKERS].people is None
    assert LOUDSPEAKERS not in {a.channel_key for a in one_day.combined.audiences}


def test_the_area_table_lists_the_children_and_drills_down_within_the_viewers_area(session):
    world = reach_world(session)
    analyst = make_user(session, role=Role.ANALYST, area=world.province)
    report = report_for(session, world, analyst)
    assert report.areas.root == world.province
    rows = {(r.area.name, r.metric, r.kind): r.value for r in report.areas.rows}
    assert rows == {("Xã An Lạc", "loudspeaker_listeners", E): 10_000}
    # The province's own total also holds the clicks recorded for the province itself.
    totals = {(f.metric, f.kind): f.value for f in report.areas.totals}
    assert totals == {(CLICK, M): 19, (BOT_CLICK, M): 3, ("loudspeaker_listeners", E): 10_000}
    drilled = report_for(session, world, analyst, root=world.commune)
    assert drilled.areas.root == world.commune and drilled.areas.rows == ()
    with pytest.raises(PermissionDenied):
        report_for(session, world, analyst, root=world.other_province)
    # The country's analyst may open any province, and finds no figure of this message there.
    national = report_for(session, world, make_user(session, role=Role.ANALYST, area=None), root=world.other_province)
    assert national.areas.rows == () and national.areas.totals == ()


def test_reach_is_refused_to_other_areas_and_to_roles_without_it(session):
    world = reach_world(session)
    with pytest.raises(PermissionDenied):
        reach_scope(make_user(session, role=Role.ANALYST, area=world.other_province), world.message.area)
    with pytest.raises(PermissionDenied):
        reach_scope(make_user(session, role=Role.RADIO_OPERATOR, area=world.province), world.message.area)


def test_a_period_must_run_forwards_and_not_longer_than_a_year():
    assert reach_period(DAY1, DAY2) == DayRange(DAY1, DAY2)
    with pytest.raises(InvalidInput, match="sau ngày kết thúc"):
        reach_period(DAY2, DAY1)
    with pytest.raises(InvalidInput, match=str(MAX_DAYS)):
        reach_period(date(2016, 1, 1), date(2026, 1, 1))
    assert reach_period(DAY1, DAY1 + timedelta(days=MAX_DAYS - 1)).last == DAY1 + timedelta(days=MAX_DAYS - 1)


def test_the_default_period_runs_from_publication_to_today_at_most_a_year(session):
    world = reach_world(session)
    assert default_period(session, world.message, today=DAY2 + timedelta(days=3), zone=ZONE) == \
        DayRange(DAY1, DAY2 + timedelta(days=3))
    late = default_period(session, world.message, today=DAY1 + timedelta(days=800), zone=ZONE)
    assert (late.last - late.first).days + 1 == MAX_DAYS
