"""Writing and reviewing messages: every save is a revision, every transition is audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from content.audit import record_audit
from content.consent_masking import mask_name, protect_image
from content.db import add_with_free_slug, load_by_ids
from content.errors import Conflict, InvalidInput, PermissionDenied
from content.markdown_bounds import MAX_MARKDOWN_CHARS, markdown_bound_error
from content.models import Area, MediaItem, Message, MessageKind, MessageStatus, Priority, Revision, Topic, User
from content.permissions import Action, authorize
from content.public_forms import derive_public_forms, refresh_picture_users, store_public_forms
from content.rendering import render_markdown
from content.spoken.dictionary import load_rules
from content.vietnamese import fold
from content.wording import Text
from content.workflow import next_status

MAX_BODY_CHARS = MAX_MARKDOWN_CHARS
MAX_TITLE_CHARS = 300
# Workflow action → the permission it needs.
TRANSITION_PERMISSIONS = {
    "submit": Action.MESSAGE_SUBMIT,
    "approve": Action.MESSAGE_REVIEW,
    "request_changes": Action.MESSAGE_REVIEW,
    "schedule": Action.MESSAGE_SCHEDULE,
    "archive": Action.MESSAGE_ARCHIVE,
}


@dataclass(frozen=True)
class StoryFields:
    person_name: str
    deed: str
    person_area_id: int | None = None
    deed_on: date | None = None
    name_consent: bool = False
    commendation: str | None = None


@dataclass(frozen=True)
class MessageInput:
    """What an editor's form sends; validated here, so every entry point checks the same rules."""

    kind: MessageKind
    title: str
    body_md: str
    area_id: int
    summary: str = ""
    priority: Priority = Priority.NORMAL
    spoken_override: str | None = None
    target_area_ids: tuple[int, ...] = ()
    topic_ids: tuple[int, ...] = ()
    story: StoryFields | None = None
    image_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def message_errors(session: Session, data: MessageInput) -> dict[str, str]:
    """Every rule a message breaks, keyed by form field; empty when it may be saved."""
    return _check(session, data)[0]


def _validate(session: Session, data: MessageInput) -> dict[str, Any]:
    errors, checked = _check(session, data)
    if errors:
        raise InvalidInput(errors)
    return checked


def _check(session: Session, data: MessageInput) -> tuple[dict[str, str], dict[str, Any]]:
    errors: dict[str, str] = {}
    title = data.title.strip()
    if not title:
        errors["title"] = Text("Tiêu đề không được để trống.")
    elif len(title) > MAX_TITLE_CHARS:
        errors["title"] = Text("Tiêu đề dài quá %(n)s ký tự.", n=MAX_TITLE_CHARS)
    if not data.body_md.strip():
        errors["body_md"] = Text("Nội dung không được để trống.")
    elif (too_big := markdown_bound_error(data.body_md)) is not None:
        errors["body_md"] = too_big
    area = session.get(Area, data.area_id)
    if area is None:
        errors["area_id"] = Text("Địa bàn không tồn tại.")
    targets = load_by_ids(session, Area, data.target_area_ids)
    if targets is None:
        errors["target_area_ids"] = Text("Có địa bàn nhận tin không tồn tại.")
    topics = load_by_ids(session, Topic, data.topic_ids)
    if topics is None:
        errors["topic_ids"] = Text("Có chủ đề không tồn tại.")
    if data.kind is MessageKind.STORY:
        if data.story is None or not data.story.person_name.strip():
            errors["person_name"] = Text("Câu chuyện người tốt việc tốt cần tên người được nêu gương.")
        if data.story is None or not data.story.deed.strip():
            errors["deed"] = Text("Hãy mô tả việc tốt.")
        if data.story is not None and data.story.person_area_id is not None \
                and session.get(Area, data.story.person_area_id) is None:
            errors["person_area_id"] = Text("Nơi của người được nêu gương không phải địa bàn có trong hệ thống.")
    image = session.get(MediaItem, data.image_id) if data.image_id is not None else None
    if data.image_id is not None and image is None:
        errors["image_id"] = Text("Ảnh đã chọn không còn trong thư viện; hãy chọn ảnh khác.")
    return errors, {"area": area, "targets": targets, "topics": topics, "title": title, "image": image}


def _apply(message: Message, data: MessageInput, checked: dict[str, Any]) -> bool:
    """:returns: whether the message's picture gained a hidden name (see `_add_revision`)."""
    # Rendering is the costly step: done before anything below can load a relationship, autoflush and
    # so take the database's write lock (SQLite) while it runs.
    body_html = render_markdown(data.body_md)
    message.kind = data.kind
    message.title = checked["title"]
    message.summary = data.summary.strip()
    message.body_md = data.body_md
    message.body_html = body_html
    message.search_text = fold(" ".join((message.title, message.summary, data.body_md)))
    message.search_title = fold(message.title)
    message.priority = data.priority
    message.spoken_override = (data.spoken_override or "").strip() or None
    message.area = checked["area"]
    message.target_areas = checked["targets"] or [checked["area"]]
    message.topics = checked["topics"]
    message.image = checked["image"]
    story = data.story if data.kind is MessageKind.STORY else None
    message.person_name = story.person_name.strip() if story else None
    message.deed = story.deed.strip() if story else None
    message.person_area_id = story.person_area_id if story else None
    message.deed_on = story.deed_on if story else None
    message.name_consent = story.name_consent if story else False
    message.commendation = story.commendation if story else None
    return protect_image(message)


def _add_revision(session: Session, message: Message, author: User, now: datetime, *,
                  picture_marked: bool = False) -> Revision:
    """The saved text as a revision, with the forms the public reads derived from it once, here."""
    rules = load_rules(session)
    number = (session.scalar(select(func.max(Revision.number)).where(Revision.message_id == message.id)) or 0) + 1
    revision = Revision(
        message=message,
        number=number,
        title=message.title,
        body_md=message.body_md,
        body_html=message.body_html,
        fields={"summary": message.summary, "priority": message.priority.value, "kind": message.kind.value,
                "image_id": message.image_id},
        author_id=author.id,
        created_at=now,
    )
    store_public_forms(revision, derive_public_forms(message, revision, rules=rules))
    session.add(revision)
    session.flush()
    session.expire(message, ["current_revision"])
    if picture_marked and message.image is not None:
        refresh_picture_users(session, message.image, besides=message)
    return revision


def _authorize_areas(user: User, checked: dict[str, Any]) -> None:
    """The message's own area and every area it targets must lie in the writer's subtree."""
    for area in [checked["area"], *checked["targets"]]:
        authorize(user, Action.MESSAGE_WRITE, area, object_type="area", object_id=area.id)


def create_message(
    session: Session, author: User, data: MessageInput, *, now: datetime, remote_addr: str | None = None
) -> Message:
    checked = _validate(session, data)
    _authorize_areas(author, checked)
    message = Message(author=author, created_at=now, updated_at=now)
    picture_marked = _apply(message, data, checked)
    # A URL outlives a change of consent, so a story's slug never carries the person's name.
    add_with_free_slug(session, message, Message.slug, mask_name(message, message.title))
    _add_revision(session, message, author, now, picture_marked=picture_marked)
    record_audit(session, actor=author, action="message.create", object_type="message", object_id=message.id,
                 now=now, remote_addr=remote_addr)
    return message


def update_message(
    session: Session,
    message: Message,
    editor: User,
    data: MessageInput,
    *,
    expected_version: int,
    now: datetime,
    remote_addr: str | None = None,
) -> Message:
    """Save a new revision; an edit after approval sends the message back to review."""
    if message.version != expected_version:
        raise Conflict(Text("Tin này vừa được người khác lưu một phiên bản mới hơn."))
    authorize(editor, Action.MESSAGE_WRITE, message.area, object_type="message", object_id=message.id)
    checked = _validate(session, data)
    _authorize_areas(editor, checked)
    try:
        picture_marked = _apply(message, data, checked)
        message.updated_at = now
        if message.status in (MessageStatus.APPROVED, MessageStatus.SCHEDULED):
            message.status = MessageStatus.IN_REVIEW
        session.flush()
    except StaleDataError:
        raise Conflict(Text("Tin này vừa được người khác lưu một phiên bản mới hơn.")) from None
    _add_revision(session, message, editor, now, picture_marked=picture_marked)
    record_audit(session, actor=editor, action="message.update", object_type="message", object_id=message.id,
                 now=now, remote_addr=remote_addr, detail={"version": message.version})
    return message


def latest_revision(message: Message) -> Revision:
    return message.revisions[-1]


def transition_message(
    session: Session,
    message: Message,
    action: str,
    *,
    actor: User,
    now: datetime,
    comment: str | None = None,
    remote_addr: str | None = None,
) -> Message:
    """Move a message through the workflow after checking the actor may take this step."""
    authorize(actor, TRANSITION_PERMISSIONS[action], message.area, object_type="message", object_id=message.id)
    if action in ("approve", "request_changes"):
        revision = latest_revision(message)
        if action == "approve" and revision.author_id == actor.id:
            raise PermissionDenied(Text("Không ai được tự duyệt bài của mình."), attempted="message.approve",
                                   object_type="message", object_id=message.id)
        if action == "request_changes" and not (comment or "").strip():
            raise InvalidInput({"comment": Text("Hãy ghi rõ cần sửa gì.")})
        if action == "approve":
            revision.approved_by_id, revision.approved_at = actor.id, now
        revision.comment = comment
    previous = message.status
    message.status = next_status(message.status, action)
    session.flush()
    record_audit(session, actor=actor, action=f"message.{action}", object_type="message", object_id=message.id,
                 now=now, remote_addr=remote_addr,
                 detail={"from": previous.value, "to": message.status.value, "comment": comment})
    return message

