"""A campaign's compliance grid (which stations confirmed the airings they owed, week by week) and its exports.

Who sees it: whoever may read figures (reach.view) of the campaign's owner area, or of an area inside it (a
commune's officers follow a province's plan: campaigns.reach_scope); either way only the stations of the
viewer's own subtree, and of the area they filter on, which must lie inside it.
"""

from __future__ import annotations

from datetime import date

from flask import render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.compliance import MAX_WEEKS, ComplianceGrid, compliance_grid, default_period
from campaigns.message_reach import OUTSIDE_SCOPE
from campaigns.models import Campaign
from campaigns.reach_reads import reach_period
from campaigns.reach_scope import reach_scope
from campaigns.station_airings import iso_weeks
from content.areas import is_within, list_administrative_areas
from content.errors import InvalidInput, PermissionDenied
from content.models import Area
from content.permissions import Action
from web.auth import actor
from web.database import get_db, get_or_404, now, zone
from web.params import query_int, read_day
from web.reach.compliance_tables import compliance_tables
from web.reach.exports import export_response


def campaign_in_view(campaign_id: int) -> tuple[Campaign, Area | None]:
    """The campaign and the subtree the viewer may see of it: 404 if unknown, 403 if it is none of their areas'."""
    campaign = get_or_404(Campaign, campaign_id, _("Không tìm thấy chiến dịch này."))
    scope = reach_scope(actor(), campaign.owner_area, object_type="campaign", object_id=campaign.id)
    return campaign, scope.limit


def _area_filter(within: Area | None) -> Area | None:
    """The `area` asked for (400 if there is none such, 403 if outside the viewer's areas), else `within`."""
    area_id = query_int("area")
    if area_id is None:
        return within
    area = get_db().get(Area, area_id)
    if area is None:
        raise InvalidInput({"area": _("Không có địa bàn mang mã số %(id)s.", id=area_id)})
    if not is_within(area, within):
        raise PermissionDenied(OUTSIDE_SCOPE, attempted=Action.REACH_VIEW.value, object_type="area", object_id=area.id)
    return area


def _period(campaign: Campaign, today: date) -> tuple[date, date]:
    first, last = default_period(campaign, today)
    first = read_day(request.args.get("from"), "from", default=first) or first
    last = read_day(request.args.get("to"), "to", default=last) or last
    reach_period(first, last)  # backwards, or past a year: refused in the words every reach page uses
    if len(iso_weeks(first, last)) > MAX_WEEKS:  # a year from a Sunday touches 54 weeks
        raise InvalidInput({"to": _("Khoảng thời gian quá dài: bảng theo dõi xem được tối đa %(weeks)s tuần.",
                                    weeks=MAX_WEEKS)})
    return first, last


def _grid(campaign_id: int) -> tuple[ComplianceGrid, Area | None, Area | None, date, date]:
    campaign, within = campaign_in_view(campaign_id)
    area = _area_filter(within)
    today = now().astimezone(zone()).date()
    first, last = _period(campaign, today)
    grid = compliance_grid(get_db(), campaign, first=first, last=last, today=today, zone=zone(), within=area)
    return grid, within, area, first, last


def _area_choices(campaign: Campaign, within: Area | None) -> list[Area]:
    """Areas of the viewer's subtree that hold some of the campaign's stations' areas."""
    scope = list(campaign.areas) or [campaign.owner_area]
    return [a for a in list_administrative_areas(get_db(), within)
            if any(is_within(a, s) or is_within(s, a) for s in scope)]


@login_required
def compliance(campaign_id: int) -> ResponseReturnValue:
    grid, within, area, first, last = _grid(campaign_id)
    export_query = {"from": first.isoformat(), "to": last.isoformat(), **({"area": area.id} if area and
                                                                            area is not within else {})}
    return render_template("reach/compliance.html", grid=grid, tables=compliance_tables(grid, actor()),
                           first=first, last=last, area=area if area is not within else None,
                           areas=_area_choices(grid.campaign, within), export_query=export_query)


@login_required
def compliance_export(campaign_id: int, table: str, fmt: str) -> ResponseReturnValue:
    grid, *_rest = _grid(campaign_id)
    return export_response(compliance_tables(grid, actor()), table, fmt,
                           filename_stem=f"chien-dich-{grid.campaign.id}-theo-doi-phat-thanh")
