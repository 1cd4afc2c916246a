"""The audit log as one admin may read it: what the people and stations of their own area did or met.

The log holds every area's actions and the addresses they came from, so a commune admin reading the
whole of it would see other communes' officers at work. Entries are scoped by who acted (a user
inside the reader's area) or, for anonymous entries such as refused station tokens or failed sign-ins,
by the station or account they name. Anonymous entries that name no single station (a burst against several, the demo's mark)
go to admins of a whole province or the country, who run the install.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from campaigns.models import Station
from content.areas import select_subtree
from content.models import Area, AuditLog, User
from content.paging import Page, paginate
from content.permissions import Action, authorize, is_install_wide


def list_audit(session: Session, viewer: User, *, action: str = "", page: int = 1,
               per_page: int = 40) -> Page[AuditLog]:
    """Newest first, `action` a prefix such as "denied" or "message."."""
    authorize(viewer, Action.AUDIT_VIEW, None)
    query = select(AuditLog)
    if action:
        query = query.where(AuditLog.action.startswith(action, autoescape=True))
    if viewer.area is not None:
        query = query.where(_readable_by(viewer))
    return paginate(session, query.order_by(AuditLog.at.desc(), AuditLog.id.desc()), page=page, per_page=per_page)


def actors_of(session: Session, entries: Iterable[AuditLog]) -> dict[int, User]:
    """The users who acted in these entries, by id, in one query."""
    ids = {entry.actor_id for entry in entries if entry.actor_id is not None}
    return {user.id: user for user in session.scalars(select(User).where(User.id.in_(ids)))} if ids else {}


def _readable_by(viewer: User):
    assert viewer.area is not None
    areas = select_subtree(viewer.area).with_only_columns(Area.id)
    anonymous = AuditLog.actor_id.is_(None)
    readable = or_(
        AuditLog.actor_id.in_(select(User.id).where(User.area_id.in_(areas))),
        and_(anonymous, AuditLog.object_type == "station",
             AuditLog.object_id.in_(select(Station.id).where(Station.area_id.in_(areas)))),
        and_(anonymous, AuditLog.object_type == "user",
             AuditLog.object_id.in_(select(User.id).where(User.area_id.in_(areas)))),
    )
    if is_install_wide(viewer):
        readable = or_(readable, and_(anonymous, AuditLog.object_id.is_(None)))
    return readable
