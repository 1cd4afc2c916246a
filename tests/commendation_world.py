"""A province with two communes, their officers and a good-deed story: what commendation tests start from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy.orm import Session

from campaigns.commendations import CommendationInput
from content.messages import MessageInput, StoryFields, create_message
from content.models import Area, Message, MessageKind, Role, User
from tests.factories import make_area, make_user

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=timezone.utc)
TODAY = date(2026, 11, 20)


@dataclass(frozen=True)
class CommendationWorld:
    province: Area
    commune_a: Area
    commune_b: Area
    province_editor: User
    editor_a: User
    editor_b: User
    analyst: User
    story_a: Message
    article_a: Message


def commendation_world(session: Session) -> CommendationWorld:
    province = make_area(session, name="Tỉnh Sông Mây")
    commune_a = make_area(session, parent=province, name="Xã Bến Đò")
    commune_b = make_area(session, parent=province, name="Phường Cầu Tre")
    province_editor = make_user(session, role=Role.EDITOR, area=province)
    editor_a = make_user(session, role=Role.EDITOR, area=commune_a)
    editor_b = make_user(session, role=Role.EDITOR, area=commune_b)
    analyst = make_user(session, role=Role.ANALYST, area=province)
    story = create_message(session, editor_a, MessageInput(
        kind=MessageKind.STORY, title="Ông Lò Văn Thắm nhặt được ví trả người đánh rơi",
        body_md="Ông Thắm đi chợ sáng thì nhặt được ví và mang đến công an xã.", area_id=commune_a.id,
        story=StoryFields(person_name="Lò Văn Thắm", deed="Trả lại ví có 12 triệu đồng", name_consent=True)),
        now=NOW)
    article = create_message(session, editor_a, MessageInput(
        kind=MessageKind.ARTICLE, title="Cảnh giác cuộc gọi giả công an", body_md="Công an không gọi điện đòi tiền.",
        area_id=commune_a.id), now=NOW)
    session.flush()
    return CommendationWorld(province, commune_a, commune_b, province_editor, editor_a, editor_b, analyst, story,
                             article)


def desk_world(session: Session) -> CommendationWorld:
    """The world with logins the desk tests use, committed for the app's own session to see."""
    w = commendation_world(session)
    for user, name in ((w.editor_a, "bientap_xa"), (w.editor_b, "bientap_phuong"), (w.analyst, "phantich_tinh"),
                       (w.province_editor, "bientap_tinh")):
        user.username = name
    session.commit()
    return w


def commended(area: Area, **overrides) -> CommendationInput:  # type: ignore[no-untyped-def]
    fields = dict(area_id=area.id, recipient="Lò Văn Thắm", reason="Nhặt được của rơi trả người đánh mất",
                  level="commune", decision_number="57/QĐ-UBND", decided_on=date(2026, 8, 12))
    fields.update(overrides)
    return CommendationInput(**fields)  # type: ignore[arg-type]
