"""Public outputs read the forms stored with the revision: no Markdown rendered, no name masked, when they are read."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import markdown
import pytest

import content.name_masking
from campaigns.models import ChannelKind
from campaigns.planning import plan_deliveries
from campaigns.station_tokens import issue_station_token
from content.messages import MessageInput, StoryFields, create_message, transition_message
from content.models import MessageKind, Role
from content.rendering import render_markdown
from scheduler.dispatch import run_tick
from tests.factories import make_area, make_channel, make_station, make_user

NAME = "Lò Văn Páo"


@pytest.fixture
def published(session, session_factory, now):  # type: ignore[no-untyped-def]
    """An unconsented story out on the portal and the feed, and due on a commune's loudspeaker."""
    commune = make_area(session, parent=make_area(session))
    station = make_station(session, commune)
    editor = make_user(session, role=Role.EDITOR, area=commune)
    approver = make_user(session, role=Role.APPROVER, area=commune)
    message = create_message(session, editor, MessageInput(
        kind=MessageKind.STORY, title=f"Anh {NAME} cứu người đuối nước", area_id=commune.id,
        summary=f"{NAME} lao xuống suối.", body_md=f"Anh **{NAME}** đã cứu hai em nhỏ.",
        story=StoryFields(person_name=NAME, deed="Cứu người đuối nước", name_consent=False)), now=now)
    transition_message(session, message, "submit", actor=editor, now=now)
    transition_message(session, message, "approve", actor=approver, now=now)
    plan_deliveries(session, message, actor=approver, due_at=now + timedelta(minutes=1), now=now,
                    channels=[make_channel(session, ChannelKind.PORTAL), make_channel(session, ChannelKind.FEED)],
                    stations=[station])
    token = issue_station_token(station, now=now)
    session.commit()
    run_tick(session_factory, now=now + timedelta(minutes=1), worker="test")
    return message.slug, station.id, token


@pytest.fixture
def derivations(monkeypatch) -> list[str]:
    """Each Markdown parse and each name mask worked out, as it happens."""
    calls: list[str] = []
    parse, person = markdown.markdown, content.name_masking.parse_person
    monkeypatch.setattr(markdown, "markdown", lambda *a, **k: calls.append("render") or parse(*a, **k))
    monkeypatch.setattr(content.name_masking, "parse_person", lambda *a, **k: calls.append("mask") or person(*a, **k))
    render_markdown.cache_clear()  # a remembered render would hide a second one
    return calls


def test_portal_feeds_and_script_read_the_stored_forms(client, published, derivations, now):
    slug, station_id, token = published
    day = (now + timedelta(minutes=1)).astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    outputs = {
        "page": client.get(f"/tin/{slug}").get_data(as_text=True),
        "index": client.get("/").get_data(as_text=True),
        "rss": client.get("/feed.rss").get_data(as_text=True),
        "atom": client.get("/feed.atom").get_data(as_text=True),
        "script": client.get(f"/radio/stations/{station_id}/scripts/{day.isoformat()}.txt",
                             headers={"Authorization": f"Bearer {token}"}).get_data(as_text=True),
    }
    assert derivations == []
    for where, text in outputs.items():
        assert "L.V.P." in text and "Páo" not in text, where

