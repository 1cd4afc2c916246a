"""A station's daily script: what to read in each broadcast slot of one local day.

Each slot reads: the opening line, the items (emergency first, then priority, then normal; by due time
within a level), the closing line, with a pause between any two of them. Its total is held against the
slot's length, so an operator sees before going on air that the slot will overrun.

Formats (text, JSON, the version hash) are in `formats`; the spoken opening and closing
in `lines`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from prometheus_client import Counter
from sqlalchemy import exists, select
from sqlalchemy.orm import Session, contains_eager

from campaigns.local_wordings import ChosenWording, chosen_wordings, spoken_wording
from campaigns.models import ON_AIR_STATUSES, BroadcastSlot, Delivery, Station
from campaigns.programme_calendar import airs_on
from campaigns.programme_models import Programme
from campaigns.village_models import delivery_villages
from campaigns.village_targets import VillageTarget, village_targets
from content.consent_masking import public_text
from content.models import Message, Priority, Revision
from content.public_forms import spoken_for
from content.spoken import estimate_seconds
from content.spoken.dictionary import load_rules
from content.spoken.rules import SpokenRules
from content.workflow import SENDABLE
from scheduler.radio_scripts.lines import CLOSING, opening_line
from scheduler.radio_scripts.programme_lines import programme_closing, programme_opening
from scheduler.radio_scripts.spoken_cache import SpokenCache

# Station-days built, whoever asked (a station's fetch, the desk's overview, the missed-airing check): /metrics.
SCRIPTS_BUILT = Counter("loa_radio_scripts_built", "Daily radio scripts built (one per station and day).")
PRIORITY_ORDER = {Priority.EMERGENCY: 0, Priority.PRIORITY: 1, Priority.NORMAL: 2}
# A breath, or the station's short jingle, between two parts, so listeners hear that a new item begins.
PAUSE_SECONDS = 5
# Stations per query: the whole country (3,321 communes) in one, well under every driver's bound-parameter limit.
STATIONS_PER_QUERY = 5000


@dataclass(frozen=True)
class ScriptItem:
    delivery_id: int
    message_id: int
    title: str
    text: str
    priority: Priority
    due_at: datetime  # local, in the zone the script was built for
    seconds: int
    # The place whose own wording this is (campaigns.local_wordings), shown as "Bản riêng cho …"; None: the
    # message's own spoken text.
    wording_for: str | None = None
    # For an item planned for some villages only: the clusters to switch on, and those villages (else both empty).
    clusters: tuple[str, ...] = ()
    villages: tuple[str, ...] = ()

    @property
    def is_emergency(self) -> bool:
        return self.priority is Priority.EMERGENCY


@dataclass(frozen=True)
class SlotScript:
    starts_at: time | None  # None: a station with no slots on record reads one list for the day
    minutes: int
    items: tuple[ScriptItem, ...]
    opening: str = ""  # empty when there is nothing to read
    closing: str = ""
    opening_seconds: int = 0
    closing_seconds: int = 0
    pause_seconds: int = PAUSE_SECONDS
    # A weekly programme's airing rather than a daily slot: its items are the ones planned into it.
    programme_id: int | None = None
    programme_name: str = ""

    @property
    def pauses(self) -> int:
        """One after the opening and one after each item: the gaps between n items and the two lines."""
        return len(self.items) + 1 if self.items else 0

    @property
    def items_seconds(self) -> int:
        return sum(item.seconds for item in self.items)

    @property
    def total_seconds(self) -> int:
        if not self.items:
            return 0
        return self.opening_seconds + self.items_seconds + self.closing_seconds + self.pauses * self.pause_seconds

    @property
    def length_seconds(self) -> int:
        return self.minutes * 60

    @property
    def over_by_seconds(self) -> int:
        if self.starts_at is None:
            return 0
        return max(0, self.total_seconds - self.length_seconds)

    @property
    def is_over(self) -> bool:
        return self.over_by_seconds > 0

    @property
    def has_emergency(self) -> bool:
        return any(item.is_emergency for item in self.items)


@dataclass(frozen=True)
class DailyScript:
    station_id: int
    station_name: str
    day: date
    slots: tuple[SlotScript, ...]
    zone_name: str = "UTC"

    @property
    def has_emergency(self) -> bool:
        return any(slot.has_emergency for slot in self.slots)

    @property
    def is_over(self) -> bool:
        return any(slot.is_over for slot in self.slots)

    @property
    def item_count(self) -> int:
        return sum(len(slot.items) for slot in self.slots)


@dataclass(frozen=True)
class _Row:
    delivery_id: int
    station_id: int
    due_at: datetime
    variant: str | None
    message: Message
    for_villages: bool = False  # planned for some villages only (campaigns.village_targets)
    programme_id: int | None = None


def _slot_for(due_local: time, starts: list[time]) -> time | None:
    """The first slot starting at or after the due time; late items go to the day's last slot."""
    for start in starts:
        if start >= due_local:
            return start
    return starts[-1] if starts else None


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for n in range(0, len(ids), STATIONS_PER_QUERY):
        yield ids[n:n + STATIONS_PER_QUERY]


def _slots_of(session: Session, ids: list[int]) -> dict[int, list[tuple[time, int]]]:
    slots: dict[int, list[tuple[time, int]]] = {station_id: [] for station_id in ids}
    for chunk in _chunks(ids):
        for station_id, starts_at, minutes in session.execute(
                select(BroadcastSlot.station_id, BroadcastSlot.starts_at, BroadcastSlot.minutes)
                .where(BroadcastSlot.station_id.in_(chunk)).order_by(BroadcastSlot.starts_at)):
            slots[station_id].append((starts_at, minutes))
    return slots


def _rows_of(session: Session, ids: list[int], start: datetime, end: datetime) -> list[_Row]:
    """Every live delivery of these stations in [start, end), with its message and the public forms of its
    current revision: one query per 5,000 stations."""
    rows: list[_Row] = []
    for chunk in _chunks(ids):
        # station_id is typed optional, but the query asks for these stations only.
        rows += (_Row(*row) for row in session.execute(  # type: ignore[arg-type]
            select(Delivery.id, Delivery.station_id, Delivery.due_at, Delivery.variant, Message,
                   exists().where(delivery_villages.c.delivery_id == Delivery.id), Delivery.programme_id)
            .join(Message, Delivery.message_id == Message.id)
            .join(Message.current_revision)
            .options(contains_eager(Message.current_revision).load_only(
                Revision.public_title, Revision.spoken_text, Revision.spoken_stamp))
            .where(
                Delivery.station_id.in_(chunk),
                Delivery.due_at >= start,
                Delivery.due_at < end,
                Delivery.status.in_(ON_AIR_STATUSES),
                Message.status.in_(SENDABLE),
            )
        ))
    return rows


class _Reader:
    """Spoken text and read time, each worked out once per build however many stations read it."""

    def __init__(self, session: Session, pace: int | None, spoken: SpokenCache | None):
        self.session = session
        self.pace = pace
        self._cache = spoken
        self._rules: SpokenRules | None = None
        self._spoken: dict[int, str] = {}
        self._seconds: dict[str, int] = {}
        self._local: dict[tuple[int, str], str] = {}

    def local_text(self, row: _Row, wording: ChosenWording) -> str:
        key = (row.message.id, wording.text)
        if key not in self._local:
            self._local[key] = spoken_wording(row.message, wording.text, rules=self.rules())
        return self._local[key]

    def rules(self) -> SpokenRules:
        self._rules = self._rules or load_rules(self.session)
        return self._rules

    def text(self, row: _Row) -> str:
        # A per-delivery wording is not stored with the revision: it goes through the name mask here, as it
        # is read in public too.
        if row.variant:
            return public_text(row.message, row.variant)
        if row.message.id not in self._spoken:
            # The stored text, unless the dictionary changed since the message was saved (content.public_forms).
            rules = self.rules()
            self._spoken[row.message.id] = (self._cache.text(row.message, rules=rules) if self._cache is not None
                                            else spoken_for(row.message, rules=rules))
        return self._spoken[row.message.id]

    def seconds(self, text: str) -> int:
        # Counting syllables is regex work over the whole text; a province's item read by 300 stations is
        # counted once.
        if text not in self._seconds:
            self._seconds[text] = estimate_seconds(text) if self.pace is None else estimate_seconds(text, pace=self.pace)
        return self._seconds[text]


def _where(target: VillageTarget | None) -> dict[str, tuple[str, ...]]:
    return {"clusters": target.clusters, "villages": target.villages} if target is not None else {}


def _ordered(items: list[ScriptItem]) -> tuple[ScriptItem, ...]:
    return tuple(sorted(items, key=lambda i: (PRIORITY_ORDER[i.priority], i.due_at, i.delivery_id)))


def _slot(station_name: str, day: date, starts_at: time | None, minutes: int, items: list[ScriptItem],
          reader: _Reader) -> SlotScript:
    ordered = _ordered(items)
    if not ordered:
        return SlotScript(starts_at=starts_at, minutes=minutes, items=())
    opening = opening_line(station_name, day, starts_at)
    return SlotScript(starts_at=starts_at, minutes=minutes, items=ordered, opening=opening, closing=CLOSING,
                      opening_seconds=reader.seconds(opening), closing_seconds=reader.seconds(CLOSING))


def _programmes_of(session: Session, ids: list[int]) -> dict[int, dict[int, Programme]]:
    found: dict[int, dict[int, Programme]] = {station_id: {} for station_id in ids}
    for chunk in _chunks(ids):
        for programme in session.scalars(select(Programme).where(Programme.station_id.in_(chunk))):
            found[programme.station_id][programme.id] = programme
    return found


def _programme_slot(station_name: str, day: date, programme: Programme, items: list[ScriptItem],
                    reader: _Reader) -> SlotScript:
    """The programme's airing, opened and closed by its name and its own words."""
    opening = programme_opening(station_name, programme.name, programme.opening, day, programme.starts_at,
                                rules=reader.rules())
    closing = programme_closing(programme.name, programme.closing, rules=reader.rules())
    return SlotScript(starts_at=programme.starts_at, minutes=programme.minutes, items=_ordered(items),
                      opening=opening, closing=closing, opening_seconds=reader.seconds(opening),
                      closing_seconds=reader.seconds(closing), programme_id=programme.id,
                      programme_name=programme.name)


def _day_programmes(programmes: dict[int, Programme], day: date, planned: dict[int, list[ScriptItem]]) -> list[Programme]:
    """Those on air that day, and any other with items planned into it that day: an item is never dropped."""
    return [p for p in programmes.values() if (p.is_active and airs_on(p, day)) or planned.get(p.id)]


def build_scripts(session: Session, stations: Sequence[Station], days: Iterable[date], *, zone: ZoneInfo,
                  pace: int | None = None, spoken: SpokenCache | None = None) -> dict[tuple[int, date], DailyScript]:
    """The script of each station on each local day, keyed (station id, day).

    Deliveries come from one query for all the stations and days, and slots from another: the nightly
    build for every commune of the country must not cost a round trip per station.
    :param pace: syllables per minute the read times assume; None for the spoken form's default.
    :param spoken: spoken texts read afresh in earlier builds (after a dictionary edit); without it a message
        saved before the edit is read afresh in every build.
    """
    wanted = sorted(set(days))
    asked = set(wanted)
    if not stations or not wanted:
        return {}
    ids = [station.id for station in stations]
    start = datetime.combine(wanted[0], time(0), tzinfo=zone)
    end = datetime.combine(wanted[-1] + timedelta(days=1), time(0), tzinfo=zone)
    slots = _slots_of(session, ids)
    programmes = _programmes_of(session, ids)
    reader = _Reader(session, pace, spoken)
    buckets: dict[tuple[int, date], dict[time | None, list[ScriptItem]]] = {}
    rows = _rows_of(session, ids, start, end)
    local = chosen_wordings(session, {row.message.id for row in rows}, ids)
    # Asked only when some item is for villages, so a day of whole-station items costs no extra query.
    targets = village_targets(session, [row.delivery_id for row in rows if row.for_villages])
    in_programmes: dict[tuple[int, date], dict[int, list[ScriptItem]]] = {}
    for row in rows:
        local_due = row.due_at.astimezone(zone)
        key = (row.station_id, local_due.date())
        if key[1] not in asked:
            continue
        # A delivery's own wording (row.variant) comes first, then the station's or its area's.
        wording = None if row.variant else local.get((row.message.id, row.station_id))
        text = reader.local_text(row, wording) if wording is not None else reader.text(row)
        item = ScriptItem(
            delivery_id=row.delivery_id, message_id=row.message.id, title=row.message.current_revision.public_title,
            text=text, priority=row.message.priority, due_at=local_due, seconds=reader.seconds(text),
            wording_for=wording.place_name if wording is not None else None,
            **_where(targets.get(row.delivery_id)),
        )
        if row.programme_id in programmes[row.station_id]:
            in_programmes.setdefault(key, {}).setdefault(row.programme_id, []).append(item)
            continue
        slot = _slot_for(local_due.time(), [starts_at for starts_at, _ in slots[row.station_id]])
        buckets.setdefault(key, {}).setdefault(slot, []).append(item)
    scripts: dict[tuple[int, date], DailyScript] = {}
    SCRIPTS_BUILT.inc(len(stations) * len(wanted))
    for station in stations:
        station_slots: list[tuple[time | None, int]] = [*slots[station.id]] or [(None, 0)]
        for day in wanted:
            by_slot = buckets.get((station.id, day), {})
            planned = in_programmes.get((station.id, day), {})
            day_slots = [_slot(station.name, day, starts_at, minutes, by_slot.get(starts_at, []), reader)
                         for starts_at, minutes in station_slots]
            day_slots += [_programme_slot(station.name, day, programme, planned.get(programme.id, []), reader)
                          for programme in _day_programmes(programmes[station.id], day, planned)]
            scripts[station.id, day] = DailyScript(
                station_id=station.id, station_name=station.name, day=day, zone_name=zone.key,
                slots=tuple(sorted(day_slots, key=lambda s: s.starts_at or time(0))),
            )
    return scripts


def build_daily_script(session: Session, station: Station, day: date, *, zone: ZoneInfo,
                       pace: int | None = None, spoken: SpokenCache | None = None) -> DailyScript:
    return build_scripts(session, [station], [day], zone=zone, pace=pace, spoken=spoken)[station.id, day]


def build_week(session: Session, station: Station, first_day: date, *, zone: ZoneInfo, days: int = 7,
               pace: int | None = None, spoken: SpokenCache | None = None) -> list[DailyScript]:
    """The days from `first_day` on, for a station that fetches once and reads offline all week."""
    wanted = [first_day + timedelta(days=n) for n in range(days)]
    built = build_scripts(session, [station], wanted, zone=zone, pace=pace, spoken=spoken)
    return [built[station.id, day] for day in wanted]
