"""Per-channel variants: within each platform's limit, masked where consent is missing, editable."""

from __future__ import annotations

from datetime import timedelta

import pytest

from campaigns.models import ChannelKind
from campaigns.planning import plan_deliveries
from campaigns.variants import (
    TELEGRAM_CAPTION,
    TELEGRAM_TEXT,
    ZALO_DESCRIPTION,
    fit,
    set_variant,
    social_variant,
    text_limit,
)
from content.errors import InvalidInput
from content.messages import MessageInput, StoryFields, create_message, transition_message
from content.models import MessageKind, Role
from tests.factories import make_area, make_channel, make_user

LINK = 40
LONG_BODY = "\n\n".join(f"Đoạn {n}: bà con thôn Đồng Sậy tiếp tục tuần tra ban đêm, khóa xe cẩn thận." for n in range(200))


def story(session, now, *, consent=False, body="Anh **Đinh Công Tráng** nhặt được ví và trả lại.",  # type: ignore[no-untyped-def]
          summary="Một việc làm đẹp ở thôn Đồng Sậy."):
    area = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=area)
    approver = make_user(session, role=Role.APPROVER, area=area)
    message = create_message(session, editor, MessageInput(
        kind=MessageKind.STORY, title="Đinh Công Tráng trả lại ví cho người đánh rơi", body_md=body, area_id=area.id,
        summary=summary,
        story=StoryFields(person_name="Đinh Công Tráng", deed="Trả lại ví", name_consent=consent)), now=now)
    transition_message(session, message, "submit", actor=editor, now=now)
    transition_message(session, message, "approve", actor=approver, now=now)
    return message, approver


def test_fit_cuts_at_a_word_and_marks_the_cut():
    cut = fit("Không cung cấp mã OTP cho bất kỳ ai", 20)
    assert len(cut) <= 20 and cut.endswith("…") and cut == "Không cung cấp mã…"


@pytest.mark.parametrize("kind,with_image,limit", [
    (ChannelKind.TELEGRAM, False, TELEGRAM_TEXT - LINK - 2),
    (ChannelKind.TELEGRAM, True, TELEGRAM_CAPTION - LINK - 2),
    (ChannelKind.ZALO, True, ZALO_DESCRIPTION),
])
def test_every_variant_fits_its_platform_with_room_for_the_link(session, now, kind, with_image, limit):
    # Without a summary: Zalo's text would otherwise be the short summary as written.
    message, _ = story(session, now, body=LONG_BODY, summary="")
    text = social_variant(message, kind, with_image=with_image, link_length=LINK)
    assert text_limit(kind, with_image=with_image, link_length=LINK) == limit
    assert limit - 40 < len(text) <= limit and text.endswith("…")


def test_a_story_without_consent_shows_initials_in_every_variant(session, now):
    message, _ = story(session, now)
    for kind in (ChannelKind.TELEGRAM, ChannelKind.FACEBOOK, ChannelKind.ZALO, ChannelKind.WEBHOOK):
        text = social_variant(message, kind, with_image=False, link_length=LINK)
        assert "Đinh Công Tráng" not in text and ("Đ.C.T." in text or kind is ChannelKind.ZALO)


def test_with_consent_the_name_stays(session, now):
    message, _ = story(session, now, consent=True)
    assert "Đinh Công Tráng" in social_variant(message, ChannelKind.TELEGRAM, with_image=False, link_length=LINK)


def test_an_editor_rewrites_a_variant_within_the_limit(session, now):
    message, approver = story(session, now)
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=now + timedelta(hours=1), now=now,
                                 channels=[make_channel(session, ChannelKind.ZALO)])
    set_variant(session, delivery, "  Gương sáng thôn Đồng Sậy.  ", actor=approver, now=now, link_length=LINK)
    assert delivery.variant == "Gương sáng thôn Đồng Sậy."
    with pytest.raises(InvalidInput) as refused:
        set_variant(session, delivery, "x" * (ZALO_DESCRIPTION + 1), actor=approver, now=now, link_length=LINK)
    assert "vượt giới hạn 300" in refused.value.errors["variant"]
    with pytest.raises(InvalidInput):
        set_variant(session, delivery, "   ", actor=approver, now=now, link_length=LINK)
    assert delivery.variant == "Gương sáng thôn Đồng Sậy."


def test_the_portal_has_no_variant_to_edit(session, now):
    message, approver = story(session, now)
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=now + timedelta(hours=1), now=now,
                                 channels=[make_channel(session, ChannelKind.PORTAL)])
    with pytest.raises(InvalidInput):
        set_variant(session, delivery, "Nội dung riêng", actor=approver, now=now, link_length=LINK)
