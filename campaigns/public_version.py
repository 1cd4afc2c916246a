"""The public content version: one cheap read that changes whenever anything the public pages show may have changed.

Stored, and moved by database triggers (migration 0017) adding a row to public_changes, so every writer — the desk, the dispatcher, a
script, an import of areas — moves it without knowing it exists: any insert, update or delete of messages,
their revisions, campaigns, topics, areas, media and the links between them, and a portal or feed
delivery becoming sent or ceasing to be (which is how a scheduled message's publish time passing shows
up: it becomes public only when that delivery is marked sent). It over-invalidates (a draft's edit moves
it too), which costs a rebuild, never a stale page. Reading it is a primary-key lookup, whatever the
size of the tables: a count and a maximum over that small table, which the scheduler prunes.

Even that is one query too many for every public request: `commits_seen()` counts the commits made by
sessions in this process (Loa writes through sessions only), once each commit has landed, so a process
that read the version can keep it until either its own commit count moves or a set time passes (for
commits made by other processes).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, event, func, select
from sqlalchemy.orm import Session

from campaigns.models import PublicChanges

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
# The tables whose every change moves the version (deliveries aside, which move it only as said above).
WATCHED = ("messages", "revisions", "campaigns", "campaign_messages", "campaign_areas", "campaign_topics",
           "message_topics", "message_areas", "topics", "areas", "media_items")


@dataclass(frozen=True)
class PublicVersion:
    token: str
    # When it last moved: a response's Last-Modified.
    modified: datetime


_commits = itertools.count()
_seen = [0]


@event.listens_for(Session, "after_commit")  # after, not before: a read racing the commit must not be kept
def _count_commit(_session: Session) -> None:
    _seen[0] = next(_commits)  # next() on a count is atomic under the GIL: no lock on every commit


def commits_seen() -> int:
    """A number that moves whenever a database commit has been made in this process."""
    return _seen[0]


# The count as well as the newest id: on PostgreSQL a change that took its id before another but committed
# after it adds a row without moving the maximum.
_VERSION = select(func.count(), func.max(PublicChanges.id), func.max(PublicChanges.changed_epoch))
PRUNE_ABOVE = 10_000
KEEP = 1_000


def public_version(session: Session) -> PublicVersion:
    """The stored version; before any change was ever recorded (a new database), the epoch."""
    count, newest, changed = session.execute(_VERSION).one()
    if newest is None:
        return PublicVersion(token="0", modified=EPOCH)
    return PublicVersion(token=f"{newest}.{count}", modified=datetime.fromtimestamp(changed, UTC))


def prune_public_changes(session: Session) -> int:
    """Once the table holds more than PRUNE_ABOVE rows, keep the newest KEEP: the version moves once more, then
    stays cheap to read. The caller commits."""
    count, newest = session.execute(select(func.count(), func.max(PublicChanges.id))).one()
    if count <= PRUNE_ABOVE:
        return 0
    return int(session.execute(delete(PublicChanges).where(PublicChanges.id <= newest - KEEP)).rowcount)  # type: ignore[attr-defined]
