"""Clusters and villages in the compliance grid: what each station covers, and which villages heard the campaign.

A confirmed airing for the whole station reaches every live village its live clusters cover; one planned for
some villages (campaigns.village_targets) reaches those villages. A week's figure is the distinct villages
reached by the station's confirmed airings of the campaign's messages in that local ISO week — measured,
like the airings it is counted from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Airing, AiringStatus, Campaign, Delivery
from campaigns.station_airings import monday_of, of_campaign, utc_bounds
from campaigns.village_models import LoudspeakerCluster, cluster_villages
from campaigns.village_targets import targeted_people
from content.models import Area


@dataclass(frozen=True)
class StationVillages:
    clusters: int  # live clusters
    villages: frozenset[int]  # live villages the live clusters cover


def station_villages(session: Session, station_ids: Sequence[int]) -> dict[int, StationVillages]:
    """Each station's live clusters and the live villages they cover; a station with none is absent."""
    if not station_ids:
        return {}
    clusters: dict[int, set[int]] = defaultdict(set)
    villages: dict[int, set[int]] = defaultdict(set)
    for station_id, cluster_id, village_id, retired in session.execute(
            select(LoudspeakerCluster.station_id, LoudspeakerCluster.id, cluster_villages.c.area_id, Area.retired_at)
            .outerjoin(cluster_villages, cluster_villages.c.cluster_id == LoudspeakerCluster.id)
            .outerjoin(Area, Area.id == cluster_villages.c.area_id)
            .where(LoudspeakerCluster.station_id.in_(station_ids), LoudspeakerCluster.retired_at.is_(None))):
        clusters[station_id].add(cluster_id)
        if village_id is not None and retired is None:
            villages[station_id].add(village_id)
    return {s: StationVillages(len(ids), frozenset(villages[s])) for s, ids in clusters.items()}


def villages_reached(session: Session, campaign: Campaign, covered: dict[int, StationVillages], first: date,
                     last: date, zone: ZoneInfo) -> dict[tuple[int, date], int]:
    """(station, Monday) → distinct villages the station's confirmed airings of the campaign reached that week."""
    if not covered or last < first:
        return {}
    start, end = utc_bounds(first, last, zone)
    rows = session.execute(
        select(Airing.station_id, Airing.aired_at, Airing.delivery_id).join(Delivery, Airing.delivery_id == Delivery.id)
        .where(Airing.status == AiringStatus.AIRED, Airing.station_id.in_(list(covered)),
               Airing.aired_at >= start, Airing.aired_at < end, of_campaign(campaign, Delivery.message_id))).all()
    targeted = targeted_people(session, [delivery_id for _, _, delivery_id in rows])
    reached: dict[tuple[int, date], set[int]] = defaultdict(set)
    for station_id, aired_at, delivery_id in rows:
        if aired_at is None:
            continue
        week = monday_of(aired_at.astimezone(zone).date())
        if delivery_id in targeted:
            reached[station_id, week].update(village for village, _ in targeted[delivery_id])
        else:
            reached[station_id, week].update(covered[station_id].villages)
    return {key: len(ids) for key, ids in reached.items()}
