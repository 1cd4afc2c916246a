"""The live preview answers with exactly what publishing would produce."""

from __future__ import annotations

from content.markdown_bounds import MAX_MARKDOWN_CHARS
from content.models import Role
from content.rendering import render_markdown
from tests.factories import make_area, make_user
from tests.web.helpers import csrf_token, log_in

SOURCE = "**Gọi 113** ngay.\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1))"


def test_the_preview_is_the_published_html_with_word_count_and_read_time(client, session):
    make_user(session, role=Role.EDITOR, area=make_area(session), username="bientap")
    session.commit()
    log_in(client, "bientap")
    token = csrf_token(client, "/desk/messages/new")
    data = client.post("/desk/preview", json={"body_md": SOURCE}, headers={"X-CSRFToken": token}).get_json()
    assert data["html"] == render_markdown(SOURCE)
    assert "onerror" not in data["html"] and "javascript" not in data["html"]
    # Four words as written; on air "113" is three syllables and the two paragraphs take a breath between them.
    assert data["spoken"] == "Gọi một một ba ngay.\nx"
    assert data["words"] == 4 and data["read_seconds"] == 3


def test_the_preview_refuses_requests_without_a_csrf_token_or_login(client, session):
    assert client.post("/desk/preview", json={"body_md": "x"}).status_code in (302, 400, 401)
    make_user(session, role=Role.EDITOR, area=make_area(session), username="bientap")
    session.commit()
    log_in(client, "bientap")
    assert client.post("/desk/preview", json={"body_md": "x"}).status_code == 400


def test_an_oversized_preview_is_refused_with_a_reason(client, session):
    make_user(session, role=Role.EDITOR, area=make_area(session), username="bientap")
    session.commit()
    log_in(client, "bientap")
    token = csrf_token(client, "/desk/messages/new")
    response = client.post("/desk/preview", json={"body_md": "x" * (MAX_MARKDOWN_CHARS + 1)},
                           headers={"X-CSRFToken": token})
    assert response.status_code == 400 and f"{MAX_MARKDOWN_CHARS:,}" in response.get_json()["error"]


def test_the_preview_is_rate_limited_per_user_with_a_reason_the_editor_shows(app, client, session):
    app.config["PREVIEW_RATE_LIMIT"] = "3 per minute"
    area = make_area(session)
    make_user(session, role=Role.EDITOR, area=area, username="bientap")
    make_user(session, role=Role.EDITOR, area=area, username="bientap_hai")
    session.commit()
    log_in(client, "bientap")
    token = csrf_token(client, "/desk/messages/new")
    headers = {"X-CSRFToken": token, "Accept": "application/json"}
    statuses = [client.post("/desk/preview", json={"body_md": "Gọi 113."}, headers=headers).status_code
                for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.post("/desk/preview", json={"body_md": "Gọi 113."}, headers=headers)
    assert refused.status_code == 429 and "quá nhiều yêu cầu" in refused.get_json()["detail"]
    client.get("/desk/logout")
    log_in(client, "bientap_hai")  # the same address, another officer: their own count
    token = csrf_token(client, "/desk/messages/new")
    assert client.post("/desk/preview", json={"body_md": "Gọi 113."}, headers={"X-CSRFToken": token}).status_code == 200
