"""A campaign's reach for one viewer: who may see it, which share of the rollups they see, and the platforms'
totals (each message's newest snapshot, summed over messages, never over snapshots)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from campaigns.models import ChannelKind, ReachSource
from campaigns.platform_metrics import latest_campaign_platform_metrics
from campaigns.reach_reads import DayRange, reach_by_day_seen_from, reach_by_message_seen_from, total_of_messages_in
from campaigns.reach_rollups import roll_up_new_events
from campaigns.reach_scope import campaign_reach_view, is_target_visible
from campaigns.target_progress import scope_of
from content.errors import PermissionDenied
from content.models import Role, User
from tests.factories import make_user
from tests.reach_world import ENDS, NOW, STARTS, ZONE, ReachWorld, event, reach_world

PERIOD = DayRange(STARTS, ENDS)


def user(session, username: str) -> User:  # type: ignore[no-untyped-def]
    return session.scalar(select(User).where(User.username == username))


def totals(rows) -> dict[tuple[str, ReachSource], float]:  # type: ignore[no-untyped-def]
    out: dict[tuple[str, ReachSource], float] = {}
    for row in rows:
        out[(row.metric, row.kind)] = out.get((row.metric, row.kind), 0) + row.value
    return out


def test_the_owner_areas_officers_see_the_whole_campaign_from_the_owner_area(session):
    w = reach_world(session)
    view = campaign_reach_view(user(session, "phantich_tinh"), w.campaign)
    assert (view.area, view.top) == (w.province, w.province)
    country = make_user(session, role=Role.ADMIN, area=None, username="quantri_toanquoc")
    assert campaign_reach_view(country, w.campaign).area is None


def test_a_wards_officer_sees_the_campaign_from_the_ward_down(session):
    w = reach_world(session)
    view = campaign_reach_view(user(session, "bientap_an_lac"), w.campaign)
    assert (view.area, view.top) == (w.ward, w.ward)
    assert view.includes(w.hamlet) and not view.includes(w.commune) and not view.includes(w.province)


@pytest.mark.parametrize("username", ["bientap_ha_son", "dai_tinh"])
def test_another_province_and_a_radio_operator_are_refused(session, username):
    w = reach_world(session)
    with pytest.raises(PermissionDenied):
        campaign_reach_view(user(session, username), w.campaign)


def test_a_province_wide_target_is_hidden_from_a_ward_and_the_wards_own_is_not(session):
    w = reach_world(session)
    view = campaign_reach_view(user(session, "bientap_an_lac"), w.campaign)
    province_wide, ward_target = sorted(w.campaign.targets, key=lambda t: t.id)
    assert not is_target_visible(view, scope_of(province_wide))
    assert is_target_visible(view, scope_of(ward_target))


def test_a_viewer_sees_figures_placed_in_their_subtree_and_unplaced_ones_of_their_messages(session):
    w = reach_world(session)
    ward = totals(reach_by_day_seen_from(session, w.campaign, PERIOD, w.ward))
    # The ward's message's views (recorded for no place), and airings in the ward and its hamlet.
    assert ward == {("portal_view", ReachSource.MEASURED): 120, ("portal_visitor", ReachSource.MEASURED): 90,
                    ("loudspeaker_airings", ReachSource.MEASURED): 5,
                    ("loudspeaker_potential_listeners", ReachSource.ESTIMATED): 4000}
    province = totals(reach_by_day_seen_from(session, w.campaign, PERIOD, w.province))
    assert province[("portal_view", ReachSource.MEASURED)] == 500 + 300 + 120 + 1357
    assert totals(reach_by_day_seen_from(session, w.campaign, PERIOD, None)) == province
    assert reach_by_day_seen_from(session, w.campaign, PERIOD, w.other_province) == []
    assert not any(r.kind is ReachSource.REPORTED for r in reach_by_day_seen_from(session, w.campaign, PERIOD, None))


def test_a_figure_of_another_area_recorded_for_a_wards_message_stays_out_of_the_wards_view(session):
    w = reach_world(session)
    event(session, w.fire, date(2026, 11, 7), "loudspeaker_airings", 11, area=w.commune)
    session.flush()
    roll_up_new_events(session, now=NOW.replace(day=24), zone=ZONE)
    rows = reach_by_message_seen_from(session, w.campaign, PERIOD, w.ward)
    airings = [r.value for r in rows if r.message_id == w.fire.id and r.metric == "loudspeaker_airings"]
    assert airings == [5]  # the 11 aired in Xã Bình Minh are that commune's
    assert {r.message_id for r in rows} == {w.fire.id}


def test_visitor_days_of_messages_in_an_area_read_the_rollups(session):
    w = reach_world(session)
    assert total_of_messages_in(session, w.campaign, PERIOD, "portal_visitor", ReachSource.MEASURED,
                                [w.province]) == 345
    assert total_of_messages_in(session, w.campaign, PERIOD, "portal_visitor", ReachSource.MEASURED, [w.ward]) == 90
    assert total_of_messages_in(session, w.campaign, DayRange(STARTS, date(2026, 11, 4)), "portal_visitor",
                                ReachSource.MEASURED, [w.province]) == 290
    assert total_of_messages_in(session, w.campaign, PERIOD, "reactions", ReachSource.REPORTED, [w.province]) == 0


def platform(world: ReachWorld, session, **options):  # type: ignore[no-untyped-def]
    found, silent = latest_campaign_platform_metrics(session, world.campaign, **options)
    return {(x.kind, x.metric): (x.value, x.messages) for x in found}, [c.kind for c in silent]


def test_platform_totals_sum_each_messages_newest_snapshot(session):
    w = reach_world(session)
    found, silent = platform(w, session)
    assert found == {(ChannelKind.FACEBOOK, "reactions"): (32, 2)}  # 25 + 7; the older 10 is not added
    assert silent == [ChannelKind.TELEGRAM]


def test_platform_totals_as_they_stood_at_the_end_of_a_period(session):
    w = reach_world(session)
    found, _ = platform(w, session, upto=datetime(2026, 11, 4, tzinfo=timezone.utc))
    assert found == {(ChannelKind.FACEBOOK, "reactions"): (10, 1)}  # the scam's first reading alone


def test_platform_totals_of_a_ward_count_the_wards_messages_only(session):
    w = reach_world(session)
    found, silent = platform(w, session, within=w.ward)
    assert found == {(ChannelKind.FACEBOOK, "reactions"): (7, 1)}
    assert silent == []  # only the province's message went to Telegram
