"""How far each target of a campaign has come: computed from what Loa recorded, never typed in.

Airings, messages and milestones are read from their own tables (a confirmed airing, a published
message, a recorded milestone are facts, not reach events). Portal visitor-days are read from the daily
rollups (reach_daily, through campaigns.reach_reads), as every dashboard figure is: they trail the raw
events by the rollup job's lag (campaigns.reach_rollups.LAG plus one interval).

Visitor-days of a target are counted per message: a visitor who opened two of the campaign's messages
on one day is two visitor-days. That is the figure the portal records per message (`portal_visitor`,
one per visitor, message and local day); the site-wide count (one per visitor and day, whatever they
read) is recorded for no message, so it cannot be told apart by campaign, and it would also count
visits to other campaigns' pages. A target's "visitor-days" therefore reads "visits to the campaign's
messages, each visitor counted once a day per message" — the measure shown beside it says so.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from campaigns.model_stats import running_residential
from campaigns.models import Campaign, ReachSource, Target, TargetKind
from campaigns.reach_reads import DayRange, total_of_messages_in
from campaigns.station_airings import (
    active_stations,
    confirmed_airings,
    iso_weeks,
    monday_of,
    of_campaign,
    utc_bounds,
    within_any,
)
from campaigns.target_models import TargetMilestone
from campaigns.visits import VISITOR
from content.models import Area, AreaKind, Message
from content.wording import Text

# The metric of one portal visitor of one message on one local day (campaigns.visits.VISITOR).
PORTAL_VISITOR_METRIC = VISITOR


class FigureKind(enum.StrEnum):
    MEASURED = "measured"  # Loa observed it (airings confirmed, visitors counted, messages published)
    RECORDED = "recorded"  # an officer recorded it, with evidence (a decision's number)
    NOT_MEASURABLE = "not_measurable"  # a target Loa has no figure for


FIGURE_KINDS = {
    TargetKind.STATION_WEEKLY_AIRINGS: FigureKind.MEASURED, TargetKind.COMMUNE_SHARE: FigureKind.MEASURED,
    TargetKind.PORTAL_VISITOR_DAYS: FigureKind.MEASURED, TargetKind.MESSAGES_PUBLISHED: FigureKind.MEASURED,
    TargetKind.MILESTONES: FigureKind.RECORDED, TargetKind.MODEL_SHARE: FigureKind.RECORDED,
    TargetKind.OTHER: FigureKind.NOT_MEASURABLE,
}

# What `current` and `goal` count, per kind: for airings it is station-weeks, not the per-week value.
MEASURES = {
    TargetKind.STATION_WEEKLY_AIRINGS: Text("tuần đài phát đủ số lượt"),
    TargetKind.COMMUNE_SHARE: Text("phần trăm xã, phường đủ số lượt phát"),
    TargetKind.PORTAL_VISITOR_DAYS: Text("lượt khách-ngày trên cổng"),
    TargetKind.MESSAGES_PUBLISHED: Text("tin đã đăng"),
    TargetKind.MILESTONES: Text("địa bàn đã đạt"),
    TargetKind.MODEL_SHARE: Text("phần trăm thôn, tổ dân phố có mô hình tự quản đang hoạt động"),
    TargetKind.OTHER: Text("không đo được"),
}

ON_PACE, BEHIND = Text("Đúng tiến độ"), Text("Chậm tiến độ")
NOT_MEASURABLE = Text("Loa không đo được chỉ tiêu này")


@dataclass(frozen=True)
class Progress:
    kind: FigureKind
    measure: Text
    current: float | None
    goal: float
    starts_on: date
    ends_on: date
    share_done: float | None  # current / goal; may pass 1
    expected_share: float  # where a steady pace would be by today: 0 before the period, 1 after it
    on_pace: bool | None
    pace_needed_per_week: float | None  # still to do ÷ weeks after today; None once the period is over

    @property
    def verdict(self) -> Text:
        if self.on_pace is None:
            return NOT_MEASURABLE
        return ON_PACE if self.on_pace else BEHIND


def period_of(target: Target) -> tuple[date, date]:
    return target.starts_on or target.campaign.starts_on, target.ends_on or target.campaign.ends_on


def scope_of(target: Target) -> list[Area]:
    """The areas a target measures: its own area, else the campaign's areas, else the owner's."""
    if target.area_id is not None:
        return [target.area] if target.area else []
    return list(target.campaign.areas) or [target.campaign.owner_area]


def _station_weeks(session: Session, target: Target, first: date, last: date, upto: date,
                   zone: ZoneInfo) -> tuple[float, float]:
    stations = active_stations(session, scope_of(target))
    counts: dict[tuple[int, date], int] = defaultdict(int)
    for station_id, day in confirmed_airings(session, target.campaign, [s.id for s in stations], first, upto, zone):
        counts[station_id, monday_of(day)] += 1
    done = sum(1 for n in counts.values() if n >= target.value)
    return done, len(stations) * len(iso_weeks(first, last))


def _commune_share(session: Session, target: Target, first: date, upto: date, zone: ZoneInfo) -> float:
    scope = scope_of(target)
    communes = list(session.scalars(select(Area).where(Area.kind == AreaKind.COMMUNE, within_any(scope)))) \
        if scope else []
    if not communes:
        return 0.0
    stations = active_stations(session, scope)
    station_path = {s.id: s.area.path for s in stations}
    aired: dict[int, int] = defaultdict(int)
    for station_id, _day in confirmed_airings(session, target.campaign, list(station_path), first, upto, zone):
        for commune in communes:
            if station_path[station_id].startswith(commune.path):
                aired[commune.id] += 1
    enough = sum(1 for c in communes if aired[c.id] >= (target.min_airings or 1))
    return 100.0 * enough / len(communes)


def _visitor_days(session: Session, target: Target, first: date, upto: date) -> float:
    """Measured portal visitors of the campaign's messages whose area lies in the target's scope, summed
    over the local days from `first` to `upto`: visitor-days, a visitor-day per message (module docstring)."""
    return total_of_messages_in(session, target.campaign, DayRange(first, upto), PORTAL_VISITOR_METRIC,
                                ReachSource.MEASURED, scope_of(target))


def _published(session: Session, target: Target, first: date, upto: date, zone: ZoneInfo) -> float:
    scope = scope_of(target)
    if upto < first or not scope:
        return 0.0
    start, end = utc_bounds(first, upto, zone)
    query = (select(func.count(Message.id)).join(Area, Message.area_id == Area.id)
             .where(Message.published_at >= start, Message.published_at < end,
                    of_campaign(target.campaign), within_any(scope)))
    if target.message_kind is not None:
        query = query.where(Message.kind == target.message_kind)
    return float(session.scalar(query) or 0)


def _milestones(session: Session, target: Target, upto: date) -> float:
    return float(session.scalar(select(func.count(TargetMilestone.id)).where(
        TargetMilestone.target_id == target.id, TargetMilestone.reached_on <= upto)) or 0)


def _current(session: Session, target: Target, first: date, last: date, upto: date,
             zone: ZoneInfo) -> tuple[float, float]:
    """(current, goal) for a measurable kind, counting what happened up to `upto`."""
    if target.kind is TargetKind.STATION_WEEKLY_AIRINGS:
        return _station_weeks(session, target, first, last, upto, zone)
    if target.kind is TargetKind.COMMUNE_SHARE:
        return _commune_share(session, target, first, upto, zone), target.value
    if target.kind is TargetKind.PORTAL_VISITOR_DAYS:
        return _visitor_days(session, target, first, upto), target.value
    if target.kind is TargetKind.MESSAGES_PUBLISHED:
        return _published(session, target, first, upto, zone), target.value
    if target.kind is TargetKind.MODEL_SHARE:
        villages, with_model = running_residential(session, scope_of(target), upto)
        return (100.0 * with_model / villages if villages else 0.0), target.value
    return _milestones(session, target, upto), target.value


def progress(session: Session, target: Target, *, today: date, zone: ZoneInfo) -> Progress:
    first, last = period_of(target)
    days = (last - first).days + 1
    expected = min(max((today - first).days + 1, 0), days) / days if days > 0 else 1.0
    if target.kind is TargetKind.OTHER:
        return Progress(kind=FigureKind.NOT_MEASURABLE, measure=MEASURES[target.kind], current=None,
                        goal=target.value, starts_on=first, ends_on=last, share_done=None,
                        expected_share=expected, on_pace=None, pace_needed_per_week=None)
    current, goal = _current(session, target, first, last, min(today, last), zone)
    share = current / goal if goal > 0 else 1.0
    # Today's figures already count, so what is left must be done in the days after today.
    days_left = (last - max(today, first - timedelta(days=1))).days
    pace = max(goal - current, 0.0) / (days_left / 7) if days_left > 0 else None
    return Progress(kind=FIGURE_KINDS[target.kind], measure=MEASURES[target.kind], current=current, goal=goal,
                    starts_on=first, ends_on=last, share_done=share, expected_share=expected,
                    on_pace=share + 1e-9 >= expected, pace_needed_per_week=pace)


def campaign_progress(session: Session, campaign: Campaign, *, today: date,
                      zone: ZoneInfo) -> list[tuple[Target, Progress]]:
    return [(target, progress(session, target, today=today, zone=zone)) for target in campaign.targets]
