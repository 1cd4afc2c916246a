"""A plan for villages: which stations it reaches, what it records, and what the script and reach read back.

A village is reached through the live clusters of active stations that cover it. A station a plan also
reaches whole (chosen by hand, or through an area above it) gets whole-station deliveries: the whole
commune hears it anyway. Otherwise its deliveries carry their villages in `delivery_villages`, the script
says which clusters to switch on, and reach counts those villages' people instead of the station's coverage.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from campaigns.models import Delivery, Station
from campaigns.village_models import LoudspeakerCluster, cluster_villages, delivery_villages
from content.areas import is_within
from content.db import rows_by_ids
from content.errors import PermissionDenied
from content.models import Area, AreaKind, User
from content.permissions import DENIED, Action
from content.vietnamese import fold
from content.wording import Text

# Keys per IN list: well under every driver's bound-parameter limit.
CHUNK = 2000


@dataclass(frozen=True)
class VillageTarget:
    """What a village-targeted delivery is to be played on, by name, for the script."""

    villages: tuple[str, ...]
    clusters: tuple[str, ...]


def stations_for_villages(session: Session, village_ids: Sequence[int], *, actor: User,
                          errors: dict[str, str]) -> dict[int, tuple[int, ...]]:
    """Each station the villages are reached through, with the villages it plays to.

    Bad villages are reported in `errors` (so a form shows them with its other mistakes); a village outside
    the actor's area is refused outright, as any place a plan names.
    """
    if not village_ids:
        return {}
    villages, missing = rows_by_ids(session, Area, village_ids)
    if missing or any(v.kind is not AreaKind.RESIDENTIAL for v in villages):
        errors["village_ids"] = Text("Chỉ chọn được thôn, tổ dân phố có trong danh sách.")
        return {}
    for village in villages:
        if not is_within(village, actor.area):
            raise PermissionDenied(DENIED, attempted=Action.MESSAGE_SCHEDULE.value, object_type="area",
                                   object_id=village.id)
    if retired := sorted(v.name for v in villages if v.retired_at is not None):
        errors["village_ids"] = Text("Đã ngừng dùng: %(names)s.", names=", ".join(retired))
        return {}
    by_station: dict[int, set[int]] = defaultdict(set)
    for station_id, village_id in session.execute(
            select(LoudspeakerCluster.station_id, cluster_villages.c.area_id)
            .join(cluster_villages, cluster_villages.c.cluster_id == LoudspeakerCluster.id)
            .join(Station, Station.id == LoudspeakerCluster.station_id)
            .where(cluster_villages.c.area_id.in_([v.id for v in villages]), LoudspeakerCluster.retired_at.is_(None),
                   Station.is_active)):
        by_station[station_id].add(village_id)
    covered = {v for ids in by_station.values() for v in ids}
    if uncovered := sorted(v.name for v in villages if v.id not in covered):
        errors["village_ids"] = Text("Chưa có cụm loa nào của đài đang hoạt động phủ: %(names)s.",
                                     names=", ".join(uncovered))
    return {station_id: tuple(sorted(ids)) for station_id, ids in by_station.items()}


def record_village_targets(session: Session, rows: Iterable[dict[str, Any]],
                           villages_of: dict[int, tuple[int, ...]]) -> int:
    """Tie the just-inserted deliveries of village-only stations to their villages; how many were tied."""
    keys = {row["idempotency_key"]: row["station_id"] for row in rows if row.get("station_id") in villages_of}
    links: list[dict[str, int]] = []
    ordered = list(keys)
    for n in range(0, len(ordered), CHUNK):
        for delivery_id, station_id in session.execute(select(Delivery.id, Delivery.station_id)
                                                       .where(Delivery.idempotency_key.in_(ordered[n:n + CHUNK]))):
            links += [{"delivery_id": delivery_id, "area_id": v} for v in villages_of[station_id or 0]]
    if links:
        session.execute(insert(delivery_villages), links)
    return len(keys)


def village_targets(session: Session, delivery_ids: Sequence[int]) -> dict[int, VillageTarget]:
    """The villages and the station's live clusters covering them, for each village-targeted delivery."""
    villages: dict[int, list[tuple[int, str]]] = defaultdict(list)
    stations: dict[int, int] = {}
    for n in range(0, len(delivery_ids), CHUNK):
        for delivery_id, station_id, area_id, name in session.execute(
                select(delivery_villages.c.delivery_id, Delivery.station_id, Area.id, Area.name)
                .join(Delivery, Delivery.id == delivery_villages.c.delivery_id)
                .join(Area, Area.id == delivery_villages.c.area_id)
                .where(delivery_villages.c.delivery_id.in_(delivery_ids[n:n + CHUNK]))):
            villages[delivery_id].append((area_id, name))
            stations[delivery_id] = station_id
    if not villages:
        return {}
    covering: dict[tuple[int, int], set[str]] = defaultdict(set)  # (station, village) → cluster names
    for station_id, village_id, name in session.execute(
            select(LoudspeakerCluster.station_id, cluster_villages.c.area_id, LoudspeakerCluster.name)
            .join(cluster_villages, cluster_villages.c.cluster_id == LoudspeakerCluster.id)
            .where(LoudspeakerCluster.station_id.in_(set(stations.values())), LoudspeakerCluster.retired_at.is_(None))):
        covering[station_id, village_id].add(name)
    return {delivery_id: VillageTarget(
        villages=tuple(sorted(name for _, name in pairs)),
        clusters=tuple(sorted({c for village_id, _ in pairs for c in covering[stations[delivery_id], village_id]})))
        for delivery_id, pairs in villages.items()}


def targeted_people(session: Session, delivery_ids: Sequence[int]) -> dict[int, tuple[tuple[int, int | None], ...]]:
    """Each village-targeted delivery's (village, population) pairs; a delivery for a whole station is absent."""
    found: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
    for n in range(0, len(delivery_ids), CHUNK):
        for delivery_id, area_id, population in session.execute(
                select(delivery_villages.c.delivery_id, Area.id, Area.population)
                .join(Area, Area.id == delivery_villages.c.area_id)
                .where(delivery_villages.c.delivery_id.in_(delivery_ids[n:n + CHUNK]))):
            found[delivery_id].append((area_id, population))
    return {delivery_id: tuple(sorted(pairs)) for delivery_id, pairs in found.items()}


def known_sum(pairs: Iterable[tuple[int, int | None]]) -> int | None:
    """The people of the villages whose population is known; None when none is, which is not 0."""
    known = [people for _, people in pairs if people is not None]
    return sum(known) if known else None


def plannable_villages(session: Session, user: User, *, limit: int | None = None) -> list[Area]:
    """Live villages in the user's area that a live cluster of an active station covers, by commune then name."""
    covered = (select(cluster_villages.c.area_id)
               .join(LoudspeakerCluster, LoudspeakerCluster.id == cluster_villages.c.cluster_id)
               .join(Station, Station.id == LoudspeakerCluster.station_id)
               .where(LoudspeakerCluster.retired_at.is_(None), Station.is_active))
    query = select(Area).where(Area.kind == AreaKind.RESIDENTIAL, Area.retired_at.is_(None), Area.id.in_(covered))
    if user.area is not None:
        query = query.where(Area.path.startswith(user.area.path, autoescape=True))
    found = session.scalars(query.options(selectinload(Area.parent)).order_by(Area.parent_id, Area.id).limit(limit))
    # As people read the alphabet (Đ after D), which no database collation promises.
    return sorted(found, key=lambda v: (fold(v.parent.name) if v.parent else "", fold(v.name), v.id))
