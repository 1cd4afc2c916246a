"""Loudspeaker clusters (cụm loa): a station's groups of loudspeakers and the villages each one covers.

Managed by the admins who manage the station. A cluster covers villages of the station's own commune only,
and live ones: a retired village stays on the clusters that had it (so old scripts still read right) but
cannot be added again. A cluster is retired, never deleted, for the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from campaigns.models import Station
from campaigns.village_models import LoudspeakerCluster
from content.audit import record_audit
from content.db import rows_by_ids
from content.errors import InvalidInput
from content.models import Area, AreaKind, User
from content.permissions import Action, authorize
from content.wording import Text

MAX_NAME = 200


@dataclass(frozen=True)
class ClusterInput:
    name: str
    village_ids: tuple[int, ...] = ()


def _check(session: Session, station: Station, data: ClusterInput, cluster: LoudspeakerCluster | None) -> tuple[
        str, list[Area]]:
    errors: dict[str, str] = {}
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = Text("Hãy đặt tên cho cụm loa.")
    elif len(name) > MAX_NAME:
        errors["name"] = Text("Tên dài quá %(n)s ký tự.", n=MAX_NAME)
    elif any(c.name.casefold() == name.casefold() for c in list_clusters(session, station)
             if cluster is None or c.id != cluster.id):
        errors["name"] = Text("Đài đã có cụm loa tên %(name)s.", name=name)
    villages, missing = rows_by_ids(session, Area, tuple(dict.fromkeys(data.village_ids)))
    already = {v.id for v in cluster.villages} if cluster is not None else set()
    wrong = [v.name for v in villages if v.kind is not AreaKind.RESIDENTIAL or v.parent_id != station.area_id]
    retired = [v.name for v in villages if v.retired_at is not None and v.id not in already]
    if missing or wrong:
        errors["village_ids"] = Text("Cụm loa chỉ phủ được thôn, tổ dân phố của %(commune)s.",
                                     commune=station.area.name)
    elif retired:
        errors["village_ids"] = Text("Đã ngừng dùng: %(names)s.", names=", ".join(retired))
    if errors:
        raise InvalidInput(errors)
    return name, sorted(villages, key=lambda v: v.name)


def _snapshot(cluster: LoudspeakerCluster) -> dict[str, Any]:
    return {"name": cluster.name, "station_id": cluster.station_id, "village_ids": sorted(v.id for v in cluster.villages)}


def create_cluster(session: Session, actor: User, station: Station, data: ClusterInput, *, now: datetime,
                   remote_addr: str | None = None) -> LoudspeakerCluster:
    authorize(actor, Action.STATION_MANAGE, station.area, object_type="station", object_id=station.id)
    name, villages = _check(session, station, data, None)
    cluster = LoudspeakerCluster(station=station, name=name, villages=villages, created_at=now)
    session.add(cluster)
    session.flush()
    record_audit(session, actor=actor, action="cluster.create", object_type="cluster", object_id=cluster.id, now=now,
                 remote_addr=remote_addr, detail=_snapshot(cluster))
    return cluster


def update_cluster(session: Session, actor: User, cluster: LoudspeakerCluster, data: ClusterInput, *, now: datetime,
                   remote_addr: str | None = None) -> LoudspeakerCluster:
    station = cluster.station
    authorize(actor, Action.STATION_MANAGE, station.area, object_type="cluster", object_id=cluster.id)
    name, villages = _check(session, station, data, cluster)
    before = _snapshot(cluster)
    cluster.name, cluster.villages = name, villages
    session.flush()
    after = _snapshot(cluster)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    record_audit(session, actor=actor, action="cluster.update", object_type="cluster", object_id=cluster.id, now=now,
                 remote_addr=remote_addr, detail={"changes": changes})
    return cluster


def retire_cluster(session: Session, actor: User, cluster: LoudspeakerCluster, *, now: datetime,
                   remote_addr: str | None = None, restore: bool = False) -> LoudspeakerCluster:
    authorize(actor, Action.STATION_MANAGE, cluster.station.area, object_type="cluster", object_id=cluster.id)
    if restore and any(c.name.casefold() == cluster.name.casefold() for c in list_clusters(session, cluster.station)
                       if c.id != cluster.id):
        raise InvalidInput({"name": Text("Đài đã có cụm loa tên %(name)s.", name=cluster.name)})
    cluster.retired_at = None if restore else (cluster.retired_at or now)
    session.flush()
    record_audit(session, actor=actor, action="cluster.restore" if restore else "cluster.retire",
                 object_type="cluster", object_id=cluster.id, now=now, remote_addr=remote_addr)
    return cluster


def list_clusters(session: Session, station: Station, *, with_retired: bool = False) -> list[LoudspeakerCluster]:
    query = (select(LoudspeakerCluster).options(selectinload(LoudspeakerCluster.villages))
             .where(LoudspeakerCluster.station_id == station.id))
    if not with_retired:
        query = query.where(LoudspeakerCluster.retired_at.is_(None))
    return list(session.scalars(query.order_by(LoudspeakerCluster.retired_at.is_not(None), LoudspeakerCluster.name)))
