"""The demo ships eight weeks of reach, recorded by the real code: rollups of every kind, platform figures, targets."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from campaigns.models import (
    Airing,
    AiringStatus,
    Campaign,
    Channel,
    ChannelKind,
    ReachDaily,
    ReachEvent,
    ReachSource,
    Station,
    TargetKind,
)
from campaigns.platform_metrics import latest_platform_metrics
from campaigns.reach_rollups import LAG, roll_up_new_events
from campaigns.target_progress import campaign_progress
from content.area_import import import_areas
from content.models import Message, MessageStatus
from scheduler.demo import load_demo
from scheduler.demo.reach_season import READERS, invented_readers
from tests.stored_text import stored_text

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc)  # 10:00 on a Monday in Hà Nội


@pytest.fixture
def demo(session, session_factory):  # type: ignore[no-untyped-def]
    import_areas(session, province_code="37")
    session.commit()
    summary = load_demo(session_factory, province_code="37", now=NOW, zone=ZONE)
    session.expire_all()
    return summary


def rollup_totals(session) -> dict[tuple[str, ReachSource, str | None], float]:  # type: ignore[no-untyped-def]
    """Sum per metric, kind and channel kind (None: no channel) of the rollups."""
    rows = session.execute(select(ReachDaily.metric, ReachDaily.source, Channel.kind, func.sum(ReachDaily.value))
                           .outerjoin(Channel, Channel.id == ReachDaily.channel_id)
                           .group_by(ReachDaily.metric, ReachDaily.source, Channel.kind))
    return {(metric, source, kind.value if kind else None): value for metric, source, kind, value in rows}


def test_the_demo_ships_rollups_of_every_kind_that_equal_its_raw_events(session, session_factory, demo):
    assert demo.reach is not None and demo.reach.views > 1000 and demo.reach.clicks > 100
    assert "Reach over 8 weeks" in demo.describe()
    totals = rollup_totals(session)
    assert totals[("portal_view", ReachSource.MEASURED, None)] == demo.reach.views
    assert totals[("portal_visitor", ReachSource.MEASURED, None)] < demo.reach.views  # readers come back
    assert {kind for metric, _, kind in totals if metric == "link_click"} == {"facebook", "zalo"}
    assert totals[("loudspeaker_listeners", ReachSource.ESTIMATED, None)] > 0
    days = session.execute(select(func.min(ReachDaily.day), func.max(ReachDaily.day))).one()
    assert (days[1] - days[0]).days >= 7 * 7
    # Platform snapshots are stamped when they were written; the scheduler's next run rolls them up.
    with session_factory() as later:
        roll_up_new_events(later, now=max(NOW, datetime.now(timezone.utc)) + LAG + timedelta(minutes=1), zone=ZONE)
        later.commit()
    session.rollback()  # a new transaction, which sees what the other session committed
    totals = rollup_totals(session)
    assert totals[("total_view", ReachSource.REPORTED, "zalo")] > 0
    assert totals[("post_total_media_view_unique", ReachSource.REPORTED, "facebook")] > 0
    raw = dict(session.execute(select(ReachEvent.metric, func.sum(ReachEvent.value)).group_by(ReachEvent.metric)).all())
    rolled = dict(session.execute(select(ReachDaily.metric, func.sum(ReachDaily.value)).group_by(ReachDaily.metric)).all())
    assert rolled == pytest.approx(raw)


def test_the_demo_posts_read_back_platform_figures_and_stations_answer_as_stations_do(session, demo):
    message = session.scalars(select(Message).where(Message.status == MessageStatus.PUBLISHED)
                              .order_by(Message.published_at)).first()
    figures = {f.kind: f for f in latest_platform_metrics(session, message)}
    assert figures[ChannelKind.FACEBOOK].figures["reactions"].api_version.startswith("v")
    assert figures[ChannelKind.ZALO].figures["total_view"].value > 0
    # The demo holds no token: its social channels are switched off until an admin enters one.
    assert not any(session.scalars(select(Channel.is_enabled).where(
        Channel.kind.in_([ChannelKind.FACEBOOK, ChannelKind.ZALO]))))
    refused = session.scalars(select(Airing).where(Airing.status == AiringStatus.NOT_AIRED)).all()
    assert refused and all(airing.reason for airing in refused)
    uncovered = session.scalars(select(Station).where(Station.coverage_population.is_(None))).one()
    assert session.scalar(select(func.count()).select_from(Airing).where(
        Airing.station_id == uncovered.id, Airing.status == AiringStatus.AIRED)) > 0
    assert session.scalar(select(func.count()).select_from(ReachEvent).where(
        ReachEvent.station_id == uncovered.id)) == 0  # no coverage figure: no estimate, never 0
    # The invented readers' addresses were hashed on the way in and are stored nowhere.
    addresses = {address for address, _ in invented_readers(random.Random(0))}
    assert len(addresses) == READERS
    assert not [value for _, value in stored_text(session) if any(a in value for a in addresses)]


def test_the_demo_campaigns_have_targets_of_every_kind_some_on_pace_some_behind(session, demo):
    progress = [(target, p) for campaign in session.scalars(select(Campaign))
                for target, p in campaign_progress(session, campaign, today=NOW.astimezone(ZONE).date(), zone=ZONE)]
    kinds = {target.kind for target, _ in progress}
    assert kinds >= {TargetKind.STATION_WEEKLY_AIRINGS, TargetKind.COMMUNE_SHARE, TargetKind.PORTAL_VISITOR_DAYS,
                     TargetKind.MESSAGES_PUBLISHED, TargetKind.MILESTONES}
    verdicts = {target.kind: p.on_pace for target, p in progress}
    assert verdicts[TargetKind.PORTAL_VISITOR_DAYS] and verdicts[TargetKind.MESSAGES_PUBLISHED]
    assert verdicts[TargetKind.STATION_WEEKLY_AIRINGS] is False and verdicts[TargetKind.MILESTONES] is False
    milestones = next(p for target, p in progress if target.kind is TargetKind.MILESTONES)
    assert milestones.current == 2
    airings = next(p for target, p in progress if target.kind is TargetKind.STATION_WEEKLY_AIRINGS)
    assert 0 < (airings.current or 0) < airings.goal


def test_the_demo_shows_missing_confirmation_alerts_to_the_officers(session, demo):
    from campaigns.notice_models import ConfirmationAlert, NoticeKind, Notification

    alerts = list(session.scalars(select(ConfirmationAlert)))
    assert demo.alerts == len(alerts) >= 1
    told = {(n.user.username, n.kind) for n in session.scalars(select(Notification))}
    # The demo's communes have no officers of their own: the province's admin and editor are told.
    assert {("quantri", NoticeKind.MISSED_CONFIRMATION), ("bientap", NoticeKind.MISSED_CONFIRMATION)} <= told
    assert all(alert.items >= 1 and alert.slots for alert in alerts)
