"""The shapes of reach summaries over the API, and how a report becomes one.

Every figure keeps its metric and its kind (measured, reported by a platform, estimated); a figure with no
data is null, never 0. Only the principal's share is ever in a report (campaigns.reach_scope), so nothing
here filters: it only describes.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from campaigns.message_reach import ChannelSummary, MessageReachReport, ReachFigure
from campaigns.models import ReachSource
from campaigns.reach_reads import AreaReach, DayRange, DayReach
from web.api.bounded_times import Day
from web.api.shapes import Id, Input


class ReachQuery(Input):
    from_: Day | None = Field(default=None, alias="from", description="First local day (YYYY-MM-DD), included.")
    to: Day | None = Field(default=None, description="Last local day (YYYY-MM-DD), included.")
    area: Id | None = Field(default=None, description="The area whose children the area figures list.")



class Period(BaseModel):
    model_config = ConfigDict(serialize_by_alias=True)

    from_: date = Field(alias="from", serialization_alias="from", description="First local day, included.")
    to: date = Field(description="Last local day, included.")


def period_of(days: DayRange) -> Period:
    return Period.model_validate({"from": days.first, "to": days.last})


class FigureOut(BaseModel):
    metric: str
    kind: ReachSource
    value: float | None = Field(description="null: no data, which is not 0.")
    api_version: str | None = Field(default=None, description="A platform's figure: the API version that named it.")
    read_at: datetime | None = Field(default=None, description="A platform's figure: when it was read.")


def figure_out(figure: ReachFigure) -> FigureOut:
    return FigureOut(metric=figure.metric, kind=figure.kind, value=figure.value, api_version=figure.api_version,
                     read_at=figure.read_at)


class ChannelReachOut(BaseModel):
    key: str = Field(description="`channel-<id>`, `portal` (the portal's own pages) or `loudspeakers`.")
    channel_id: int | None
    platform: str | None = Field(description="The channel's kind; null for the loudspeakers.")
    name: str | None
    reports: bool = Field(description="false: an outside platform that gives no figures at all.")
    people: FigureOut | None = Field(description="The figure this channel adds to the combined range.")
    figures: list[FigureOut]


def channel_out(channel: ChannelSummary) -> ChannelReachOut:
    return ChannelReachOut(key=channel.key, channel_id=channel.channel_id,
                           platform=channel.channel_kind.value if channel.channel_kind else None, name=channel.name,
                           reports=channel.reports, people=figure_out(channel.people) if channel.people else None,
                           figures=[figure_out(f) for f in channel.figures])


class Point(BaseModel):
    day: date
    value: float


class SeriesOut(BaseModel):
    channel_key: str | None = Field(default=None, description="The channel a line belongs to (message reach).")
    metric: str
    kind: ReachSource
    points: list[Point] = Field(description="The days that have a figure; a missing day has no data.")


class LoudspeakerOut(BaseModel):
    airings: FigureOut
    listeners: FigureOut
    contacts: FigureOut
    stations_without_coverage: list[int] = Field(description="Stations whose airings estimate no listeners: "
                                                             "their coverage is not recorded.")
    villages_without_population: list[int]


class CombinedOut(BaseModel):
    """People reached across channels as a range: at least the largest audience, at most their sum (capped by
    the population), since the same person may be counted on several channels."""

    population: int | None
    low: float | None
    high: float | None
    total: float | None


class AreaFigure(BaseModel):
    area_id: int
    area_name: str
    metric: str
    kind: ReachSource
    value: float


def area_figures(rows: list[AreaReach]) -> list[AreaFigure]:
    return [AreaFigure(area_id=r.area.id, area_name=r.area.name, metric=r.metric, kind=r.kind, value=r.value)
            for r in rows]


class AreasOut(BaseModel):
    root_area_id: int | None = Field(description="The areas listed are those just below this one.")
    totals: list[FigureOut]
    rows: list[AreaFigure]


class ShareOut(BaseModel):
    area_id: int | None = Field(description="Figures are limited to this area's subtree; null: the whole country.")
    whole: bool = Field(description="true: the principal oversees the subject's own area and sees all of it.")


class MessageReachOut(BaseModel):
    message_id: int
    period: Period
    share: ShareOut
    channels: list[ChannelReachOut]
    series: list[SeriesOut]
    loudspeaker: LoudspeakerOut
    combined: CombinedOut
    areas: AreasOut


def message_reach_out(report: MessageReachReport) -> MessageReachOut:
    loud, combined = report.loudspeaker, report.combined
    return MessageReachOut(
        message_id=report.message.id, period=period_of(report.days),
        share=ShareOut(area_id=report.scope.limit.id if report.scope.limit else None, whole=report.scope.whole),
        channels=[channel_out(c) for c in report.channels],
        series=[SeriesOut(channel_key=s.channel_key, metric=s.metric, kind=s.kind,
                          points=[Point(day=d, value=v) for d, v in s.points]) for s in report.series],
        loudspeaker=LoudspeakerOut(airings=figure_out(loud.airings), listeners=figure_out(loud.listeners),
                                   contacts=figure_out(loud.contacts),
                                   stations_without_coverage=[s.id for s in loud.stations_without_coverage],
                                   villages_without_population=[a.id for a in loud.villages_without_population]),
        combined=CombinedOut(population=combined.population, low=combined.low, high=combined.high,
                             total=combined.total),
        areas=AreasOut(root_area_id=report.areas.root.id if report.areas.root else None,
                       totals=[figure_out(f) for f in report.areas.totals], rows=area_figures(list(report.areas.rows))))


class TotalOut(BaseModel):
    metric: str
    kind: ReachSource
    value: float = Field(description="The sum of the days' figures (visitor-days, listener-days: not people).")
    days: int = Field(description="Days that have a figure.")


class CampaignReachOut(BaseModel):
    campaign_id: int
    period: Period
    share: ShareOut
    top_area_id: int = Field(description="Where the principal's drill-down starts: the owner area, or their own.")
    totals: list[TotalOut]
    series: list[SeriesOut]
    areas: AreasOut


def totals_and_series(rows: list[DayReach]) -> tuple[list[TotalOut], list[SeriesOut]]:
    by_series: dict[tuple[str, ReachSource], dict[date, float]] = defaultdict(dict)
    for row in rows:
        days = by_series[(row.metric, row.kind)]
        days[row.day] = days.get(row.day, 0.0) + row.value
    keys = sorted(by_series, key=lambda s: (s[0], s[1].value))
    totals = [TotalOut(metric=m, kind=k, value=sum(by_series[m, k].values()), days=len(by_series[m, k]))
              for m, k in keys]
    series = [SeriesOut(metric=m, kind=k, points=[Point(day=d, value=v) for d, v in sorted(by_series[m, k].items())])
              for m, k in keys]
    return totals, series
