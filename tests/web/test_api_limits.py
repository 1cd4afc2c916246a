"""API rate limits: per token, and per address for refused tokens; a 429 is a problem with Retry-After."""

from __future__ import annotations

from tests.web.api_world import api_world, bearer, token_for
from tests.web.helpers import problem


def test_each_token_has_its_own_allowance(app, client, session, now):
    app.config["API_RATE_LIMIT"] = "3 per minute"
    world = api_world(session)
    busy, other = token_for(session, world.editor_a, now), token_for(session, world.editor_b, now)
    for _ in range(3):
        assert client.get("/api/v1/messages", headers=bearer(busy)).status_code == 200
    throttled = client.get("/api/v1/messages", headers=bearer(busy))
    assert problem(throttled, 429)["status"] == 429 and int(throttled.headers["Retry-After"]) > 0
    assert client.get("/api/v1/messages", headers=bearer(other)).status_code == 200


def test_an_address_sending_wrong_tokens_is_held_off_even_with_a_right_one(app, client, session, now):
    app.config["API_REFUSAL_LIMIT"] = "3 per 10 minutes"
    world = api_world(session)
    right = token_for(session, world.editor_a, now)
    for n in range(3):
        problem(client.get("/api/v1/messages", headers=bearer(f"loa_doan_mo_{n}")), 401)
    held = client.get("/api/v1/messages", headers=bearer(right))
    assert problem(held, 429) and "Retry-After" in held.headers
    # Another address is not held off by this one's guessing.
    assert client.get("/api/v1/messages", headers=bearer(right),
                      environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 200
