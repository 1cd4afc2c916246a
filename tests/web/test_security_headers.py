"""Security headers on every kind of answer, and templates that keep to the Content-Security-Policy."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from content.models import Role
from tests.factories import make_area, make_published_message, make_user
from tests.web.helpers import csrf_token, log_in

TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"
STATIC = Path(__file__).resolve().parents[2] / "web" / "static"
EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
}


def assert_secure_headers(response) -> None:  # type: ignore[no-untyped-def]
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, name
    policy = {d.split()[0]: d.split()[1:] for d in response.headers["Content-Security-Policy"].split("; ")}
    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval', no other host
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_an_html_page_carries_the_security_headers(client):
    response = client.get("/")
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert_secure_headers(response)


def test_a_json_answer_carries_the_security_headers(client, session):
    make_user(session, role=Role.EDITOR, area=make_area(session), username="bientap")
    session.commit()
    log_in(client, "bientap")
    response = client.post("/desk/preview", json={"body_md": "Bà con **cảnh giác**."},
                           headers={"X-CSRFToken": csrf_token(client, "/desk/messages/new")})
    assert response.status_code == 200 and response.is_json
    assert_secure_headers(response)


def test_a_json_problem_carries_the_security_headers(client):
    response = client.get("/api/khong-co", headers={"Accept": "application/json"})
    assert response.status_code == 404 and response.mimetype == "application/problem+json"
    assert_secure_headers(response)


@pytest.mark.parametrize("path", ["/feed.rss", "/feed.atom"])
def test_the_feeds_carry_the_security_headers(client, session, session_factory, now, path):
    make_published_message(session, session_factory, now)
    response = client.get(path)
    assert response.status_code == 200 and "xml" in response.mimetype
    assert_secure_headers(response)


def test_an_error_page_carries_the_security_headers(client):
    response = client.get("/tin/khong-co-tin-nay")
    assert response.status_code == 404 and response.mimetype == "text/html"
    assert_secure_headers(response)


def test_a_static_file_carries_the_security_headers(client):
    with client.get("/static/loa.css") as response:
        assert response.status_code == 200
        assert_secure_headers(response)


def test_no_hsts_on_a_plain_http_site(client):
    assert "Strict-Transport-Security" not in client.get("/").headers


def test_hsts_when_the_site_says_it_is_on_https(app, client):
    app.config["SESSION_COOKIE_SECURE"] = True
    assert client.get("/").headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_hsts_on_a_request_that_came_over_https(client):
    response = client.get("/", base_url="https://loa.test")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")


# A tag, allowing Jinja expressions ({{ }} and {% %}) inside it, which may hold a ">".
TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:[^<>{]|\{\{.*?\}\}|\{%.*?%\}|\{(?![{%]))*)>", re.DOTALL)
HANDLER = re.compile(r"(?:^|\s)on[a-z]+\s*=", re.IGNORECASE)
TEMPLATE_FILES = sorted(TEMPLATES.rglob("*.html"))


def test_the_scanner_sees_what_it_must_refuse():
    found = [(name, attributes) for name, attributes in TAG.findall(
        '<button type="button" onclick="window.print()">x</button> <script>alert(1)</script>'
        '<p {{ "a > b" }} style="color: red">')]
    assert found[0][0] == "button" and HANDLER.search(found[0][1])
    assert found[1] == ("script", "")
    assert found[2][0] == "p" and "style=" in found[2][1]


@pytest.mark.parametrize("template", TEMPLATE_FILES, ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_no_template_has_an_inline_script_handler_or_style(template: Path):
    source = template.read_text(encoding="utf-8")
    for name, attributes in TAG.findall(source):
        assert not HANDLER.search(attributes), f"inline event handler in <{name}{attributes}>"
        assert not re.search(r"(?:^|\s)style\s*=", attributes), f"inline style in <{name}{attributes}>"
        assert name.lower() != "style", "a <style> block"
        # A JSON-LD data block is never executed (CSP and browsers treat it as data); its escaping is tested
        # in test_portal_browse. Any other inline script is refused.
        if name.lower() == "script" and attributes.strip() != 'type="application/ld+json"':
            assert re.search(r"\ssrc\s*=", attributes), f"an inline <script{attributes}>"
    assert not re.search(r"javascript:", source, re.IGNORECASE)


def test_every_script_a_template_loads_exists():
    for template in TEMPLATE_FILES:
        for name in re.findall(r"url_for\('static', filename='([^']+\.js)'\)", template.read_text(encoding="utf-8")):
            assert (STATIC / name).is_file(), f"{template.name} loads a missing {name}"
