"""Messages through the API: listed, read, written and reviewed with exactly the desk's permissions."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from content.models import AuditLog, Message
from tests.web.api_world import api_world, bearer, draft, token_for
from tests.web.helpers import problem


def test_an_editor_lists_the_drafts_of_their_commune_and_not_of_the_next(client, session, now):
    world = api_world(session)
    mine = draft(session, world.editor_a, world.commune_a, now, title="Phòng chống ma túy ở thôn Đông")
    draft(session, world.editor_b, world.commune_b, now, title="Tin của xã bên")
    token = token_for(session, world.editor_a, now)
    response = client.get("/api/v1/messages", headers=bearer(token))
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert [m["id"] for m in body["items"]] == [mine.id]
    assert body["next"] is None and body["items"][0]["title"] == "Phòng chống ma túy ở thôn Đông"


def test_an_editor_cannot_read_another_commune_s_draft_through_the_api(client, session, now):
    world = api_world(session)
    theirs = draft(session, world.editor_b, world.commune_b, now)
    token = token_for(session, world.editor_a, now)
    problem(client.get(f"/api/v1/messages/{theirs.id}", headers=bearer(token)), 403)
    assert problem(client.get("/api/v1/messages/999999", headers=bearer(token)), 404)["type"].endswith("not-found")
    listed = client.get(f"/api/v1/messages?area={world.commune_b.code}", headers=bearer(token)).get_json()
    assert listed["items"] == []


def test_a_province_admin_filters_by_area_status_and_change_time(client, session, clock, now):
    world = api_world(session)
    draft(session, world.editor_a, world.commune_a, now, title="Tin cũ của xã Đồng Xuân")
    clock.set(now + timedelta(hours=1))
    later = draft(session, world.editor_b, world.commune_b, now + timedelta(hours=1), title="Tin mới của xã Bến Thủy")
    token = token_for(session, world.admin, now)
    since = (now + timedelta(minutes=30)).isoformat()
    found = client.get("/api/v1/messages", query_string={"updated_since": since}, headers=bearer(token)).get_json()
    assert [m["id"] for m in found["items"]] == [later.id]
    by_area = client.get(f"/api/v1/messages?area={world.commune_b.code}&status=draft", headers=bearer(token))
    assert [m["id"] for m in by_area.get_json()["items"]] == [later.id]
    assert client.get("/api/v1/messages?status=published", headers=bearer(token)).get_json()["items"] == []
    problem(client.get("/api/v1/messages?area=KHONGCO", headers=bearer(token)), 422)


def test_paging_walks_every_message_once_while_new_ones_are_written(client, session, clock, now):
    world = api_world(session)
    written = [draft(session, world.editor_a, world.commune_a, now + timedelta(minutes=n), title=f"Tin số {n}").id
               for n in range(5)]
    token = token_for(session, world.editor_a, now)
    seen: list[int] = []
    page = client.get("/api/v1/messages?limit=2", headers=bearer(token)).get_json()
    seen += [m["id"] for m in page["items"]]
    # Written while the client pages: it sorts after everything already walked, so it comes last, once.
    late = draft(session, world.editor_a, world.commune_a, now + timedelta(hours=1), title="Tin viết giữa chừng").id
    while page["next"]:
        assert page["links"]["next"].startswith("/api/v1/messages?")
        page = client.get(page["links"]["next"], headers=bearer(token)).get_json()
        seen += [m["id"] for m in page["items"]]
    assert seen == [*written, late]


def test_a_draft_written_through_the_api_is_the_desk_s_draft_with_its_markdown_sanitized(client, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    response = client.post("/api/v1/messages", headers=bearer(token), json={
        "title": "Cảnh giác cuộc gọi giả danh công an", "area_id": world.commune_a.id, "summary": "Ba dấu hiệu",
        "body_md": "Đừng bấm <script>alert(1)</script>[vào đây](javascript:alert(2)).\n\n**Gọi 113**"})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert response.headers["Location"].endswith(f"/api/v1/messages/{body['id']}")
    assert body["status"] == "draft" and body["version"] == 1 and response.headers["ETag"] == '"1"'
    assert "<script" not in body["body_html"] and "javascript:" not in body["body_html"]
    assert "<strong>Gọi 113</strong>" in body["body_html"]
    audit = session.scalars(select(AuditLog).where(AuditLog.action == "message.create")).one()
    assert audit.actor_id == world.editor_a.id and audit.object_id == body["id"]


def test_an_editor_cannot_write_into_another_commune(client, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    problem(client.post("/api/v1/messages", headers=bearer(token), json={
        "title": "Tin lạc xã", "body_md": "Nội dung", "area_id": world.commune_b.id}), 403)
    assert session.scalars(select(Message)).all() == []


def test_a_change_names_the_version_it_starts_from(client, session, now):
    world = api_world(session)
    message = draft(session, world.editor_a, world.commune_a, now)
    token = token_for(session, world.editor_a, now)
    path = f"/api/v1/messages/{message.id}"
    problem(client.patch(path, headers=bearer(token), json={"title": "Không nói phiên bản"}), 428)
    changed = client.patch(path, headers={**bearer(token), "If-Match": '"1"'}, json={"title": "Tiêu đề mới"})
    assert changed.status_code == 200 and changed.get_json()["title"] == "Tiêu đề mới"
    assert changed.headers["ETag"] == '"2"' and changed.get_json()["body_md"] == message.body_md
    stale = client.patch(path, headers={**bearer(token), "If-Match": '"1"'}, json={"title": "Đè lên bản mới"})
    assert problem(stale, 412) and stale.headers["ETag"] == '"2"'
    problem(client.patch(path, headers=bearer(token), json={"version": 1, "title": "Đè lên bản mới"}), 409)
    assert client.patch(path, headers=bearer(token), json={"version": 2, "summary": "Tóm tắt"}).status_code == 200
    nulls = problem(client.patch(path, headers=bearer(token), json={"version": 3, "title": None}), 422)
    assert [e["field"] for e in nulls["errors"]] == ["title"]


def test_review_steps_follow_the_desk_s_rules(client, session, now):
    world = api_world(session)
    message = draft(session, world.editor_a, world.commune_a, now)
    editor = token_for(session, world.editor_a, now)
    approver = token_for(session, world.approver_a, now)
    path = f"/api/v1/messages/{message.id}/transitions"
    problem(client.post(path, headers=bearer(editor), json={"action": "approve"}), 403)
    assert client.post(path, headers=bearer(editor), json={"action": "submit"}).get_json()["status"] == "in_review"
    problem(client.post(path, headers=bearer(editor), json={"action": "submit"}), 409)
    returned = problem(client.post(path, headers=bearer(approver), json={"action": "request_changes"}), 422)
    assert [e["field"] for e in returned["errors"]] == ["comment"]
    back = client.post(path, headers=bearer(approver), json={"action": "request_changes", "comment": "Thêm số 113"})
    assert back.get_json()["status"] == "changes_requested"
    problem(client.post(path, headers=bearer(approver), json={"action": "publish"}), 422)
