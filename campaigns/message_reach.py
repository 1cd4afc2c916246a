"""Everything a message's reach page shows, for one viewer and one period: per channel, per day, per area.

Sources, each kept with its metric and kind and never added to another:
- the daily rollups (campaigns.reach_reads): portal views, visitor-days and bot views, tracked-link clicks;
- the platforms' newest snapshots (campaigns.platform_metrics): a platform that gives no figure
  (Telegram, webhooks) is marked so, and its figures are None, never 0;
- the loudspeakers (campaigns.loudspeaker_reach): confirmed airings, potential listeners and gross
  contacts, summed over the days, with the stations whose coverage figure is missing.

Every figure is limited to the viewer's share (campaigns.reach_scope): what was recorded in their area.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from campaigns.combined_reach import PEOPLE_METRICS, Audience, CombinedRange, combined_range
from campaigns.loudspeaker_reach import (
    AIRINGS,
    CONTACTS,
    Figure,
    LoudspeakerDay,
    listeners_over,
    loudspeaker_reach,
)
from campaigns.models import Channel, ChannelKind, Delivery, DeliveryStatus, ReachSource, Station
from campaigns.platform_metrics import latest_platform_metrics
from campaigns.reach_reads import (
    MAX_DAYS,
    AreaReach,
    DayChannelReach,
    DayRange,
    reach_by_area,
    reach_by_day,
    reach_by_day_and_channel,
)
from campaigns.reach_rollups import local_day
from campaigns.reach_scope import ReachScope, place_is_seen
from content.areas import is_within
from content.errors import PermissionDenied
from content.models import Area, Message
from content.permissions import Action
from content.wording import Text

PORTAL = "portal"
LOUDSPEAKERS = "loudspeakers"
# Outside platforms that report no figure for a post: their figures are "not available", never 0. Loa's own
# channels (portal, feeds) are measured by Loa; Facebook and Zalo report theirs (campaigns.platform_metrics).
SILENT_PLATFORMS = frozenset({ChannelKind.TELEGRAM, ChannelKind.WEBHOOK})
KIND_ORDER = list(ChannelKind)  # Loa's own channels first, as the enum lists them
OUTSIDE_SCOPE = Text("Địa bàn này nằm ngoài phạm vi bạn được xem số liệu.")


@dataclass(frozen=True)
class ReachFigure:
    """One number with its metric and kind; None is "no data", which is not 0."""

    metric: str
    kind: ReachSource
    value: float | None
    api_version: str | None = None  # a platform's figure: the API version that named the metric
    read_at: datetime | None = None  # a platform's figure: when its newest snapshot was read


@dataclass(frozen=True)
class ChannelSummary:
    """One channel's figures over the period. `name` None: the portal's own pages, or the loudspeakers,
    which the page names itself. `reports` False: an outside platform that gives no figures at all."""

    key: str
    channel_id: int | None
    channel_kind: ChannelKind | None
    name: str | None
    figures: tuple[ReachFigure, ...]
    reports: bool
    people: ReachFigure | None


@dataclass(frozen=True)
class DaySeries:
    channel_key: str
    metric: str
    kind: ReachSource
    points: tuple[tuple[date, float], ...]


@dataclass(frozen=True)
class LoudspeakerSummary:
    days: tuple[LoudspeakerDay, ...]
    airings: ReachFigure
    listeners: ReachFigure
    contacts: ReachFigure
    stations_without_coverage: tuple[Station, ...]
    # Villages a plan targeted whose population is not known: their airings estimate no listeners.
    villages_without_population: tuple[Area, ...] = ()


@dataclass(frozen=True)
class AreaBreakdown:
    """The areas just below `root` (None: the provinces), each its subtree's sums, and root's own totals."""

    root: Area | None
    totals: tuple[ReachFigure, ...]
    rows: tuple[AreaReach, ...]


@dataclass(frozen=True)
class MessageReachReport:
    message: Message
    days: DayRange
    scope: ReachScope
    channels: tuple[ChannelSummary, ...]
    series: tuple[DaySeries, ...]
    loudspeaker: LoudspeakerSummary
    population_area: Area | None
    combined: CombinedRange
    areas: AreaBreakdown


def default_period(session: Session, message: Message, *, today: date, zone: ZoneInfo) -> DayRange:
    """From the message's publication (or its first delivery) to today, at most MAX_DAYS long."""
    started = message.published_at or session.scalar(
        select(func.min(Delivery.sent_at)).where(Delivery.message_id == message.id))
    first = local_day(started, zone) if started is not None else today
    first = min(max(first, today - timedelta(days=MAX_DAYS - 1)), today)
    return DayRange(first, today)


def area_root(scope: ReachScope, message: Message, requested: Area | None) -> Area | None:
    """The area whose children the area table lists: the one asked for, if within the viewer's share;
    by default the message's area when the viewer sees it whole, else the viewer's own area."""
    if requested is not None:
        if not is_within(requested, scope.limit):
            raise PermissionDenied(OUTSIDE_SCOPE, attempted=Action.REACH_VIEW.value, object_type="area",
                                   object_id=requested.id)
        return requested
    return message.area if scope.whole else scope.limit


def message_reach(session: Session, message: Message, days: DayRange, *, scope: ReachScope, root: Area | None,
                  zone: ZoneInfo) -> MessageReachReport:
    """The whole page's figures; `root` is the area table's (see area_root)."""
    rows = reach_by_day_and_channel(session, message, days, scope.limit, with_unplaced=scope.whole)
    loudspeaker = _loudspeaker(session, message, days, scope, zone)
    channels = _channels(session, message, scope, rows, loudspeaker)
    population_area = message.area if scope.whole else scope.limit
    audiences = [Audience(c.key, c.people.metric, c.people.value) for c in channels
                 if c.people is not None and c.people.value is not None]
    combined = combined_range(audiences, population_area.population if population_area is not None else None)
    return MessageReachReport(message, days, scope, channels, _series(rows, channels, loudspeaker), loudspeaker,
                              population_area, combined, _areas(session, message, days, root))


def _portal_key(channels: list[Channel]) -> str:
    """Portal views are recorded for no channel: they belong to the portal channel the message went to."""
    portal = next((c for c in channels if c.kind is ChannelKind.PORTAL), None)
    return f"channel-{portal.id}" if portal is not None else PORTAL


def _key_of(channel_id: int | None, portal_key: str) -> str:
    return f"channel-{channel_id}" if channel_id is not None else portal_key


def _is_loudspeaker_row(channel_id: int | None, metric: str) -> bool:
    # The rollups' per-airing listeners are shown through campaigns.loudspeaker_reach, which counts an
    # area once per day however many stations cover it.
    return channel_id is None and metric.startswith("loudspeaker_")


def _channels(session: Session, message: Message, scope: ReachScope, rows: list[DayChannelReach],
              loudspeaker: LoudspeakerSummary) -> tuple[ChannelSummary, ...]:
    sent = select(Delivery.channel_id).where(Delivery.message_id == message.id,
                                             Delivery.status == DeliveryStatus.SENT)
    with_figures = {r.channel_id for r in rows if r.channel_id is not None}
    candidates = sorted(session.scalars(select(Channel).where(Channel.id.in_(sent) | Channel.id.in_(with_figures))),
                        key=lambda c: (KIND_ORDER.index(c.kind), c.name, c.id))
    # A channel's own figures (a platform's) belong to its area, or to the message's when it has none.
    channels = [c for c in candidates if c.id in with_figures or place_is_seen(scope, c.area or message.area)]
    portal_key = _portal_key(channels)
    sums: dict[str, dict[tuple[str, ReachSource], float]] = defaultdict(dict)
    for r in rows:
        if not _is_loudspeaker_row(r.channel_id, r.metric):
            totals = sums[_key_of(r.channel_id, portal_key)]
            totals[(r.metric, r.kind)] = totals.get((r.metric, r.kind), 0.0) + r.value
    platforms = {f.channel_id: f for f in latest_platform_metrics(session, message)}
    result = []
    for channel in channels:
        key = f"channel-{channel.id}"
        figures = _summed(sums[key])
        platform = platforms.get(channel.id)
        if platform is not None and place_is_seen(scope, channel.area or message.area):
            figures += [ReachFigure(f.metric, f.source, f.value, f.api_version, f.read_at)
                        for _, f in sorted(platform.figures.items())]
        result.append(ChannelSummary(key, channel.id, channel.kind, channel.name, tuple(figures),
                                     channel.kind not in SILENT_PLATFORMS, _people(channel.kind, figures)))
    if portal_key == PORTAL and sums.get(PORTAL):
        figures = _summed(sums[PORTAL])
        result.insert(0, ChannelSummary(PORTAL, None, ChannelKind.PORTAL, None, tuple(figures), True,
                                        _people(ChannelKind.PORTAL, figures)))
    if loudspeaker.days or loudspeaker.stations_without_coverage:
        figures = [loudspeaker.airings, loudspeaker.listeners, loudspeaker.contacts]
        people = loudspeaker.listeners if loudspeaker.listeners.value is not None else None
        result.append(ChannelSummary(LOUDSPEAKERS, None, None, None, tuple(figures), True, people))
    return tuple(result)


def _summed(totals: dict[tuple[str, ReachSource], float]) -> list[ReachFigure]:
    """The figures of a channel, bots' after people's (they are shown apart, never hidden)."""
    order = sorted(totals.items(), key=lambda item: ("bot" in item[0][0], item[0][0], item[0][1].value))
    return [ReachFigure(metric, kind, value) for (metric, kind), value in order]


def _people(kind: ChannelKind, figures: list[ReachFigure]) -> ReachFigure | None:
    metric = PEOPLE_METRICS.get(kind)
    return next((f for f in figures if f.metric == metric and f.value is not None), None)


def _loudspeaker(session: Session, message: Message, days: DayRange, scope: ReachScope,
                 zone: ZoneInfo) -> LoudspeakerSummary:
    aired = loudspeaker_reach(session, message, days.first, days.last, zone=zone, within=scope.limit)

    def _figure(figure: Figure) -> ReachFigure:
        return ReachFigure(figure.metric, figure.kind, float(figure.value) if figure.value is not None else None)

    def total(metric: str, kind: ReachSource, values: list[int | None]) -> ReachFigure:
        known = [v for v in values if v is not None]
        return ReachFigure(metric, kind, float(sum(known)) if known else None)

    missing = sorted({station_id for day in aired for station_id in day.stations_without_coverage})
    stations = tuple(session.scalars(select(Station).where(Station.id.in_(missing)).order_by(Station.name)))
    unknown = {village_id for day in aired for village_id in day.villages_without_population}
    villages = tuple(session.scalars(select(Area).where(Area.id.in_(unknown)).order_by(Area.name))) if unknown else ()
    return LoudspeakerSummary(
        tuple(aired),
        total(AIRINGS, ReachSource.MEASURED, [d.airings.value for d in aired]),
        _figure(listeners_over(aired)),
        total(CONTACTS, ReachSource.ESTIMATED, [d.contacts.value for d in aired]),
        stations, villages)


def _series(rows: list[DayChannelReach], channels: tuple[ChannelSummary, ...], loudspeaker: LoudspeakerSummary) -> tuple[DaySeries, ...]:
    """Per channel, metric and kind, the figure of each day that has one (a chart's lines)."""
    portal_key = next((c.key for c in channels if c.channel_kind is ChannelKind.PORTAL), PORTAL)
    points: dict[tuple[str, str, ReachSource], list[tuple[date, float]]] = defaultdict(list)
    for r in rows:
        if not _is_loudspeaker_row(r.channel_id, r.metric):
            points[(_key_of(r.channel_id, portal_key), r.metric, r.kind)].append((r.day, r.value))
    for day in loudspeaker.days:
        for figure in (day.airings, day.listeners, day.contacts):
            if figure.value is not None:
                points[(LOUDSPEAKERS, figure.metric, figure.kind)].append((day.day, float(figure.value)))
    order = {c.key: i for i, c in enumerate(channels)}
    return tuple(DaySeries(key, metric, kind, tuple(sorted(found)))
                 for (key, metric, kind), found in sorted(points.items(),
                                                          key=lambda item: (order.get(item[0][0], 0), item[0][1:])))


def _areas(session: Session, message: Message, days: DayRange, root: Area | None) -> AreaBreakdown:
    totals: dict[tuple[str, ReachSource], float] = {}
    if root is not None:
        for r in reach_by_day(session, message, days, within=root):
            totals[(r.metric, r.kind)] = totals.get((r.metric, r.kind), 0.0) + r.value
    figures = tuple(ReachFigure(metric, kind, value) for (metric, kind), value in sorted(totals.items()))
    return AreaBreakdown(root, figures, tuple(reach_by_area(session, message, days, root)))
