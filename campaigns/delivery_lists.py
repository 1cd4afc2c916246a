"""Deliveries listed for another system: filtered, limited to the viewer's area or to one station, soonest first.

The desk shows a message's schedule (campaigns.deliveries.deliveries_of) and the failures of an area; an
integration (a provincial dashboard, a smart-loudspeaker platform) asks across messages instead: what is due
at this station this week, what failed on Zalo yesterday. The query is returned unexecuted and unordered so
the caller pages it by DELIVERY_ORDER, a unique and stable key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, select

from campaigns.models import Channel, ChannelKind, Delivery, DeliveryStatus
from content.models import Area, Message

STATION_PLATFORM = "station"  # the platform filter's word for the commune loudspeakers, which have no channel
PLATFORMS = (*(kind.value for kind in ChannelKind), STATION_PLATFORM)
DELIVERY_ORDER = (Delivery.due_at, Delivery.id)  # soonest first; the id settles a tie


@dataclass(frozen=True)
class DeliveryFilter:
    """Every field narrows; empty tuples and None leave that side open. Due times are aware instants."""

    statuses: tuple[DeliveryStatus, ...] = ()
    platforms: tuple[str, ...] = ()  # ChannelKind values and/or STATION_PLATFORM
    channel_id: int | None = None
    station_id: int | None = None
    message_id: int | None = None
    due_after: datetime | None = None  # included
    due_before: datetime | None = None  # excluded


def select_deliveries(within: Area | None, criteria: DeliveryFilter) -> Select[Delivery]:
    """Deliveries of messages in `within`'s subtree (None: the whole country) matching `criteria`.

    The area is the message's, as on the desk: an officer sees every delivery of the messages they may
    read, whichever station or channel it goes to.
    """
    query = select(Delivery).join(Message, Delivery.message_id == Message.id)
    if within is not None:
        query = query.join(Area, Message.area_id == Area.id).where(Area.path.startswith(within.path, autoescape=True))
    if criteria.statuses:
        query = query.where(Delivery.status.in_(criteria.statuses))
    if criteria.platforms:
        kinds = [ChannelKind(p) for p in criteria.platforms if p != STATION_PLATFORM]
        wanted: ColumnElement[bool] = Delivery.channel_id.in_(select(Channel.id).where(Channel.kind.in_(kinds)))
        if STATION_PLATFORM in criteria.platforms:
            wanted = wanted | Delivery.station_id.is_not(None)
        query = query.where(wanted)
    if criteria.channel_id is not None:
        query = query.where(Delivery.channel_id == criteria.channel_id)
    if criteria.station_id is not None:
        query = query.where(Delivery.station_id == criteria.station_id)
    if criteria.message_id is not None:
        query = query.where(Delivery.message_id == criteria.message_id)
    if criteria.due_after is not None:
        query = query.where(Delivery.due_at >= criteria.due_after)
    if criteria.due_before is not None:
        query = query.where(Delivery.due_at < criteria.due_before)
    return query
