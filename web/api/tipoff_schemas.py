"""The JSON shapes of tip-off statistics in the API: counts only, no field for a word anyone sent."""

from __future__ import annotations

from pydantic import BaseModel, Field

from campaigns.tipoff_models import TipoffKind, TipoffStatus
from campaigns.tipoff_stats import TipoffFigures
from web.api.bounded_times import Day
from web.api.reach_schemas import Period
from web.api.shapes import Id, Input


class StatsQuery(Input):
    from_: Day | None = Field(default=None, alias="from", description="First local day; default 1 January of "
                                                                       "the current year.")
    to: Day | None = Field(default=None, description="Last local day; default today.")
    area: Id | None = Field(default=None, description="An area within the caller's; default their own.")


class Counts(BaseModel):
    received: int
    valuable: int = Field(description="The officers' latest verdict was 'valuable'.")
    handled: int = Field(description="Received in the period and handled since.")
    waiting: int = Field(description="Received in the period and not touched by an officer yet.")
    by_kind: dict[TipoffKind, int]
    by_status: dict[TipoffStatus, int] = Field(description="Where each one stands now.")
    median_hours_to_first_handling: float | None = Field(description="null: none handled yet, which is not 0.")


class AreaCounts(BaseModel):
    area_id: int
    area_name: str
    counts: Counts = Field(description="The area's whole subtree.")


class TipoffStatsOut(BaseModel):
    area_id: int | None = Field(description="null: the whole country.")
    period: Period
    totals: Counts
    by_area: list[AreaCounts] = Field(description="Each area just below `area_id` with any tip-off in the period, "
                                                  "its whole subtree counted.")


def counts(figures: TipoffFigures) -> Counts:
    return Counts(received=figures.received, valuable=figures.valuable, handled=figures.handled,
                  waiting=figures.waiting, by_kind=dict(figures.by_kind), by_status=dict(figures.by_status),
                  median_hours_to_first_handling=figures.median_hours_to_first_handling)
