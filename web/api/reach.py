"""Reach summaries through the API: a message's and a campaign's figures over a period, the caller's share only.

The same reads and the same share as the desk's reach pages (campaigns.message_reach, campaigns.reach_scope):
a commune's officer gets the figures recorded in the commune, never the province's portal views; the default
period is the page's (a message: from its publication to today; a campaign: its own period, cut at today).
"""

from __future__ import annotations

from flask_babel import gettext as _

from campaigns.message_reach import area_root, default_period, message_reach
from campaigns.models import Campaign
from campaigns.reach_reads import (
    MAX_CAMPAIGN_DAYS,
    reach_by_area,
    reach_by_day,
    reach_by_day_seen_from,
    reach_period,
)
from campaigns.reach_rollups import local_day
from campaigns.reach_scope import campaign_reach_view, reach_scope
from content.errors import InvalidInput, NotFound
from content.models import Area, Message
from web.api.auth import acting_user
from web.api.reach_schemas import (
    AreasOut,
    CampaignReachOut,
    FigureOut,
    MessageReachOut,
    ReachQuery,
    ShareOut,
    area_figures,
    message_reach_out,
    period_of,
    totals_and_series,
)
from web.api.spec import operation
from web.database import get_db, get_or_404, now, zone

TAGS = ["reach"]


def _area(area_id: int | None) -> Area | None:
    if area_id is None:
        return None
    area = get_db().get(Area, area_id)
    if area is None:
        raise InvalidInput({"area": _("Không có địa bàn mang mã số %(id)s.", id=area_id)})
    return area


@operation("GET", "/reach/messages/<int:message_id>", scope="reach:read", summary="A message's reach",
           description="Per channel (each figure with its metric and kind), per day, the loudspeakers, the combined "
                       "range of people and the areas below `area` (default: the message's area, or the caller's). "
                       "Default period: from publication to today, at most 366 days.",
           query=ReachQuery, response=MessageReachOut, tags=TAGS)
def of_message(message_id: int, query: ReachQuery) -> MessageReachOut:
    db, local = get_db(), zone()
    message = get_or_404(Message, message_id, _("Không tìm thấy tin này."))
    scope = reach_scope(acting_user(), message.area, object_type="message", object_id=message.id)
    default = default_period(db, message, today=local_day(now(), local), zone=local)
    days = reach_period(query.from_ or default.first, query.to or default.last)
    root = area_root(scope, message, _area(query.area))
    return message_reach_out(message_reach(db, message, days, scope=scope, root=root, zone=local))


@operation("GET", "/reach/campaigns/<int:campaign_id>", scope="reach:read", summary="A campaign's reach",
           description="Totals and daily figures of the campaign's messages (each with its metric and kind) and the "
                       "areas below `area` (default: where the caller's drill-down starts). Default period: the "
                       "campaign's own, cut at today; at most 1,098 days.",
           query=ReachQuery, response=CampaignReachOut, tags=TAGS)
def of_campaign(campaign_id: int, query: ReachQuery) -> CampaignReachOut:
    db = get_db()
    campaign = get_or_404(Campaign, campaign_id, _("Không tìm thấy chiến dịch này."))
    view = campaign_reach_view(acting_user(), campaign)
    today = now().astimezone(zone()).date()
    first = query.from_ or campaign.starts_on
    days = reach_period(first, query.to or max(first, min(campaign.ends_on, today)), most_days=MAX_CAMPAIGN_DAYS)
    root = view.top
    if query.area is not None:
        asked = db.get(Area, query.area)
        # Outside the caller's share reads as unknown, as on the dashboard: its existence is not their business.
        if asked is None or not view.includes(asked):
            raise NotFound(_("Không tìm thấy địa bàn số %(id)s trong phạm vi bạn được xem của chiến dịch này.",
                             id=query.area))
        root = asked
    totals, series = totals_and_series(reach_by_day_seen_from(db, campaign, days, view.area))
    whole, _series = totals_and_series(reach_by_day(db, campaign, days, within=root))
    return CampaignReachOut(
        campaign_id=campaign.id, period=period_of(days),
        share=ShareOut(area_id=view.area.id if view.area else None, whole=view.top.id == campaign.owner_area_id),
        top_area_id=view.top.id, totals=totals, series=series,
        areas=AreasOut(root_area_id=root.id,
                       totals=[FigureOut(metric=t.metric, kind=t.kind, value=t.value) for t in whole],
                       rows=area_figures(reach_by_area(db, campaign, days, root))))


VIEWS = [of_message, of_campaign]
