"""The JSON shapes of deliveries and plans in the API: what a caller sends and what it gets back."""

from __future__ import annotations

from datetime import datetime, time
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from campaigns.delivery_lists import PLATFORMS, STATION_PLATFORM, DeliveryFilter
from campaigns.models import Delivery, DeliveryStatus
from campaigns.planning import DailySlots, PlanRequest, PlanSummary
from web.api.bounded_times import Day, Moment
from web.api.paging import PageLinks, PageQuery
from web.api.shapes import Id, Input

Platform = Literal[PLATFORMS]  # type: ignore[valid-type]  # built from the enum, so a new channel kind is listed


class DeliveryQuery(PageQuery):
    status: list[DeliveryStatus] = Field(default=[], max_length=10, description="Any of these statuses.")
    platform: list[Platform] = Field(default=[], max_length=10,
                                     description="Any of these channel kinds; `station` for the loudspeakers.")
    channel_id: Id | None = None
    station_id: Id | None = None
    due_after: Moment | None = Field(default=None, description="Due at or after this instant (RFC 3339).")
    due_before: Moment | None = Field(default=None, description="Due before this instant (RFC 3339).")

    def criteria(self, *, message_id: int | None = None) -> DeliveryFilter:
        return DeliveryFilter(statuses=tuple(self.status), platforms=tuple(self.platform), channel_id=self.channel_id,
                              station_id=self.station_id, message_id=message_id, due_after=self.due_after,
                              due_before=self.due_before)



class DeliveryOut(BaseModel):
    """One row of the outbox: what goes where and when, and how far it got."""

    id: int
    message_id: int
    status: DeliveryStatus
    platform: Platform = Field(description="The channel's kind, or `station` for a commune loudspeaker.")
    channel_id: int | None
    station_id: int | None
    due_at: datetime
    urgent: bool
    attempts: int
    sent_at: datetime | None
    last_error: str | None = Field(description="The platform's or connector's last refusal, if any.")
    created_at: datetime


class DeliveryList(BaseModel):
    items: list[DeliveryOut]
    next: str | None = Field(description="The cursor of the next page, or null on the last page.")
    links: PageLinks


def delivery_out(delivery: Delivery) -> DeliveryOut:
    platform = delivery.channel.kind.value if delivery.channel is not None else STATION_PLATFORM
    return DeliveryOut(id=delivery.id, message_id=delivery.message_id, status=delivery.status, platform=platform,
                       channel_id=delivery.channel_id, station_id=delivery.station_id, due_at=delivery.due_at,
                       urgent=delivery.urgent, attempts=delivery.attempts, sent_at=delivery.sent_at,
                       last_error=delivery.last_error, created_at=delivery.created_at)


class ChannelTime(Input):
    channel_id: Id
    due_at: Moment


LocalTime = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", description="A local time, HH:MM.")]


class DailyRun(Input):
    first_day: Day = Field(description="Local day, included.")
    last_day: Day = Field(description="Local day, included.")
    times: list[LocalTime] = Field(max_length=24, description="Local times of day in the configured zone.")


class PlanIn(Input):
    """Destinations and times, as on the desk's planning page: one moment (`due_at`), a moment of its own per
    channel (`channel_times`), or daily local times over ranges of days (`daily`, optionally each station's
    own broadcast slots with `use_station_slots`)."""

    channel_ids: list[Id] = Field(default_factory=list, max_length=500)
    station_ids: list[Id] = Field(default_factory=list, max_length=5000)
    area_ids: list[Id] = Field(default_factory=list, max_length=500)
    village_ids: list[Id] = Field(default_factory=list, max_length=5000)
    due_at: Moment | None = None
    channel_times: list[ChannelTime] = Field(default_factory=list, max_length=500)
    daily: list[DailyRun] = Field(default_factory=list, max_length=50)
    use_station_slots: bool = False

    def request(self) -> PlanRequest:
        return PlanRequest(
            channel_ids=tuple(dict.fromkeys(self.channel_ids)), station_ids=tuple(dict.fromkeys(self.station_ids)),
            area_ids=tuple(dict.fromkeys(self.area_ids)), village_ids=tuple(dict.fromkeys(self.village_ids)),
            due_at=self.due_at, channel_times=tuple((c.channel_id, c.due_at) for c in self.channel_times),
            daily=tuple(DailySlots(run.first_day, run.last_day, tuple(sorted({_clock(t) for t in run.times})))
                        for run in self.daily),
            use_station_slots=self.use_station_slots)


def _clock(text: str) -> time:
    return time(int(text[:2]), int(text[3:]))


class PlanOut(BaseModel):
    """What the plan queued: `count` deliveries, the first and last due."""

    message_id: int
    count: int
    channels: int
    stations: int
    first_due: datetime
    last_due: datetime


def plan_out(message_id: int, summary: PlanSummary) -> PlanOut:
    return PlanOut(message_id=message_id, count=summary.count, channels=summary.channels, stations=summary.stations,
                   first_due=summary.first_due, last_due=summary.last_due)
