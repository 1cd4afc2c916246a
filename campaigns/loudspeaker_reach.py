"""A message on the loudspeakers, per local day: airings (measured) and listeners and contacts (estimated).

- airings: confirmed airings, as the stations reported them — measured.
- potential listeners: the coverage population of the stations that aired the message, each area
  counted once per day however many of its stations aired it (the largest coverage among them,
  since their audiences overlap) — estimated.
- "lượt tiếp cận" (gross contacts): each area's listeners × the airings heard there — estimated, and
  named as such: one person who heard it twice is two contacts.

A station with no coverage figure gives no number, never 0: zero would read as "nobody heard".
Its id is listed so the page can link to where the figure is set.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Airing, AiringStatus, Delivery, ReachSource, Station
from campaigns.reach_rollups import day_bounds, local_day
from content.models import Area, Message

AIRINGS = "loudspeaker_airings"
LISTENERS = "loudspeaker_potential_listeners"
CONTACTS = "loudspeaker_gross_contacts"


@dataclass(frozen=True)
class Figure:
    """One number with its metric and kind; value None means "no data", which is not 0."""

    metric: str
    kind: ReachSource
    value: int | None


@dataclass(frozen=True)
class LoudspeakerDay:
    day: date
    airings: Figure
    listeners: Figure
    contacts: Figure
    # Stations that aired the message this day with no coverage figure: their areas count in neither estimate.
    stations_without_coverage: tuple[int, ...]
    # (area, listeners) of each area that heard it this day, so a period counts each area once.
    area_listeners: tuple[tuple[int, int], ...] = ()


def loudspeaker_reach(session: Session, message: Message, first: date, last: date, *,
                      zone: ZoneInfo, within: Area | None = None) -> list[LoudspeakerDay]:
    """The message's loudspeaker reach for each local day from `first` to `last` on which it was aired,
    by every station or only by those in an area and below it."""
    start, _ = day_bounds(first, zone)
    _, end = day_bounds(last, zone)
    query = (select(Airing.aired_at, Station.id, Station.area_id, Station.coverage_population)
             .join(Delivery, Delivery.id == Airing.delivery_id)
             .join(Station, Station.id == Airing.station_id)
             .where(Delivery.message_id == message.id, Airing.status == AiringStatus.AIRED,
                    Airing.aired_at >= start, Airing.aired_at < end))
    if within is not None:
        query = query.join(Area, Area.id == Station.area_id).where(Area.path.startswith(within.path, autoescape=True))
    rows = session.execute(query)
    # day → area → (airings, coverages of the stations that aired there)
    by_day: dict[date, dict[int, tuple[int, list[int]]]] = defaultdict(dict)
    missing: dict[date, set[int]] = defaultdict(set)
    for aired_at, station_id, area_id, coverage in rows:
        if aired_at is None:  # an aired row always has its time; the type cannot say so
            continue
        day = local_day(aired_at, zone)
        airings, coverages = by_day[day].get(area_id, (0, []))
        if coverage is None:
            missing[day].add(station_id)
        else:
            coverages.append(coverage)
        by_day[day][area_id] = (airings + 1, coverages)
    return [_day(day, areas, missing[day]) for day, areas in sorted(by_day.items())]


def _day(day: date, areas: dict[int, tuple[int, list[int]]], missing: set[int]) -> LoudspeakerDay:
    known = [(max(coverages), airings) for airings, coverages in areas.values() if coverages]
    listeners = sum(people for people, _ in known) if known else None
    contacts = sum(people * airings for people, airings in known) if known else None
    return LoudspeakerDay(
        area_listeners=tuple(sorted((area_id, max(coverages)) for area_id, (_, coverages) in areas.items()
                                    if coverages)),
        day=day,
        airings=Figure(AIRINGS, ReachSource.MEASURED, sum(airings for airings, _ in areas.values())),
        listeners=Figure(LISTENERS, ReachSource.ESTIMATED, listeners),
        contacts=Figure(CONTACTS, ReachSource.ESTIMATED, contacts),
        stations_without_coverage=tuple(sorted(missing)))


def listeners_over(days: Sequence[LoudspeakerDay]) -> Figure:
    """Potential listeners over several days: each area once, at the largest coverage that aired there.

    The days' figures must not be added: the same villagers hear the loudspeaker every day, and a sum
    over a month would count each of them thirty times.
    """
    largest: dict[int, int] = {}
    for day in days:
        for area_id, people in day.area_listeners:
            largest[area_id] = max(people, largest.get(area_id, 0))
    return Figure(LISTENERS, ReachSource.ESTIMATED, sum(largest.values()) if largest else None)
