"""The JSON shapes of messages in the API: what a caller sends and what it gets back."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from content.markdown_bounds import MAX_MARKDOWN_CHARS
from content.messages import MAX_TITLE_CHARS
from content.models import Message, MessageKind, MessageStatus, Priority
from web.api.bounded_times import Moment
from web.api.paging import PageLinks, PageQuery
from web.api.shapes import Id, Input, Text


class Story(Input):
    """A good-deed story's fields (kind `story`)."""

    person_name: Annotated[Text, Field(max_length=200)]
    deed: Annotated[Text, Field(max_length=MAX_MARKDOWN_CHARS)]
    person_area_id: Id | None = None
    deed_on: date | None = None
    name_consent: bool = False
    commendation: Annotated[Text, Field(max_length=2000)] | None = None


class MessageCreate(Input):
    """A new draft; checked by the same rules as the desk's form."""

    # An example for readers of the document (and schemathesis' examples phase, which sends it).
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "title": "Cảnh giác cuộc gọi giả danh công an", "area_id": 1,
        "body_md": "Công an **không** yêu cầu chuyển tiền qua điện thoại. Gặp cuộc gọi như vậy, hãy báo 113."}]})

    kind: MessageKind = MessageKind.ARTICLE
    title: Annotated[Text, Field(max_length=MAX_TITLE_CHARS * 2)]
    body_md: Annotated[Text, Field(max_length=MAX_MARKDOWN_CHARS * 2, description="Markdown; sanitized as on the desk.")]
    area_id: Id
    summary: Annotated[Text, Field(max_length=2000)] = ""
    priority: Priority = Priority.NORMAL
    spoken_override: Annotated[Text, Field(max_length=MAX_MARKDOWN_CHARS)] | None = None
    target_area_ids: Annotated[list[Id], Field(max_length=500)] = []
    topic_ids: Annotated[list[Id], Field(max_length=100)] = []
    image_id: Id | None = None
    story: Story | None = None
    campaign_id: Id | None = None


class MessagePatch(Input):
    """Changed fields only; `version` (or an If-Match header) names the version the change starts from."""

    version: Id | None = None
    kind: MessageKind | None = None
    title: Annotated[Text, Field(max_length=MAX_TITLE_CHARS * 2)] | None = None
    body_md: Annotated[Text, Field(max_length=MAX_MARKDOWN_CHARS * 2)] | None = None
    area_id: Id | None = None
    summary: Annotated[Text, Field(max_length=2000)] | None = None
    priority: Priority | None = None
    spoken_override: Annotated[Text, Field(max_length=MAX_MARKDOWN_CHARS)] | None = None
    target_area_ids: Annotated[list[Id], Field(max_length=500)] | None = None
    topic_ids: Annotated[list[Id], Field(max_length=100)] | None = None
    image_id: Id | None = None
    story: Story | None = None
    campaign_id: Id | None = None


class Transition(Input):
    action: Literal["submit", "approve", "request_changes", "archive"] = Field(
        description="A workflow step, as on the desk: `request_changes` sends it back and needs a `comment`.")
    comment: Annotated[Text, Field(max_length=5000)] | None = None


class MessageQuery(PageQuery):
    status: MessageStatus | None = None
    kind: MessageKind | None = None
    campaign_id: Id | None = None
    area: Annotated[Text, Field(max_length=32, description="An area's code: that area and the areas below it.")] \
        | None = None
    updated_since: Moment | None = Field(default=None, description="Only messages changed at or after this.")


class StoryOut(BaseModel):
    person_name: str | None
    deed: str | None
    person_area_id: int | None
    deed_on: date | None
    name_consent: bool
    commendation: str | None


class MessageOut(BaseModel):
    model_config = ConfigDict(title="Message")
    id: int
    kind: MessageKind
    status: MessageStatus
    title: str
    slug: str
    summary: str
    priority: Priority
    area_id: int
    area_code: str
    target_area_ids: list[int]
    topic_ids: list[int]
    image_id: int | None
    author_id: int
    version: int = Field(description="Send it back as `version` or If-Match when changing the message.")
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    body_md: str
    body_html: str = Field(description="The sanitized HTML the desk shows.")
    spoken_override: str | None
    story: StoryOut | None


class MessageList(BaseModel):
    items: list[MessageOut]
    next: str | None = Field(description="The cursor of the next page, or null on the last page.")
    links: PageLinks


def message_out(message: Message) -> MessageOut:
    story = StoryOut(person_name=message.person_name, deed=message.deed, person_area_id=message.person_area_id,
                     deed_on=message.deed_on, name_consent=message.name_consent,
                     commendation=message.commendation) if message.kind is MessageKind.STORY else None
    return MessageOut(
        id=message.id, kind=message.kind, status=message.status, title=message.title, slug=message.slug,
        summary=message.summary, priority=message.priority, area_id=message.area_id, area_code=message.area.code,
        target_area_ids=sorted(a.id for a in message.target_areas), topic_ids=sorted(t.id for t in message.topics),
        image_id=message.image_id, author_id=message.author_id, version=message.version,
        created_at=message.created_at, updated_at=message.updated_at, published_at=message.published_at,
        body_md=message.body_md, body_html=message.body_html, spoken_override=message.spoken_override, story=story)
