"""Tip-off statistics through the API: counts for an area and a period, never a word anyone sent.

The same figures as the campaign dashboard's and the festival report's tip-off tables (campaigns.tipoff_stats),
for the same people: whoever may see an area's figures on the desk (reach.view there). Reading tip-offs
themselves stays with the officers granted it on the desk; no endpoint of the API serves their content or
anything about their senders.
"""

from __future__ import annotations

from datetime import date

from flask_babel import gettext as _

from campaigns.reach_reads import MAX_CAMPAIGN_DAYS, reach_period
from campaigns.tipoff_stats import tipoff_figures, tipoff_figures_by_area
from content.models import Area
from content.permissions import Action, authorize
from web.api.auth import acting_user
from web.api.reach_schemas import period_of
from web.api.spec import operation
from web.api.tipoff_schemas import AreaCounts, StatsQuery, TipoffStatsOut, counts
from web.database import get_db, get_or_404, now, zone


@operation("GET", "/tipoffs/stats", scope="tipoffs:read", summary="Tip-off counts for an area and a period",
           description="Received, valuable, handled and waiting, by kind and by current status, the median time to "
                       "first handling, for `area` (default: the caller's) and each area just below it. Counts "
                       "only: never a tip-off's content or anything about who sent it. Default period: 1 January "
                       "of the current year to today; at most 1,098 days.",
           query=StatsQuery, response=TipoffStatsOut, tags=["tipoffs"])
def stats(query: StatsQuery) -> TipoffStatsOut:
    user, db, local = acting_user(), get_db(), zone()
    area = user.area if query.area is None else get_or_404(Area, query.area, _("Không tìm thấy địa bàn này."))
    authorize(user, Action.REACH_VIEW, area, object_type="area", object_id=area.id if area else None)
    today = now().astimezone(local).date()
    days = reach_period(query.from_ or date(today.year, 1, 1), query.to or today, most_days=MAX_CAMPAIGN_DAYS)
    whole = tipoff_figures(db, area, days.first, days.last, zone=local)
    below = [AreaCounts(area_id=f.area.id, area_name=f.area.name, counts=counts(f)) for f in tipoff_figures_by_area(db, area, days.first, days.last, zone=local)
             if f.received and f.area is not None]
    return TipoffStatsOut(area_id=area.id if area else None, period=period_of(days),
                          totals=counts(whole), by_area=below)


VIEWS = [stats]
