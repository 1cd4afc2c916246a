"""The JSON shapes of stations, their daily scripts and airing confirmations in the API.

The script is the document a station's box already fetches from /radio (scheduler.radio_scripts.formats),
described field by field here so the OpenAPI document states the contract.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel

from campaigns.airings import MAX_TEXT
from campaigns.models import Airing, AiringStatus, Station
from content.models import Priority
from web.api.bounded_times import Day, Moment
from web.api.paging import PageLinks, PageQuery
from web.api.shapes import Id, Input, Text


class SlotTime(BaseModel):
    starts_at: str = Field(description="Local start, HH:MM.")
    minutes: int


class StationOut(BaseModel):
    id: int
    name: str
    area_id: int
    area_name: str
    is_active: bool
    coverage_population: int | None = Field(description="People within earshot, as the station recorded it; "
                                                         "null when unknown (never 0 for unknown).")
    slots: list[SlotTime]


def station_out(station: Station) -> StationOut:
    return StationOut(id=station.id, name=station.name, area_id=station.area_id, area_name=station.area.name,
                      is_active=station.is_active, coverage_population=station.coverage_population,
                      slots=[SlotTime(starts_at=f"{slot.starts_at:%H:%M}", minutes=slot.minutes)
                             for slot in sorted(station.slots, key=lambda s: s.starts_at)])


class ScriptItemOut(BaseModel):
    number: int = Field(description="Reading order within the slot, from 1.")
    delivery_id: int
    message_id: int
    title: str
    text: str = Field(description="The spoken text, written as it is read aloud.")
    priority: Priority
    is_emergency: bool
    due_at: datetime = Field(description="Local time, with the zone's offset.")
    seconds: int = Field(description="Estimated read time.")
    wording_for: str | None = Field(description="The place whose own local wording `text` is; null: the "
                                                "message's own text.")
    clusters: list[str] = Field(description="Loudspeaker clusters to switch on; empty: the whole station.")
    villages: list[str] = Field(description="The villages the item is for; empty: the whole station.")


class SpokenPart(BaseModel):
    text: str
    seconds: int


class ProgrammeRef(BaseModel):
    id: int
    name: str


class ScriptSlotOut(BaseModel):
    starts_at: str | None = Field(description="Local start, HH:MM; null: a station with no slots reads one "
                                              "list for the day.")
    starts_at_utc: str | None
    minutes: int
    length_seconds: int
    opening: SpokenPart
    closing: SpokenPart
    pause_seconds: int
    pauses: int
    items_seconds: int
    total_seconds: int
    over_by_seconds: int
    is_over: bool
    has_emergency: bool
    items: list[ScriptItemOut]
    programme: ProgrammeRef | None = Field(description="The weekly programme this airing belongs to, if any.")


class StationQuery(PageQuery):
    """Paging only (a model of its own: one query model per operation)."""


class StationList(BaseModel):
    items: list[StationOut]
    next: str | None = Field(description="The cursor of the next page, or null on the last page.")
    links: PageLinks


class StationRef(BaseModel):
    id: int
    name: str


class ScriptOut(BaseModel):
    """A station's script for one local day: the /radio JSON document, unchanged."""

    model_config = ConfigDict(serialize_by_alias=True)

    schema_: str = Field(alias="schema", serialization_alias="schema")
    station: StationRef
    date: date
    timezone: str
    has_emergency: bool
    is_over: bool
    slots: list[ScriptSlotOut]
    version: str = Field(description="Changes exactly when the script's content does.")


def script_out(document: dict[str, Any]) -> ScriptOut:
    return ScriptOut.model_validate(document)


Long = Annotated[Text, Field(max_length=MAX_TEXT)]
Operator = Annotated[Text, Field(max_length=200)]


class ItemAiringIn(Input):
    """One item: aired (at `aired_at`, default now) or not aired with its `reason`. Sending another answer later
    corrects the record, as on the staff screens; sending the same one again changes nothing."""

    kind: Literal["item"]
    delivery_id: Id
    status: AiringStatus
    aired_at: Moment | None = None
    operator: Operator = ""
    note: Long = ""
    reason: Long = ""


class NotAired(Input):
    delivery_id: Id
    reason: Long


class SlotAiringIn(Input):
    """A whole slot of a day's script: every listed item aired, except those in `not_aired` with their reason.

    `delivery_ids` are the items the caller saw in the slot: only these are confirmed, so an item added since
    is never marked aired unseen. Items already confirmed are kept as they are (listed in `kept`).
    """

    kind: Literal["slot"]
    day: Day
    slot: str = Field(pattern=r"^(([01]\d|2[0-3])[0-5]\d|ca-ngay)$",
                      description="The slot's local start as HHMM (\"0600\"), or `ca-ngay` for a station with no "
                                  "slots.")
    delivery_ids: list[Id] = Field(min_length=1, max_length=200)
    not_aired: list[NotAired] = Field(default_factory=list, max_length=200)
    aired_at: Moment | None = None
    operator: Operator = ""


class AiringIn(RootModel[Annotated[ItemAiringIn | SlotAiringIn, Field(discriminator="kind")]]):
    """`kind` says which: one item (`item`) or a whole slot of a day's script (`slot`)."""


class AiringOut(BaseModel):
    delivery_id: int
    station_id: int
    status: AiringStatus
    aired_at: datetime | None
    operator: str
    note: str
    reason: str | None
    recorded_at: datetime


def airing_out(airing: Airing) -> AiringOut:
    return AiringOut(delivery_id=airing.delivery_id, station_id=airing.station_id, status=airing.status,
                     aired_at=airing.aired_at, operator=airing.operator_name, note=airing.note, reason=airing.reason,
                     recorded_at=airing.recorded_at)


class AiringResult(BaseModel):
    airings: list[AiringOut] = Field(description="Every item the request named, as now recorded.")
    recorded: list[int] = Field(description="Items this request recorded or corrected.")
    kept: list[int] = Field(description="Items already confirmed and left as they were: the same answer sent "
                                        "again, or a slot's item someone confirmed before.")
