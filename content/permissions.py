"""Who may do what, where: one table, read by every entry point and walked whole by a test."""

from __future__ import annotations

import enum

from content.areas import is_within
from content.errors import PermissionDenied
from content.models import Area, Role, User
from content.wording import Text


class Action(enum.StrEnum):
    MESSAGE_VIEW = "message.view"
    MESSAGE_WRITE = "message.write"
    MESSAGE_SUBMIT = "message.submit"
    MESSAGE_REVIEW = "message.review"
    MESSAGE_SCHEDULE = "message.schedule"
    MESSAGE_ARCHIVE = "message.archive"
    MEDIA_UPLOAD = "media.upload"
    CAMPAIGN_VIEW = "campaign.view"
    CAMPAIGN_WRITE = "campaign.write"
    SCRIPT_VIEW = "script.view"
    AUDIT_VIEW = "audit.view"
    USER_MANAGE = "user.manage"
    CHANNEL_MANAGE = "channel.manage"
    STATION_MANAGE = "station.manage"
    AIRING_CONFIRM = "airing.confirm"
    AIRING_VIEW = "airing.view"
    SETTINGS_MANAGE = "settings.manage"
    REACH_VIEW = "reach.view"


A, E, P, R, N = Role.ADMIN, Role.EDITOR, Role.APPROVER, Role.RADIO_OPERATOR, Role.ANALYST

# Every action is also bound to the user's area subtree: nobody acts outside it.
PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.MESSAGE_VIEW: frozenset({A, E, P, N}),
    Action.MESSAGE_WRITE: frozenset({A, E}),
    Action.MESSAGE_SUBMIT: frozenset({A, E}),
    Action.MESSAGE_REVIEW: frozenset({A, P}),
    Action.MESSAGE_SCHEDULE: frozenset({A, E, P}),
    Action.MESSAGE_ARCHIVE: frozenset({A, P}),
    # Not message.write: the library is shared by every area, so who may add to it is decided on its own.
    Action.MEDIA_UPLOAD: frozenset({A, E}),
    Action.CAMPAIGN_VIEW: frozenset({A, E, P, N}),
    Action.CAMPAIGN_WRITE: frozenset({A, E, P}),
    Action.SCRIPT_VIEW: frozenset({A, E, P, R}),
    Action.AUDIT_VIEW: frozenset({A}),
    Action.USER_MANAGE: frozenset({A}),
    Action.CHANNEL_MANAGE: frozenset({A}),
    Action.STATION_MANAGE: frozenset({A}),
    # Editors and approvers plan radio items but only the station (or an admin) says they went out.
    Action.AIRING_CONFIRM: frozenset({A, R}),
    Action.AIRING_VIEW: frozenset({A, E, P, N}),
    # Settings of the whole install (the loudspeaker's reading dictionary); see authorize_install_wide.
    Action.SETTINGS_MANAGE: frozenset({A}),
    # Figures of an area (a message's reach, a campaign's dashboard, compliance, exports, reports): read-only,
    # and the analyst's reason to sign in. Radio operators see their own station's airings elsewhere.
    Action.REACH_VIEW: frozenset({A, E, P, N}),
}

DENIED = Text("Bạn không có quyền thực hiện thao tác này ở địa bàn này.")


def is_allowed(user: User, action: Action, area: Area | None) -> bool:
    """`area` is where the thing lives; None means it has no place (e.g. the audit log as a whole)."""
    if not user.is_active or user.role not in PERMISSIONS[action]:
        return False
    return area is None or is_within(area, user.area)


def authorize(user: User, action: Action, area: Area | None, *, object_type: str = "",
              object_id: int | None = None) -> None:
    if not is_allowed(user, action, area):
        raise PermissionDenied(DENIED, attempted=action.value, object_type=object_type, object_id=object_id)


def is_scope_within(scope: Area | None, root: Area | None) -> bool:
    """Whether a user's whole scope lies inside `root`'s; unlike a place, a None scope is the whole country."""
    if root is None:
        return True
    return scope is not None and is_within(scope, root)


def authorize_scope(user: User, action: Action, scope: Area | None, *, reason: str = DENIED, object_type: str = "",
                    object_id: int | None = None) -> None:
    """Refuse unless `user` may do `action` over all of `scope` — the check for granting or managing a scope."""
    if not is_allowed(user, action, None) or not is_scope_within(scope, user.area):
        raise PermissionDenied(reason, attempted=action.value, object_type=object_type, object_id=object_id)


INSTALL_WIDE = Text("Chỉ quản trị viên cấp tỉnh hoặc toàn quốc được thay đổi thiết lập dùng chung cho mọi "
                    "địa bàn.")


def is_install_wide(user: User) -> bool:
    """Whether the user's scope is a whole province or the country: what one install serves.

    A setting every station reads (how "CA" is spoken, say) must not be changed by a commune admin, whose
    edit would reach communes that are not theirs.
    """
    return user.area is None or user.area.parent_id is None


def authorize_install_wide(user: User, action: Action, *, object_type: str = "") -> None:
    if not is_allowed(user, action, None) or not is_install_wide(user):
        raise PermissionDenied(INSTALL_WIDE, attempted=action.value, object_type=object_type)
