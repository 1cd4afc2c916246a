"""API tokens: stored as a hash only, scoped, expiring, revocable, and never more than their owner may do."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from campaigns.api_token_models import ApiToken
from campaigns.api_tokens import hash_secret, issue_api_token, revoke_api_token
from content.errors import InvalidInput
from content.models import AuditLog, Role
from tests.factories import make_station, make_user
from tests.web.api_world import api_world, bearer, draft, token_for
from tests.web.helpers import log_in, problem
from web.write_behind import flush_pending


def test_only_the_hash_and_a_short_prefix_are_stored(session, now):
    world = api_world(session)
    issued = issue_api_token(session, issuer=world.admin, name="Cổng tỉnh", user=world.editor_a,
                             scopes=["messages:read"], now=now)
    session.commit()
    row = session.scalars(select(ApiToken)).one()
    assert issued.secret.startswith("loa_") and len(issued.secret) > 40
    assert row.secret_hash == hash_secret(issued.secret) and issued.secret not in (row.prefix, row.secret_hash)
    assert row.prefix == issued.secret[:8] and row.expires_at == now + timedelta(days=90)
    audit = session.scalars(select(AuditLog).where(AuditLog.action == "api_token.issue")).one()
    assert audit.actor_id == world.admin.id and issued.secret not in str(audit.detail)


def test_a_station_token_holds_only_station_scopes_and_a_year_at_most(session, now):
    world = api_world(session)
    station = make_station(session, world.commune_a)
    with pytest.raises(InvalidInput) as refused:
        issue_api_token(session, issuer=world.admin, name="Hộp loa", station=station,
                        scopes=["stations:read", "messages:read"], now=now)
    assert "scopes" in refused.value.errors
    with pytest.raises(InvalidInput) as too_long:
        issue_api_token(session, issuer=world.admin, name="Hộp loa", station=station, scopes=["stations:read"],
                        now=now, days=400)
    assert "expires" in too_long.value.errors


def test_an_analyst_cannot_be_given_a_writing_scope(session, now):
    world = api_world(session)
    analyst = make_user(session, role=Role.ANALYST, area=world.commune_a)
    with pytest.raises(InvalidInput):
        issue_api_token(session, issuer=world.admin, name="Báo cáo", user=analyst, scopes=["messages:write"], now=now)


@pytest.mark.parametrize("header", [None, "Bearer loa_khongphaima", "Basic YWRtaW46YWRtaW4="])
def test_a_missing_or_unknown_token_is_a_401_problem_with_a_bearer_challenge(client, session, header):
    api_world(session)
    found = problem(client.get("/api/v1/messages", headers={"Authorization": header} if header else {}), 401)
    assert found["instance"] == "/api/v1/messages" and found["status"] == 401
    assert client.get("/api/v1/messages").headers["WWW-Authenticate"].startswith("Bearer")


def test_an_expired_or_revoked_token_is_refused(client, session, clock, now):
    world = api_world(session)
    expiring = token_for(session, world.editor_a, now, days=1)
    revoked = token_for(session, world.editor_a, now)
    assert client.get("/api/v1/messages", headers=bearer(revoked)).status_code == 200
    revoke_api_token(session, session.scalars(select(ApiToken).where(ApiToken.prefix == revoked[:8])).one(),
                     actor=world.admin, now=now)
    session.commit()
    response = client.get("/api/v1/messages", headers=bearer(revoked))
    assert problem(response, 401) and 'error="invalid_token"' in response.headers["WWW-Authenticate"]
    clock.set(now + timedelta(days=1, seconds=1))
    problem(client.get("/api/v1/messages", headers=bearer(expiring)), 401)


def test_a_deactivated_user_loses_the_token_at_once(client, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    world.editor_a.is_active = False
    session.commit()
    problem(client.get("/api/v1/messages", headers=bearer(token)), 401)


def test_a_demoted_user_s_token_can_no_longer_write(client, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    world.editor_a.role = Role.ANALYST
    session.commit()
    response = client.post("/api/v1/messages", headers=bearer(token),
                           json={"title": "Tin mới", "body_md": "Nội dung", "area_id": world.commune_a.id})
    problem(response, 403)


def test_a_missing_scope_is_a_403_problem_naming_it(client, session, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now, scopes=("messages:read",))
    found = problem(client.post("/api/v1/messages", headers=bearer(token), json={}), 403)
    assert found["scope"] == "messages:write" and "messages:write" in found["detail"]


def test_a_station_token_cannot_read_messages(client, session, now):
    world = api_world(session)
    station = make_station(session, world.commune_a)
    issued = issue_api_token(session, issuer=None, name="Hộp loa", station=station, scopes=["stations:read"],
                             now=now)
    session.commit()
    problem(client.get("/api/v1/messages", headers=bearer(issued.secret)), 403)


def test_the_desk_login_cookie_is_not_honoured_under_the_api(client, session, now):
    world = api_world(session)
    draft(session, world.editor_a, world.commune_a, now)
    log_in(client, world.editor_a.username)
    assert client.get("/desk/").status_code == 200
    problem(client.get("/api/v1/messages"), 401)
    token = token_for(session, world.editor_a, now)
    answered = client.get("/api/v1/messages", headers=bearer(token))
    assert answered.status_code == 200 and "Set-Cookie" not in answered.headers


def last_used(app, session):  # type: ignore[no-untyped-def]
    flush_pending(app)
    session.rollback()  # a new read transaction: see what the write-behind thread committed
    return session.scalars(select(ApiToken)).one().last_used_at


def test_last_use_is_written_once_a_minute_not_per_request(client, app, session, clock, now):
    world = api_world(session)
    token = token_for(session, world.editor_a, now)
    for _ in range(3):
        assert client.get("/api/v1/messages", headers=bearer(token)).status_code == 200
    assert last_used(app, session) == now
    clock.set(now + timedelta(seconds=30))
    client.get("/api/v1/messages", headers=bearer(token))
    assert last_used(app, session) == now
    clock.set(now + timedelta(seconds=61))
    client.get("/api/v1/messages", headers=bearer(token))
    assert last_used(app, session) == now + timedelta(seconds=61)
