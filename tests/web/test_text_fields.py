"""The editor's form with invisible characters: cleaned and saved, or refused with the form kept."""

from __future__ import annotations

import html

from sqlalchemy import select

from content.models import Message, Role
from tests.factories import make_area, make_user
from tests.samples import CLEAN_TITLE, HOSTILE_TITLE
from tests.web.helpers import csrf_token, log_in


def send(client, area_id: int, title: str):  # type: ignore[no-untyped-def]
    return client.post("/desk/messages/new", data={
        "kind": "article", "title": title, "body_md": "Hãy báo ngay cho Công an xã.", "area_id": area_id,
        "csrf_token": csrf_token(client, "/desk/messages/new")})


def test_a_title_with_invisible_characters_is_saved_without_them(client, session):
    area = make_area(session)
    make_user(session, role=Role.EDITOR, area=area, username="bientap")
    session.commit()
    log_in(client, "bientap")
    assert send(client, area.id, HOSTILE_TITLE).status_code == 302
    assert session.scalar(select(Message.title)) == CLEAN_TITLE


def test_a_title_of_only_invisible_characters_comes_back_with_a_field_error(client, session):
    area = make_area(session)
    make_user(session, role=Role.EDITOR, area=area, username="bientap")
    session.commit()
    log_in(client, "bientap")
    response = send(client, area.id, "\u200b\u202e\u2060")
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert "chỉ gồm ký tự vô hình" in page and "Hãy báo ngay cho Công an xã." in page
    assert session.scalar(select(Message.id)) is None
