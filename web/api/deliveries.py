"""Plans and deliveries through the API: a message's schedule, the outbox filtered, planning, cancel and retry.

The same use-cases and checks as the desk's planning page and dispatch board (campaigns.planning,
campaigns.deliveries): planning answers the planning form's field errors, and an officer sees the deliveries
of the messages in their area.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import request
from flask_babel import gettext as _

from campaigns.deliveries import cancel_delivery, retry_delivery
from campaigns.delivery_lists import DELIVERY_ORDER, DeliveryFilter, select_deliveries
from campaigns.models import Delivery
from campaigns.planning import plan_message
from content.errors import Conflict, InvalidInput
from content.models import Area, Message, MessageStatus, User
from content.permissions import Action, authorize
from web.api.auth import acting_user
from web.api.delivery_schemas import (
    DeliveryList,
    DeliveryOut,
    DeliveryQuery,
    PlanIn,
    PlanOut,
    delivery_out,
    plan_out,
)
from web.api.paging import keyset_page
from web.api.spec import operation
from web.database import get_db, get_or_404, now, zone

TAGS = ["deliveries"]
# As on the desk's planning page: a message is planned once approved, and again while scheduled or published.
PLANNABLE = (MessageStatus.APPROVED, MessageStatus.SCHEDULED, MessageStatus.PUBLISHED)


def _links(delivery_id: str) -> dict[str, dict[str, Any]]:
    """What a client may do next with a delivery named by `delivery_id` (a runtime expression)."""
    return {name: {"operationId": f"deliveries_{name}", "parameters": {"delivery_id": delivery_id}}
            for name in ("cancel", "retry")}


def _message(message_id: int, action: Action) -> Message:
    message = get_or_404(Message, message_id, _("Không tìm thấy tin này."))
    user = acting_user()
    # Read access first, as on the desk: a message one may not even read is refused as such.
    authorize(user, Action.MESSAGE_VIEW, message.area, object_type="message", object_id=message.id)
    if action is not Action.MESSAGE_VIEW:
        authorize(user, action, message.area, object_type="message", object_id=message.id)
    return message


def _page(within: Area | None, criteria: DeliveryFilter, query: DeliveryQuery) -> DeliveryList:
    if query.due_after is not None and query.due_before is not None and query.due_before <= query.due_after:
        raise InvalidInput({"due_before": _("Thời điểm due_before phải sau due_after.")})
    page = keyset_page(get_db(), select_deliveries(within, criteria), DELIVERY_ORDER, list_name="deliveries",
                       cursor=query.cursor, limit=query.limit)
    return DeliveryList(items=[delivery_out(d) for d in page.items], next=page.next_cursor, links=page.links())


@operation("GET", "/messages/<int:message_id>/deliveries", scope="deliveries:read",
           summary="A message's deliveries", description="Soonest due first, as on the message's page.",
           query=DeliveryQuery, response=DeliveryList, tags=TAGS,
           links=_links("$response.body#/items/0/id"))
def of_message(message_id: int, query: DeliveryQuery) -> DeliveryList:
    message = _message(message_id, Action.MESSAGE_VIEW)
    return _page(None, query.criteria(message_id=message.id), query)


@operation("GET", "/deliveries", scope="deliveries:read", summary="Deliveries of the messages in the caller's area",
           description="Soonest due first. Filters combine; `status` and `platform` may be repeated.",
           query=DeliveryQuery, response=DeliveryList, tags=TAGS, links=_links("$response.body#/items/0/id"))
def index(query: DeliveryQuery) -> DeliveryList:
    user = acting_user()
    authorize(user, Action.MESSAGE_VIEW, None, object_type="delivery")
    return _page(user.area, query.criteria(), query)


@operation("POST", "/messages/<int:message_id>/plans", scope="deliveries:write", summary="Plan an approved message",
           description="Queues deliveries to channels, stations, whole areas or villages, at one moment, at a "
                       "moment per channel, or at daily local times over ranges of days, as the desk's planning "
                       "page does, with its checks and field errors (422). A message not yet approved is 409.",
           body=PlanIn, response=PlanOut, status=201, tags=TAGS, problems=(409,),
           links={"deliveries": {"operationId": "deliveries_of_message",
                                 "parameters": {"message_id": "$response.body#/message_id"}}})
def plan(message_id: int, body: PlanIn) -> PlanOut:
    message = _message(message_id, Action.MESSAGE_SCHEDULE)
    if message.status not in PLANNABLE:
        raise Conflict(_("Tin cần được duyệt trước khi lên lịch phát."))
    summary = plan_message(get_db(), message, body.request(), actor=acting_user(), now=now(), zone=zone(),
                           remote_addr=request.remote_addr)
    get_db().commit()
    return plan_out(message.id, summary)


def _change(delivery_id: int, change: Callable[[Delivery, User], Delivery]) -> DeliveryOut:
    delivery = get_or_404(Delivery, delivery_id, _("Không tìm thấy lượt phát này."))
    user = acting_user()
    authorize(user, Action.MESSAGE_VIEW, delivery.message.area, object_type="delivery", object_id=delivery.id)
    try:
        change(delivery, user)
    except InvalidInput as refused:
        # The only refusal left once the user may schedule: the delivery is not in a state this step applies to.
        raise Conflict(next(iter(refused.errors.values()))) from None
    get_db().commit()
    return delivery_out(delivery)


@operation("POST", "/deliveries/<int:delivery_id>/cancel", scope="deliveries:write", summary="Cancel a delivery",
           description="Only one not yet handed to a worker (planned, held or failed); otherwise 409.",
           response=DeliveryOut, tags=TAGS, problems=(409,))
def cancel(delivery_id: int) -> DeliveryOut:
    return _change(delivery_id, lambda d, user: cancel_delivery(get_db(), d, actor=user, now=now(),
                                                                 remote_addr=request.remote_addr))


@operation("POST", "/deliveries/<int:delivery_id>/retry", scope="deliveries:write",
           summary="Send a failed delivery again",
           description="A failed delivery gets fresh attempts, due now; one that has not failed is 409.",
           response=DeliveryOut, tags=TAGS, problems=(409,))
def retry(delivery_id: int) -> DeliveryOut:
    return _change(delivery_id, lambda d, user: retry_delivery(get_db(), d, actor=user, now=now(),
                                                                remote_addr=request.remote_addr))


VIEWS = [of_message, index, plan, cancel, retry]
