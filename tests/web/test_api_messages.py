"""Messages through the API: listed, read, written and reviewed with exactly the desk's permissions."""

from __future__ import annotations

from tests.web.api_world import api_world, bearer, draft, token_for


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
