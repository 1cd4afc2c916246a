"""The public content version: one cheap read that changes whenever anything the public pages show may have changed.

Computed, not stored (no migration, nothing to forget to bump): every UPDATE of a message bumps its
`version` (the optimistic lock), so the sum of versions moves on any edit, approval, publish or
withdrawal; the count of messages moves on a new or deleted one; the sent deliveries' count and newest
`sent_at` move when a portal or feed delivery goes out — which is how a scheduled message's publish
time passing shows up, since it becomes public only when that delivery is marked sent; the count of
campaign links moves when a message joins or leaves a campaign. It over-invalidates (a draft's edit
changes it too), which costs a rebuild, never a stale page.

Reading it is one query, too many for every public request: `commits_seen()` counts the commits made by
sessions in this process (Loa writes through sessions only), once each commit has landed, so a process that read the version can keep it until either
its own commit count moves or a set time passes (for commits made by other processes).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from campaigns.models import Delivery, DeliveryStatus, campaign_messages
from content.models import Message

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class PublicVersion:
    token: str
    # The newest change among those counted: a response's Last-Modified.
    modified: datetime


def _aware(moment: datetime | None) -> datetime:
    if moment is None:
        return EPOCH
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


_SENT = Delivery.status == DeliveryStatus.SENT
# Built once: constructing the statement cost as much as running it, on a path meant to cost almost nothing.
_VERSION = select(
    select(func.count()).select_from(Message).scalar_subquery(),
    select(func.coalesce(func.sum(Message.version), 0)).scalar_subquery(),
    select(func.max(Message.updated_at)).scalar_subquery(),
    select(func.count()).select_from(Delivery).where(_SENT).scalar_subquery(),
    select(func.max(Delivery.sent_at)).where(_SENT).scalar_subquery(),
    select(func.count()).select_from(campaign_messages).scalar_subquery(),
)


_commits = itertools.count()
_seen = [0]


@event.listens_for(Session, "after_commit")  # after, not before: a read racing the commit must not be kept
def _count_commit(_session: Session) -> None:
    _seen[0] = next(_commits)  # next() on a count is atomic under the GIL: no lock on every commit


def commits_seen() -> int:
    """A number that moves whenever a database commit has been made in this process."""
    return _seen[0]


def public_version(session: Session) -> PublicVersion:
    """One round trip: scalar subqueries over messages, sent deliveries and campaign links."""
    messages, versions, updated, deliveries, sent_at, linked = session.execute(_VERSION).one()
    modified = max(_aware(updated), _aware(sent_at))
    token = f"{messages}.{versions}.{deliveries}.{linked}.{modified.timestamp():.6f}"
    return PublicVersion(token=token, modified=modified)
