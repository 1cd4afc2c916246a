"""Which status a message may move to, from where: the one table the whole desk obeys."""

from __future__ import annotations

from content.errors import InvalidTransition
from content.models import MessageStatus as S
from content.wording import Text

# action → (statuses it may start from, status it ends in)
TRANSITIONS: dict[str, tuple[frozenset[S], S]] = {
    "submit": (frozenset({S.DRAFT, S.CHANGES_REQUESTED}), S.IN_REVIEW),
    "approve": (frozenset({S.IN_REVIEW}), S.APPROVED),
    "request_changes": (frozenset({S.IN_REVIEW}), S.CHANGES_REQUESTED),
    "schedule": (frozenset({S.APPROVED, S.SCHEDULED}), S.SCHEDULED),
    "publish": (frozenset({S.APPROVED, S.SCHEDULED, S.PUBLISHED}), S.PUBLISHED),
    "archive": (frozenset({S.APPROVED, S.SCHEDULED, S.PUBLISHED}), S.ARCHIVED),
}

# A message in one of these may go out; any other status holds its deliveries.
SENDABLE = frozenset({S.APPROVED, S.SCHEDULED, S.PUBLISHED})


def next_status(current: S, action: str) -> S:
    sources, target = TRANSITIONS[action]
    if current not in sources:
        raise InvalidTransition(Text("Không thể '%(action)s' một tin ở trạng thái '%(status)s'.", action=action,
                                      status=current.value))
    return target
