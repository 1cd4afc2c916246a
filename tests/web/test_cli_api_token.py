"""`loa api token create|revoke`: a token from the console, shown once, that works at once and can be taken back."""

from __future__ import annotations

from sqlalchemy import select

from campaigns.api_token_models import ApiToken
from tests.factories import make_station
from tests.web.api_world import api_world, bearer
from web.cli import cli


def _run(app, *args: str):  # type: ignore[no-untyped-def]
    return app.test_cli_runner().invoke(cli, ["api", "token", *args])


def test_a_token_created_at_the_console_works_and_revoking_it_ends_it(app, client, session):
    world = api_world(session)
    result = _run(app, "create", "--user", world.editor_a.username, "--scope", "messages:read", "--days", "30")
    assert result.exit_code == 0, result.output
    secret = result.output.strip().splitlines()[-1]
    assert client.get("/api/v1/messages", headers=bearer(secret)).status_code == 200
    assert secret not in str(session.scalars(select(ApiToken.secret_hash)).all())
    revoked = _run(app, "revoke", secret[:8])
    assert revoked.exit_code == 0, revoked.output
    assert client.get("/api/v1/messages", headers=bearer(secret)).status_code == 401


def test_a_station_token_with_a_user_scope_is_refused_clearly(app, session):
    world = api_world(session)
    station = make_station(session, world.commune_a)
    session.commit()
    result = _run(app, "create", "--station", str(station.id), "--scope", "messages:read")
    assert result.exit_code == 1 and "scopes" in result.output


def test_exactly_one_owner_is_needed(app, session):
    world = api_world(session)
    result = _run(app, "create", "--scope", "messages:read")
    assert result.exit_code == 2
    result = _run(app, "create", "--user", "khong_co_ai", "--scope", "messages:read")
    assert result.exit_code == 1 and "No user" in result.output
    assert _run(app, "revoke", "loa_zzzz").exit_code == 1
    assert world.admin.id
