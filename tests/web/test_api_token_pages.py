"""/admin/api-tokens: an admin lists, issues and revokes the tokens of their area's users and stations."""

from __future__ import annotations

import re

from sqlalchemy import select

from campaigns.api_token_models import ApiToken
from campaigns.api_tokens import issue_api_token
from content.models import Role
from tests.factories import make_station, make_user
from tests.web.api_world import api_world, bearer
from tests.web.helpers import csrf_token, log_in

PAGE = "/admin/api-tokens"


def _issue(client, **form):  # type: ignore[no-untyped-def]
    data = {"name": "Cổng thông tin tỉnh", "expires_on": "2027-01-31", "csrf_token": csrf_token(client, PAGE),
            **form}
    return client.post(PAGE, data=data)


def test_an_admin_issues_a_token_shown_once_that_works_until_the_end_of_the_chosen_day(client, session):
    world = api_world(session)
    log_in(client, world.admin.username)
    response = _issue(client, username=world.editor_a.username, scopes=["messages:read"])
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    secret = re.search(r'id="api-token" value="(loa_[^"]+)"', response.get_data(as_text=True)).group(1)
    token = session.scalars(select(ApiToken)).one()
    # 31/01/2027 ends at midnight in Hà Nội: 17:00 UTC.
    assert token.expires_at.isoformat() == "2027-01-31T17:00:00+00:00" and token.user_id == world.editor_a.id
    assert client.get("/api/v1/messages", headers=bearer(secret)).status_code == 200
    listing = client.get(PAGE).get_data(as_text=True)
    assert token.prefix in listing and secret not in listing


def test_a_station_token_is_issued_from_the_station_list(client, session):
    world = api_world(session)
    station = make_station(session, world.commune_a, name="Đài xã Đồng Xuân")
    session.commit()
    log_in(client, world.admin.username)
    response = _issue(client, station_id=str(station.id), scopes=["stations:read", "airings:write"])
    assert response.status_code == 200
    assert session.scalars(select(ApiToken)).one().station_id == station.id


def test_bad_input_keeps_what_was_typed_and_names_each_field(client, session):
    world = api_world(session)
    log_in(client, world.admin.username)
    response = _issue(client, name="", username=world.editor_a.username, expires_on="2030-01-01",
                      scopes=["messages:read"])
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and world.editor_a.username in page
    assert page.count('class="field-error"') == 2  # name and expiry
    assert session.scalars(select(ApiToken)).all() == []


def test_a_commune_admin_cannot_issue_for_or_see_or_revoke_another_commune(client, session, now):
    world = api_world(session)
    commune_admin = make_user(session, role=Role.ADMIN, area=world.commune_a)
    other = issue_api_token(session, issuer=None, name="Xã bên", user=world.editor_b, scopes=["messages:read"],
                            now=now)
    session.commit()
    log_in(client, commune_admin.username)
    assert other.token.prefix not in client.get(PAGE).get_data(as_text=True)
    refused = _issue(client, username=world.editor_b.username, scopes=["messages:read"])
    assert refused.status_code == 400 and session.scalars(select(ApiToken)).all() == [other.token]
    path = f"/admin/api-tokens/{other.token.id}/revoke"
    assert client.post(path, data={"csrf_token": csrf_token(client, PAGE)}).status_code == 404
    session.expire_all()
    assert other.token.revoked_at is None


def test_an_admin_revokes_a_token_and_it_stops_working(client, session, now):
    world = api_world(session)
    issued = issue_api_token(session, issuer=None, name="Cổng", user=world.editor_a, scopes=["messages:read"],
                             now=now)
    session.commit()
    log_in(client, world.admin.username)
    response = client.post(f"/admin/api-tokens/{issued.token.id}/revoke", data={"csrf_token": csrf_token(client, PAGE)})
    assert response.status_code == 302
    assert client.get("/api/v1/messages", headers=bearer(issued.secret)).status_code == 401


def test_an_editor_cannot_open_the_page(client, session):
    world = api_world(session)
    log_in(client, world.editor_a.username)
    assert client.get(PAGE).status_code == 403
