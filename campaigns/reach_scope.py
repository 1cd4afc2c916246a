"""Whose reach figures a viewer sees: those recorded within the viewer's area, and no others.

A message or campaign of a province is seen whole by the province's officers (and the country's), and
in part by a commune's officer, who sees only the figures recorded in the commune and below it: the
loudspeakers there, not the province's portal views or Facebook page, which belong to the province.
"""

from __future__ import annotations

from dataclasses import dataclass

from content.areas import is_within
from content.errors import PermissionDenied
from content.models import Area, User
from content.permissions import DENIED, Action, is_allowed


@dataclass(frozen=True)
class ReachScope:
    """`limit`: the area whose subtree the figures are limited to (None: the whole country).

    `whole`: the viewer oversees the subject's own area, so figures recorded for no area (a portal
    view, a platform's figure for a channel of no area) are theirs too; they belong to the subject.
    """

    limit: Area | None
    whole: bool


def reach_scope(user: User, area: Area, *, object_type: str = "", object_id: int | None = None) -> ReachScope:
    """The viewer's share of the figures of something that lives in `area`; refused when they share none."""
    if is_allowed(user, Action.REACH_VIEW, area):
        return ReachScope(user.area, whole=True)
    if is_allowed(user, Action.REACH_VIEW, None) and user.area is not None and is_within(user.area, area):
        return ReachScope(user.area, whole=False)
    raise PermissionDenied(DENIED, attempted=Action.REACH_VIEW.value, object_type=object_type, object_id=object_id)


def place_is_seen(scope: ReachScope, place: Area | None) -> bool:
    """Whether a figure recorded for `place` (None: for no area) is within the viewer's share."""
    if place is None:
        return scope.whole
    return is_within(place, scope.limit)
