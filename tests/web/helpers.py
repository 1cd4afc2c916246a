"""What web tests do over and over: read a form's CSRF token, sign in, switch language, edit, read a problem."""

from __future__ import annotations

import re

from tests.factories import PASSWORD


def csrf_token(client, path: str) -> str:
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def log_in(client, username: str) -> None:
    response = client.post("/desk/login", data={"username": username, "password": PASSWORD,
                                                "csrf_token": csrf_token(client, "/desk/login")})
    assert response.status_code == 302, response.get_data(as_text=True)


def switch(client, code: str, next_path: str) -> str:
    response = client.get(f"/language/{code}", query_string={"next": next_path})
    assert response.status_code == 302
    return response.headers["Location"]


def edit(client, message, *, version: int, title: str, body: str):
    path = f"/desk/messages/{message.id}/edit"
    return client.post(path, data={"kind": "article", "title": title, "body_md": body, "area_id": message.area_id,
                                   "version": version, "csrf_token": csrf_token(client, path)})


def problem(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.get_data(as_text=True)[:300]
    assert response.mimetype == "application/problem+json"
    return response.get_json()


def sign_in(page, base: str, username: str) -> None:
    """Sign in through a real browser page (Playwright), as a person would."""
    page.goto(f"{base}/desk/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button:has-text('Đăng nhập')")
    page.wait_for_url(f"{base}/desk/")


def sign_out(page) -> None:
    page.click("button:has-text('Đăng xuất')")
