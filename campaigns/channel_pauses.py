"""Destinations the dispatcher has paused (down, or throttling us): who may see them, and resuming one early.

The dispatcher sets `Channel.paused_until` on evidence and lifts it by itself when the time comes;
a person only reads it, or ends it early once they know the platform is back.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.channels import authorize_channel
from campaigns.models import Channel
from campaigns.planning import carries
from content.audit import record_audit
from content.errors import InvalidInput
from content.models import Area, User
from content.permissions import Action, is_allowed
from content.wording import Text


def paused_destinations(session: Session, *, now: datetime, within: Area | None) -> list[Channel]:
    """Channels paused until later than `now` that carry messages of `within` (None: all), soonest back first.

    Scoped as the board's flagged channels are: a channel's name and its platform's words belong to
    the people of its own area.
    """
    paused = session.scalars(select(Channel).where(Channel.paused_until > now)
                             .order_by(Channel.paused_until, Channel.name))
    return [channel for channel in paused if carries(channel, within)]


def may_resume(actor: User, channel: Channel) -> bool:
    """Whether to offer the button: admins of the channel's area (nationwide channels: nationwide admins)."""
    return is_allowed(actor, Action.CHANNEL_MANAGE, channel.area) and (channel.area is not None or actor.area is None)


def resume_channel(session: Session, actor: User, channel: Channel, *, now: datetime,
                   remote_addr: str | None = None) -> Channel:
    """Send to this destination again from the next tick; if it is still down the dispatcher pauses it again."""
    authorize_channel(actor, channel.area, object_id=channel.id)
    if channel.paused_until is None or channel.paused_until <= now:
        raise InvalidInput({"channel": Text("Kênh %(name)s không bị tạm dừng.", name=channel.name)})
    record_audit(session, actor=actor, action="channel.resume", object_type="channel", object_id=channel.id,
                 now=now, remote_addr=remote_addr,
                 detail={"paused_until": channel.paused_until.isoformat(), "reason": channel.pause_reason})
    channel.paused_until, channel.pause_reason = None, None
    return channel
