"""Without consent, a good-deed story names nobody: not on the portal, in feeds, nor on the loudspeaker."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from campaigns.models import ChannelKind
from campaigns.planning import plan_deliveries
from content.consent_masking import masked_name
from content.messages import MessageInput, StoryFields, create_message, transition_message
from content.models import MessageKind, Role
from content.spoken import spoken_text
from scheduler.dispatch import run_tick
from tests.factories import make_area, make_channel, make_user

NAME = "Đinh Thị Hoa"
BODY = f"Chị **{NAME}** đã nhặt được ví và trả lại người đánh rơi. Cảm ơn chị đinh thị hoa!"


@pytest.mark.parametrize(("name", "masked"), [
    ("Đinh Thị Hoa", "Đ.T.H."), ("  lò văn   páo ", "L.V.P."), ("<img src=x onerror=alert(1)>", "S.O."), ("", "(ẩn danh)"),
])
def test_a_masked_name_keeps_only_initials(name, masked):
    assert masked_name(name) == masked


def story(session, now, *, consent: bool):
    area = make_area(session)
    editor, approver = make_user(session, role=Role.EDITOR, area=area), make_user(session, role=Role.APPROVER, area=area)
    data = MessageInput(kind=MessageKind.STORY, title=f"Gương sáng {NAME}", body_md=BODY, area_id=area.id,
                        summary=f"{NAME} trả lại tài sản.",
                        story=StoryFields(person_name=NAME, deed="Trả lại ví", deed_on=date(2026, 10, 2),
                                          name_consent=consent))
    message = create_message(session, editor, data, now=now)
    transition_message(session, message, "submit", actor=editor, now=now)
    transition_message(session, message, "approve", actor=approver, now=now)
    channels = [make_channel(session, ChannelKind.PORTAL), make_channel(session, ChannelKind.FEED)]
    plan_deliveries(session, message, actor=approver, due_at=now + timedelta(minutes=1), now=now, channels=channels)
    session.commit()
    return message


def test_an_unconsented_name_appears_nowhere_public(client, session, session_factory, now):
    message = story(session, now, consent=False)
    run_tick(session_factory, now=now + timedelta(minutes=1), worker="test")
    outputs = {
        "portal": client.get(f"/tin/{message.slug}").get_data(as_text=True),
        "index": client.get("/").get_data(as_text=True),
        "rss": client.get("/feed.rss").get_data(as_text=True),
        "spoken": spoken_text(message),
    }
    for where, text in outputs.items():
        assert "hoa" not in text.lower().replace("hoạt", ""), where
        assert "Đ.T.H." in text, where


def test_a_consented_name_is_shown(client, session, session_factory, now):
    message = story(session, now, consent=True)
    run_tick(session_factory, now=now + timedelta(minutes=1), worker="test")
    assert NAME in client.get(f"/tin/{message.slug}").get_data(as_text=True)
