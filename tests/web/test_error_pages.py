"""Error pages speak to people: Vietnamese reasons, and a form sent after its session ended loses nothing."""

from __future__ import annotations

import html

from content.models import Role
from tests.factories import make_area, make_user
from tests.web.helpers import csrf_token, log_in


def text(response) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(response.get_data(as_text=True))


def test_an_unknown_page_explains_itself_in_vietnamese(client):
    response = client.get("/khong-co-trang-nay")
    assert response.status_code == 404
    page = text(response)
    assert "Trang bạn tìm không có" in page
    assert "The requested URL was not found" not in page


def test_a_wrong_method_is_explained_without_werkzeug_prose(client):
    response = client.get("/desk/logout")
    assert response.status_code == 405
    assert "Trang này không nhận kiểu yêu cầu vừa gửi." in text(response)
    assert "not allowed" not in text(response)


def test_an_api_client_gets_a_json_problem_with_the_same_reason(client):
    response = client.get("/khong-co-trang-nay", headers={"Accept": "application/json"})
    assert response.status_code == 404 and response.mimetype == "application/problem+json"
    assert response.get_json()["detail"].startswith("Trang bạn tìm không có")


def test_a_request_too_big_for_the_server_says_how_to_go_back(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 1000
    response = client.post("/desk/login", data={"username": "x" * 5000})
    assert response.status_code == 413
    assert "Ảnh tối đa 5 MB" in text(response) and "Quay lại" in text(response)


def test_a_form_sent_after_its_session_ended_hands_back_what_was_typed(app, session):
    make_user(session, role=Role.EDITOR, area=make_area(session), username="bientap")
    session.commit()
    client = app.test_client()
    log_in(client, "bientap")
    token = csrf_token(client, "/desk/messages/new")
    body = "Bài viết dài công phu về phòng chống lừa đảo qua mạng.\n\nĐoạn thứ hai."
    # The session cookie is gone (expired, or the browser was restarted) while the page stayed open.
    response = app.test_client().post("/desk/messages/new", data={"csrf_token": token, "title": "Tiêu đề quý giá",
                                                       "body_md": body})
    assert response.status_code == 400
    page = text(response)
    assert "Biểu mẫu đã hết hạn" in page
    assert "Tiêu đề quý giá" in page and body in page


