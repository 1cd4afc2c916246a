"""Target progress is computed from what Loa recorded: each kind, its period, its area, and its pace."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from campaigns.models import AiringStatus, ReachEvent, ReachSource, TargetKind
from campaigns.reach_rollups import roll_up_new_events
from campaigns.target_progress import (
    BEHIND,
    NOT_MEASURABLE,
    ON_PACE,
    PORTAL_VISITOR_METRIC,
    FigureKind,
    campaign_progress,
    progress,
)
from content.models import MessageKind
from tests.campaigns.target_world import ENDS, STARTS, ZONE, add_message, add_target, air, local, target_world

WEEK_2_END = date(2026, 11, 15)


def test_station_weeks_count_only_weeks_with_enough_confirmed_airings_of_the_campaign(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 2)
    outside = add_message(session, w.editor, w.province, None)
    for day in (date(2026, 11, 2), date(2026, 11, 8), date(2026, 11, 9), date(2026, 11, 10)):
        air(session, w.station_a, w.message, local(day))
    air(session, w.station_b, w.message, local(date(2026, 11, 3)))
    air(session, w.station_b, w.message, local(date(2026, 11, 4)))
    air(session, w.station_b, w.message, local(date(2026, 11, 11)))  # one in week 2: not enough
    air(session, w.station_b, w.message, local(date(2026, 11, 12)), AiringStatus.NOT_AIRED)
    air(session, w.station_b, outside, local(date(2026, 11, 13)))  # not the campaign's message
    result = progress(session, target, today=WEEK_2_END, zone=ZONE)
    assert (result.kind, result.current, result.goal) == (FigureKind.MEASURED, 3, 8)  # 2 stations × 4 weeks
    assert result.share_done == pytest.approx(3 / 8)
    assert result.expected_share == pytest.approx(14 / 28)
    assert result.on_pace is False and result.verdict == BEHIND
    assert result.pace_needed_per_week == pytest.approx(5 / 2)  # two weeks after today


def test_a_local_sunday_evening_belongs_to_that_iso_week_not_the_next(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 2, area_id=w.commune_a.id)
    # 23:30 on Sunday 8 November in Hà Nội is Sunday 16:30 UTC; 00:30 on Monday 9 is Sunday 17:30 UTC.
    air(session, w.station_a, w.message, datetime(2026, 11, 8, 23, 30, tzinfo=ZONE))
    air(session, w.station_a, w.message, local(date(2026, 11, 7)))
    air(session, w.station_a, w.message, datetime(2026, 11, 9, 0, 30, tzinfo=ZONE))
    assert progress(session, target, today=WEEK_2_END, zone=ZONE).current == 1


def test_a_target_of_one_commune_never_counts_another_communes_airings(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 1, area_id=w.commune_a.id)
    for station in (w.station_b, w.other_station):
        for day in (date(2026, 11, 2), date(2026, 11, 9)):
            air(session, station, w.message, local(day))
    air(session, w.station_a, w.message, local(date(2026, 11, 3)))
    result = progress(session, target, today=ENDS, zone=ZONE)
    assert (result.current, result.goal) == (1, 4)  # station A alone, 4 weeks


def test_the_campaigns_areas_bound_a_target_without_its_own(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 1)
    air(session, w.other_station, w.message, local(date(2026, 11, 3)))  # another province's station
    assert (progress(session, target, today=ENDS, zone=ZONE).current,
            progress(session, target, today=ENDS, zone=ZONE).goal) == (0, 8)


def test_before_the_period_nothing_is_expected_and_after_it_nothing_more_counts(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 1, area_id=w.commune_a.id)
    air(session, w.station_a, w.message, local(STARTS - timedelta(days=1)))
    air(session, w.station_a, w.message, local(ENDS + timedelta(days=1)))
    before = progress(session, target, today=date(2026, 10, 1), zone=ZONE)
    assert (before.current, before.expected_share, before.on_pace, before.verdict) == (0, 0, True, ON_PACE)
    assert before.pace_needed_per_week == pytest.approx(4 / 4)  # 4 station-weeks over the 28 days
    after = progress(session, target, today=date(2027, 1, 1), zone=ZONE)
    assert (after.current, after.expected_share, after.on_pace, after.pace_needed_per_week) == (0, 1, False, None)


def test_the_targets_own_period_replaces_the_campaigns(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.MESSAGES_PUBLISHED, 1, starts_on=date(2026, 11, 16),
                        ends_on=date(2026, 11, 22))
    add_message(session, w.editor, w.province, w.campaign, published_on=date(2026, 11, 17))
    result = progress(session, target, today=date(2026, 11, 18), zone=ZONE)
    assert (result.starts_on, result.ends_on, result.current) == (date(2026, 11, 16), date(2026, 11, 22), 1)
    assert result.expected_share == pytest.approx(3 / 7) and result.on_pace is True


def test_commune_share_counts_communes_with_at_least_n_confirmed_airings(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.COMMUNE_SHARE, 80, min_airings=2)
    for day in (date(2026, 11, 2), date(2026, 11, 20)):
        air(session, w.station_a, w.message, local(day))
        air(session, w.other_station, w.message, local(day))  # outside the campaign's province
    air(session, w.station_b, w.message, local(date(2026, 11, 3)))
    result = progress(session, target, today=ENDS, zone=ZONE)
    assert (result.current, result.goal, result.share_done) == (50, 80, pytest.approx(50 / 80))
    assert result.on_pace is False
    until_10th = progress(session, target, today=date(2026, 11, 10), zone=ZONE)
    assert until_10th.current == 0  # station A's second airing comes later


def test_commune_share_of_a_commune_target_is_that_commune_alone(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.COMMUNE_SHARE, 100, min_airings=1, area_id=w.commune_b.id)
    air(session, w.station_a, w.message, local(date(2026, 11, 3)))
    assert progress(session, target, today=ENDS, zone=ZONE).current == 0
    air(session, w.station_b, w.message, local(date(2026, 11, 3)))
    assert progress(session, target, today=ENDS, zone=ZONE).current == 100


def visit(session, message, day: date, value: float = 1, *, metric: str = PORTAL_VISITOR_METRIC,  # type: ignore[no-untyped-def]
          source: ReachSource = ReachSource.MEASURED) -> None:
    """A raw event, as the portal's counter writes it; progress reads it only once rolled up (roll_up)."""
    session.add(ReachEvent(message_id=message.id, metric=metric, source=source, value=value,
                           occurred_at=local(day, 10), recorded_at=local(day, 10)))
    session.flush()


def roll_up(session) -> None:  # type: ignore[no-untyped-def]
    roll_up_new_events(session, now=local(ENDS + timedelta(days=2)), zone=ZONE)


def test_visitor_days_are_read_from_the_rollups_not_the_raw_events(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.PORTAL_VISITOR_DAYS, 100)
    visit(session, w.message, date(2026, 11, 3), 40)
    assert progress(session, target, today=date(2026, 11, 8), zone=ZONE).current == 0  # not rolled up yet
    roll_up(session)
    assert progress(session, target, today=date(2026, 11, 8), zone=ZONE).current == 40


def test_a_visitor_of_two_messages_on_one_day_is_two_visitor_days(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.PORTAL_VISITOR_DAYS, 100)
    second = add_message(session, w.editor, w.commune_a, w.campaign, published_on=STARTS)
    visit(session, w.message, date(2026, 11, 3), 1)
    visit(session, second, date(2026, 11, 3), 1)
    roll_up(session)
    assert progress(session, target, today=date(2026, 11, 8), zone=ZONE).current == 2


def test_visitor_days_sum_measured_portal_visitors_of_the_campaigns_messages_in_the_period(session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.PORTAL_VISITOR_DAYS, 1000)
    visit(session, w.message, date(2026, 11, 3), 120)
    visit(session, w.message, date(2026, 11, 4), 80)
    visit(session, w.message, date(2026, 11, 4), 999, source=ReachSource.REPORTED)  # not measured
    visit(session, w.message, date(2026, 11, 4), 999, metric="listeners")
    visit(session, w.message, STARTS - timedelta(days=1), 999)
    visit(session, add_message(session, w.editor, w.province, None), date(2026, 11, 4), 999)  # no campaign
    visit(session, add_message(session, w.editor, w.other_commune, w.campaign), date(2026, 11, 4), 999)
    visit(session, w.message, date(2026, 11, 9), 999)  # after today
    roll_up(session)
    result = progress(session, target, today=date(2026, 11, 8), zone=ZONE)
    assert (result.kind, result.current, result.goal) == (FigureKind.MEASURED, 200, 1000)
    assert result.share_done == pytest.approx(0.2) and result.expected_share == pytest.approx(7 / 28)
    assert result.on_pace is False and result.pace_needed_per_week == pytest.approx(800 / 3)


def test_messages_published_count_the_chosen_kind_only(session):
    w = target_world(session)
    stories = add_target(session, w.campaign, TargetKind.MESSAGES_PUBLISHED, 4, message_kind=MessageKind.STORY)
    every = add_target(session, w.campaign, TargetKind.MESSAGES_PUBLISHED, 4)
    for day in (date(2026, 11, 5), date(2026, 11, 6)):
        add_message(session, w.editor, w.commune_a, w.campaign, kind=MessageKind.STORY, published_on=day)
    add_message(session, w.editor, w.commune_a, w.campaign, kind=MessageKind.STORY, published_on=ENDS + timedelta(1))
    add_message(session, w.editor, w.commune_a, w.campaign, kind=MessageKind.STORY)  # not published
    add_message(session, w.editor, w.other_commune, w.campaign, kind=MessageKind.STORY, published_on=STARTS)
    add_message(session, w.editor, w.province, None, kind=MessageKind.STORY, published_on=STARTS)
    assert progress(session, stories, today=WEEK_2_END, zone=ZONE).current == 2
    assert progress(session, every, today=WEEK_2_END, zone=ZONE).current == 3  # and the world's article
    assert progress(session, stories, today=WEEK_2_END, zone=ZONE).on_pace is True  # 2/4 ≥ 14/28


def test_a_free_text_target_is_kept_and_said_not_measurable(session):
    w = target_world(session)
    add_target(session, w.campaign, TargetKind.OTHER, 50)
    [(target, result)] = campaign_progress(session, w.campaign, today=WEEK_2_END, zone=ZONE)
    assert (result.kind, result.current, result.share_done, result.on_pace) == (
        FigureKind.NOT_MEASURABLE, None, None, None)
    assert result.verdict == NOT_MEASURABLE and result.goal == 50 == target.value
