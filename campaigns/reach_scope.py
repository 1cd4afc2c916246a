"""Who may see a campaign's figures, and how much of them: the area a viewer's figures are limited to.

A campaign belongs to its owner area. Its figures are read by whoever may view reach there (content.permissions,
Action.REACH_VIEW) — and also by the officers of the areas below it, since a province's plan is carried out in
its communes: they see their own subtree's share of it and nothing of their neighbours'. Everyone's figures are
limited to their own area's subtree (campaigns.reach_reads.seen_from), an admin of the whole country's to none.
"""

from __future__ import annotations

from dataclasses import dataclass

from campaigns.models import Campaign
from content.areas import is_within
from content.errors import PermissionDenied
from content.models import Area, User
from content.permissions import DENIED, Action, is_allowed


@dataclass(frozen=True)
class ReachView:
    area: Area | None  # the viewer's area: every figure lies in its subtree; None: the whole country
    top: Area  # where the viewer's drill-down starts: the owner area, or their own area below it

    def includes(self, area: Area) -> bool:
        return is_within(area, self.top)


def campaign_reach_view(user: User, campaign: Campaign) -> ReachView:
    """The viewer's share of the campaign's figures; refused to a role without reach.view or another area's user."""
    owner = campaign.owner_area
    if is_allowed(user, Action.REACH_VIEW, owner):
        return ReachView(user.area, owner)
    if user.area is not None and is_within(user.area, owner) and is_allowed(user, Action.REACH_VIEW, user.area):
        return ReachView(user.area, user.area)
    raise PermissionDenied(DENIED, attempted=Action.REACH_VIEW.value, object_type="campaign", object_id=campaign.id)


def is_target_visible(view: ReachView, scope: list[Area]) -> bool:
    """A target's progress is one figure over its whole scope: shown only if all of it lies in the viewer's area."""
    return bool(scope) and all(view.area is None or is_within(area, view.area) for area in scope)

