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
from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Airing, AiringStatus, Delivery, ReachSource, Station
from campaigns.reach_rollups import day_bounds, local_day
from campaigns.village_targets import targeted_people
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
    # (village, commune) of each village in area_listeners: a village is inside its commune's figure when the
    # commune heard the message whole on another day.
    village_communes: tuple[tuple[int, int], ...] = ()
    # Villages a plan targeted, aired this day, whose population is not known: they count in neither estimate.
    villages_without_population: tuple[int, ...] = ()


@dataclass
class _Area:
    """One commune's airings on one day: to the whole station, or to some of its villages."""

    airings: int = 0  # to the whole station
    village_airings: int = 0
    coverages: list[int] = field(default_factory=list)
    villages: dict[int, tuple[int, int | None]] = field(default_factory=dict)  # village → (airings, people)


def loudspeaker_reach(session: Session, message: Message, first: date, last: date, *,
                      zone: ZoneInfo, within: Area | None = None) -> list[LoudspeakerDay]:
    """The message's loudspeaker reach for each local day from `first` to `last` on which it was aired,
    by every station or only by those in an area and below it.

    An airing of a delivery planned for some villages (campaigns.village_targets) is heard by those
    villages' people, not by the station's whole coverage.
    """
    start, _ = day_bounds(first, zone)
    _, end = day_bounds(last, zone)
    query = (select(Airing.aired_at, Station.id, Station.area_id, Station.coverage_population, Delivery.id)
             .join(Delivery, Delivery.id == Airing.delivery_id)
             .join(Station, Station.id == Airing.station_id)
             .where(Delivery.message_id == message.id, Airing.status == AiringStatus.AIRED,
                    Airing.aired_at >= start, Airing.aired_at < end))
    if within is not None:
        query = query.join(Area, Area.id == Station.area_id).where(Area.path.startswith(within.path, autoescape=True))
    rows = session.execute(query).all()
    targeted = targeted_people(session, [row[4] for row in rows])
    by_day: dict[date, dict[int, _Area]] = defaultdict(lambda: defaultdict(_Area))
    missing: dict[date, set[int]] = defaultdict(set)
    for aired_at, station_id, area_id, coverage, delivery_id in rows:
        if aired_at is None:  # an aired row always has its time; the type cannot say so
            continue
        day = local_day(aired_at, zone)
        heard = by_day[day][area_id]
        if delivery_id in targeted:
            heard.village_airings += 1
            for village_id, people in targeted[delivery_id]:
                count, _ = heard.villages.get(village_id, (0, people))
                heard.villages[village_id] = (count + 1, people)
            continue
        heard.airings += 1
        if coverage is None:
            missing[day].add(station_id)
        else:
            heard.coverages.append(coverage)
    return [_day(day, areas, missing[day]) for day, areas in sorted(by_day.items())]


def _day(day: date, areas: dict[int, _Area], missing: set[int]) -> LoudspeakerDay:
    listeners: list[tuple[int, int]] = []  # (area, people), each commune or village once
    village_communes: list[tuple[int, int]] = []
    contacts: list[int] = []
    unknown: list[int] = []
    for area_id, heard in areas.items():
        if heard.coverages:
            listeners.append((area_id, max(heard.coverages)))
            contacts.append(max(heard.coverages) * heard.airings)
        for village_id, (count, people) in heard.villages.items():
            if people is None:
                unknown.append(village_id)
                continue
            contacts.append(people * count)
            if not heard.coverages:  # otherwise the commune's figure already holds them
                listeners.append((village_id, people))
                village_communes.append((village_id, area_id))
    return LoudspeakerDay(
        area_listeners=tuple(sorted(listeners)),
        village_communes=tuple(sorted(village_communes)),
        day=day,
        airings=Figure(AIRINGS, ReachSource.MEASURED,
                       sum(h.airings + h.village_airings for h in areas.values())),
        listeners=Figure(LISTENERS, ReachSource.ESTIMATED, sum(p for _, p in listeners) if listeners else None),
        contacts=Figure(CONTACTS, ReachSource.ESTIMATED, sum(contacts) if contacts else None),
        stations_without_coverage=tuple(sorted(missing)),
        villages_without_population=tuple(sorted(unknown)))


def listeners_over(days: Sequence[LoudspeakerDay]) -> Figure:
    """Potential listeners over several days: each area once, at the largest coverage that aired there.

    The days' figures must not be added: the same villagers hear the loudspeaker every day, and a sum
    over a month would count each of them thirty times. A village counts only when its commune was never
    heard whole in the period.
    """
    largest: dict[int, int] = {}
    communes: dict[int, int] = {}
    for day in days:
        communes.update(day.village_communes)
        for area_id, people in day.area_listeners:
            largest[area_id] = max(people, largest.get(area_id, 0))
    counted = [people for area_id, people in largest.items() if communes.get(area_id) not in largest]
    return Figure(LISTENERS, ReachSource.ESTIMATED, sum(counted) if counted else None)
