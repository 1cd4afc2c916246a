"""The area a page is read for: `?area=` when the viewer may act there, else the viewer's own area."""

from __future__ import annotations

from flask_babel import gettext as _

from content.models import Area
from content.permissions import Action, authorize
from web.auth import actor
from web.database import get_or_404
from web.params import query_int


def chosen_area(action: Action) -> Area | None:
    """The `area` of the query string if `action` is allowed there (a 403 otherwise), else the user's own area."""
    user = actor()
    area_id = query_int("area")
    if area_id is None:
        authorize(user, action, user.area)
        return user.area
    area = get_or_404(Area, area_id, _("Không tìm thấy địa bàn này."))
    authorize(user, action, area, object_type="area", object_id=area.id)
    return area
