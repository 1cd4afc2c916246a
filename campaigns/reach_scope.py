"""Whose reach figures a viewer sees: those recorded within the viewer's area, and no others.

A message or campaign of a province is seen whole by the province's officers (and the country's), and
in part by a commune's officer, who sees only the figures recorded in the commune and below it: the
loudspeakers there, not the province's portal views or Facebook page, which belong to the province.
"""

from __future__ import annotations

from dataclasses import dataclass

from campaigns.models import Campaign
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


@dataclass(frozen=True)
class ReachView:
    """A viewer's share of a campaign: `area` limits every figure (campaigns.reach_reads.seen_from applies
    place_is_seen's rule message by message: a figure recorded for no area is seen by whoever oversees its
    message's area); `top` is where the viewer's drill-down starts, the owner area or their own below it."""

    area: Area | None
    top: Area

    def includes(self, area: Area) -> bool:
        return is_within(area, self.top)


def campaign_reach_view(user: User, campaign: Campaign) -> ReachView:
    """The viewer's share of the campaign's figures: all of the owner area's for its officers (and the country's),
    a commune's for that commune's officers; refused to a role without reach.view or another area's user."""
    scope = reach_scope(user, campaign.owner_area, object_type="campaign", object_id=campaign.id)
    if scope.whole or scope.limit is None:
        return ReachView(scope.limit, campaign.owner_area)
    return ReachView(scope.limit, scope.limit)


def is_target_visible(view: ReachView, scope: list[Area]) -> bool:
    """A target's progress is one figure over its whole scope: shown only if all of it lies in the viewer's area."""
    return bool(scope) and all(view.area is None or is_within(area, view.area) for area in scope)
