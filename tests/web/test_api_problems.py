"""Every error under /api/v1 is an RFC 9457 problem document, never an HTML page."""

from __future__ import annotations

from tests.web.api_world import api_world, bearer, draft, token_for
from tests.web.helpers import problem


def test_an_unknown_path_and_a_wrong_method_are_problems(client, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    assert problem(client.get("/api/v1/khong-co", headers=bearer(token)), 404)["status"] == 404
    response = client.delete("/api/v1/messages", headers=bearer(token))
    assert problem(response, 405) and "GET" in response.headers["Allow"]


def test_a_body_that_is_not_json_is_a_415_problem(client, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    problem(client.post("/api/v1/messages", headers=bearer(token), data="title=x"), 415)


def test_unreadable_json_is_a_400_problem(client, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    problem(client.post("/api/v1/messages", headers=bearer(token), data="{\"title\": ",
                        content_type="application/json"), 400)


def test_a_huge_body_is_a_413_problem(client, app, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    huge = {"title": "Tin", "body_md": "a" * (1024 * 1024 + 10), "area_id": world.commune_a.id}
    problem(client.post("/api/v1/messages", headers=bearer(token), json=huge), 413)


def test_wrong_types_and_unknown_fields_are_422_problems_naming_each_field(client, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    found = problem(client.post("/api/v1/messages", headers=bearer(token),
                                json={"title": 5, "body_md": "Nội dung", "area_id": str(world.commune_a.id),
                                      "is_admin": True}), 422)
    assert {e["field"] for e in found["errors"]} == {"body.title", "body.area_id", "body.is_admin"}


def test_domain_rules_are_422_field_errors_as_on_the_desk(client, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    found = problem(client.post("/api/v1/messages", headers=bearer(token),
                                json={"title": "  ", "body_md": "Nội dung", "area_id": world.commune_a.id}), 422)
    assert [e["field"] for e in found["errors"]] == ["title"]


def test_a_bad_query_parameter_is_a_422_problem(client, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    # A bare number would be read as seconds since 1970, a moment no caller means; a year past 2100 overflows.
    for query in ("limit=0", "limit=101", "status=xong", "updated_since=hôm-qua", "updated_since=0.5",
                  "updated_since=2150-01-01T00:00:00Z", "tuy_y=1"):
        problem(client.get(f"/api/v1/messages?{query}", headers=bearer(token)), 422)


def test_a_tampered_cursor_is_a_400_problem(client, session, now):
    world = api_world(session)
    for n in range(3):
        draft(session, world.editor_a, world.commune_a, now, title=f"Tin số {n}")
    token = token_for(session, world.editor_a, now)
    cursor = client.get("/api/v1/messages?limit=1", headers=bearer(token)).get_json()["next"]
    assert cursor
    tampered = ("A" if cursor[0] != "A" else "B") + cursor[1:]
    assert problem(client.get(f"/api/v1/messages?cursor={tampered}", headers=bearer(token)), 400)["type"] \
        .endswith("invalid-cursor")


def test_an_id_past_the_largest_is_a_404_whatever_the_method(client, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    for method in ("GET", "PATCH"):
        problem(client.open("/api/v1/messages/2147483648", method=method, headers=bearer(token), json={}), 404)


def test_a_crash_is_a_500_problem_not_a_page(app, client, session, now, monkeypatch):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: the crash is answered, not raised
    world = api_world(session)
    token = token_for(session, world.editor_a, now)

    def crash(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("lỗi thử")

    monkeypatch.setattr("web.api.messages.messages_in_scope", crash)
    assert problem(client.get("/api/v1/messages", headers=bearer(token)), 500)["instance"] == "/api/v1/messages"
