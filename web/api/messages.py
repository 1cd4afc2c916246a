"""Messages through the API: the desk's list, reading, writing and review steps, with the desk's permissions.

Every call acts as the token's user through the same domain functions the desk's views call, so a token
can do in an area exactly what its user can do there on the desk, no more.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from flask import request
from flask_babel import gettext as _

from campaigns.campaign_records import attach_message, campaign_of, list_campaigns
from campaigns.message_lists import MessageFilter, messages_in_scope
from campaigns.models import Campaign
from campaigns.nominations import with_recorded_consent
from campaigns.review import review_message, save_revision
from content.areas import find_area_by_code
from content.errors import InvalidInput
from content.messages import MessageInput, StoryFields, create_message
from content.models import Message, MessageKind
from content.permissions import Action, authorize
from web.api.auth import acting_user
from web.api.message_schemas import (
    MessageCreate,
    MessageList,
    MessageOut,
    MessagePatch,
    MessageQuery,
    Story,
    Transition,
    message_out,
)
from web.api.paging import keyset_page
from web.api.problems import ApiProblem
from web.api.spec import operation
from web.database import get_db, get_or_404, now
from web.websub import announce_change

TAGS = ["messages"]


def _links(message_id: str) -> dict[str, dict[str, Any]]:
    """What a client may do next with a message named by `message_id` (a runtime expression)."""
    return {name: {"operationId": f"messages_{operation_id}", "parameters": {"message_id": message_id}}
            for name, operation_id in (("read", "show"), ("change", "update"), ("review", "transition"))}


def _etag(message: Message) -> dict[str, str]:
    return {"ETag": f'"{message.version}"'}


def _readable(message_id: int) -> Message:
    message = get_or_404(Message, message_id, _("Không tìm thấy tin này."))
    authorize(acting_user(), Action.MESSAGE_VIEW, message.area, object_type="message", object_id=message.id)
    return message


def _campaign(campaign_id: int | None) -> Campaign | None:
    """The campaign to file the message in, among those the user may see (as the desk's form offers them)."""
    if campaign_id is None:
        return None
    campaign = get_db().get(Campaign, campaign_id)
    if campaign is None or campaign not in list_campaigns(get_db(), acting_user()):
        raise InvalidInput({"campaign_id": _("Chiến dịch không tồn tại hoặc ngoài địa bàn của bạn.")})
    return campaign


def _story(story: Story | None) -> StoryFields | None:
    return None if story is None else StoryFields(**story.model_dump())


@operation("GET", "/messages", scope="messages:read", summary="Messages in the caller's area",
           description="Oldest change first, so a client syncing with `updated_since` and `next` misses nothing.",
           query=MessageQuery, response=MessageList, tags=TAGS, links=_links("$response.body#/items/0/id"))
def index(query: MessageQuery) -> MessageList:
    area_id = None
    if query.area is not None:
        area = find_area_by_code(get_db(), query.area)
        if area is None:
            raise InvalidInput({"area": _("Không có địa bàn mã %(code)s.", code=query.area)})
        area_id = area.id
    select = messages_in_scope(acting_user(), MessageFilter(campaign_id=query.campaign_id, area_id=area_id,
                                                            kind=query.kind, status=query.status))
    if query.updated_since is not None:
        select = select.where(Message.updated_at >= query.updated_since)
    page = keyset_page(get_db(), select, (Message.updated_at, Message.id), list_name="messages",
                       cursor=query.cursor, limit=query.limit)
    return MessageList(items=[message_out(m) for m in page.items], next=page.next_cursor, links=page.links())


@operation("GET", "/messages/<int:message_id>", scope="messages:read", summary="One message",
           response=MessageOut, tags=TAGS, headers={"ETag": "The message's version, for If-Match."})
def show(message_id: int) -> tuple[MessageOut, dict[str, str]]:
    message = _readable(message_id)
    return message_out(message), _etag(message)


@operation("POST", "/messages", scope="messages:write", summary="Write a draft", body=MessageCreate,
           response=MessageOut, status=201, tags=TAGS, headers={"ETag": "The new message's version."},
           links=_links("$response.body#/id"))
def create(body: MessageCreate) -> tuple[MessageOut, dict[str, str]]:
    user, db = acting_user(), get_db()
    authorize(user, Action.MESSAGE_WRITE, user.area, object_type="message")
    data = MessageInput(kind=body.kind, title=body.title, body_md=body.body_md, area_id=body.area_id,
                        summary=body.summary, priority=body.priority, spoken_override=body.spoken_override,
                        target_area_ids=tuple(body.target_area_ids), topic_ids=tuple(body.topic_ids),
                        story=_story(body.story), image_id=body.image_id)
    campaign = _campaign(body.campaign_id)
    message = create_message(db, user, data, now=now(), remote_addr=request.remote_addr)
    attach_message(db, campaign, message)
    db.commit()
    return message_out(message), {**_etag(message), "Location": f"{request.path}/{message.id}"}


def _current_input(message: Message) -> MessageInput:
    story = StoryFields(person_name=message.person_name or "", deed=message.deed or "",
                        person_area_id=message.person_area_id, deed_on=message.deed_on,
                        name_consent=message.name_consent, commendation=message.commendation) \
        if message.kind is MessageKind.STORY else None
    return MessageInput(kind=message.kind, title=message.title, body_md=message.body_md, area_id=message.area_id,
                        summary=message.summary, priority=message.priority, spoken_override=message.spoken_override,
                        target_area_ids=tuple(a.id for a in message.target_areas),
                        topic_ids=tuple(t.id for t in message.topics), story=story, image_id=message.image_id)


# Fields that may be sent as null to clear them; the others must be left out to keep them.
NULLABLE = {"version", "spoken_override", "image_id", "story", "campaign_id"}


def _patched(message: Message, body: MessagePatch) -> MessageInput:
    sent = body.model_fields_set - {"version", "campaign_id"}
    nulls = [name for name in sent - NULLABLE if getattr(body, name) is None]
    if nulls:
        raise InvalidInput({name: _("Không được để trống; bỏ trường này đi nếu không đổi.") for name in nulls})
    changes: dict[str, Any] = {name: getattr(body, name) for name in sent}
    for name in ("target_area_ids", "topic_ids"):
        if name in changes:
            changes[name] = tuple(changes[name])
    if "story" in changes:
        changes["story"] = _story(body.story)
    return replace(_current_input(message), **changes)


def _expected_version(message: Message, body: MessagePatch) -> int:
    """The version the change starts from: If-Match (412 when stale) or the body's `version` (409 when stale)."""
    if request.if_match:
        if not request.if_match.contains(str(message.version)):
            raise ApiProblem(412, _("Tin đã có phiên bản mới hơn (ETag %(etag)s): hãy đọc lại rồi sửa.",
                                    etag=f'"{message.version}"'), kind="stale", headers=_etag(message))
        return message.version
    if body.version is None:
        raise ApiProblem(428, _("Hãy gửi phiên bản đang sửa: trường version hoặc tiêu đề If-Match."),
                         kind="version-required", title=_("Thiếu phiên bản"))
    return body.version


@operation("PATCH", "/messages/<int:message_id>", scope="messages:write", summary="Change a message",
           description="An approved message that is changed goes back to review, as on the desk.",
           body=MessagePatch, response=MessageOut, tags=TAGS, problems=(409, 412, 428),
           headers={"ETag": "The new version."})
def update(message_id: int, body: MessagePatch) -> tuple[MessageOut, dict[str, str]]:
    db, user = get_db(), acting_user()
    message = _readable(message_id)
    authorize(user, Action.MESSAGE_WRITE, message.area, object_type="message", object_id=message.id)
    expected = _expected_version(message, body)
    data, _overruled = with_recorded_consent(db, message, _patched(message, body))
    campaign = _campaign(body.campaign_id) if "campaign_id" in body.model_fields_set else campaign_of(db, message)
    save_revision(db, message, user, data, expected_version=expected, now=now(), remote_addr=request.remote_addr)
    attach_message(db, campaign, message)
    announce_change(message)
    db.commit()
    return message_out(message), _etag(message)


@operation("POST", "/messages/<int:message_id>/transitions", scope="messages:write",
           summary="Take a review step", body=Transition, response=MessageOut, tags=TAGS, problems=(409,),
           headers={"ETag": "The message's version."})
def transition(message_id: int, body: Transition) -> tuple[MessageOut, dict[str, str]]:
    message = _readable(message_id)
    review_message(get_db(), message, body.action, actor=acting_user(), now=now(), comment=body.comment,
                   remote_addr=request.remote_addr)
    announce_change(message)
    get_db().commit()
    return message_out(message), _etag(message)
