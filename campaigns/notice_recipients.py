"""Who hears that a station left a slot unconfirmed: the officers answerable for it, and its own operators.

Officers are the active admins and editors whose scope is the station's own area (its commune); a commune with
none falls back to the nearest area above it that has some (the province), and finally to nationwide accounts,
so an alert always reaches somebody. Only the nearest level is told: a province's officers are not copied on
every commune's missed slot when the commune has its own.

Operators are the active radio operators of the station's area, with the same fallback: they are reminded to
confirm, since a slot that did go out but was never confirmed is the usual case.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import Station
from content.models import Area, Role, User

OFFICER_ROLES = frozenset({Role.ADMIN, Role.EDITOR})
OPERATOR_ROLES = frozenset({Role.RADIO_OPERATOR})


def _ancestor_paths(area: Area) -> list[str]:
    """"/A/B/C/" → ["/A/B/C/", "/A/B/", "/A/"]: the area itself first, then up the tree."""
    parts = [p for p in area.path.split("/") if p]
    return ["/" + "/".join(parts[:n]) + "/" for n in range(len(parts), 0, -1)]


def _nearest(session: Session, station: Station, roles: Collection[Role]) -> list[User]:
    paths = _ancestor_paths(station.area)
    users = session.scalars(
        select(User).join(Area, User.area_id == Area.id)
        .where(User.is_active, User.role.in_(roles), Area.path.in_(paths)).order_by(User.id))
    by_path: dict[str, list[User]] = {}
    for user in users:
        assert user.area is not None  # joined on it
        by_path.setdefault(user.area.path, []).append(user)
    for path in paths:
        if path in by_path:
            return by_path[path]
    return list(session.scalars(select(User).where(User.is_active, User.role.in_(roles), User.area_id.is_(None))
                                .order_by(User.id)))


def responsible_officers(session: Session, station: Station) -> list[User]:
    return _nearest(session, station, OFFICER_ROLES)


def station_operators(session: Session, station: Station) -> list[User]:
    return _nearest(session, station, OPERATOR_ROLES)
