"""Sessions end when they should: a copy of a cookie taken before the end opens nothing afterwards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flask_login.utils import encode_cookie
from sqlalchemy import select

from content.models import Role, User, UserSession
from tests.factories import PASSWORD, make_area, make_user
from tests.web.helpers import csrf_token, log_in

NEW_PASSWORD = "gió-mùa-về-trên-đê"


@pytest.fixture
def people(session):
    province = make_area(session, name="Tỉnh Sơn Khê")
    commune = make_area(session, parent=province, name="Xã Bến Gỗ")
    admin = make_user(session, role=Role.ADMIN, area=province, username="quantri")
    editor = make_user(session, role=Role.EDITOR, area=commune, username="bientap")
    session.commit()
    return {"province": province, "commune": commune, "admin": admin, "editor": editor}


def copy_of(app, client):
    """A second browser holding a copy of `client`'s session cookie, as a thief would."""
    cookie = client.get_cookie("session", domain="loa.test")
    thief = app.test_client()
    thief.set_cookie("session", cookie.value, domain="loa.test")
    return thief


def is_signed_in(client) -> bool:
    return client.get("/desk/").status_code == 200


def test_a_cookie_copied_before_logout_is_refused_after_it(app, client, people):
    log_in(client, "bientap")
    thief = copy_of(app, client)
    assert is_signed_in(thief)
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/desk/")})
    assert not is_signed_in(client)
    response = thief.get("/desk/")
    assert response.status_code == 302 and "/desk/login" in response.headers["Location"]


def test_logging_out_on_one_device_keeps_the_others(app, client, people):
    log_in(client, "bientap")
    phone = app.test_client()
    log_in(phone, "bientap")
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/desk/")})
    assert is_signed_in(phone)


def test_a_password_change_ends_other_sessions_and_keeps_this_one(app, client, people):
    log_in(client, "bientap")
    thief = copy_of(app, client)
    other_device = app.test_client()
    log_in(other_device, "bientap")
    response = client.post("/desk/password", data={"current": PASSWORD, "new": NEW_PASSWORD, "confirm": NEW_PASSWORD,
                                                   "csrf_token": csrf_token(client, "/desk/password")})
    assert response.status_code == 302
    assert is_signed_in(client)
    assert not is_signed_in(thief)
    assert not is_signed_in(other_device)


def test_sign_out_everywhere_ends_every_session(app, client, people, session):
    log_in(client, "bientap")
    thief = copy_of(app, client)
    other_device = app.test_client()
    log_in(other_device, "bientap")
    response = client.post("/desk/sessions/end-all", data={"csrf_token": csrf_token(client, "/desk/password")})
    assert response.status_code == 302
    assert not any(is_signed_in(c) for c in (client, thief, other_device))
    assert session.scalars(select(UserSession)).all() == []


@pytest.mark.parametrize("change", [{"role": "approver"}, {"area_code": "province"}, {"is_active": ""}])
def test_an_admin_changing_role_area_or_activity_ends_that_users_sessions(app, client, people, change):
    editor = app.test_client()
    log_in(editor, "bientap")
    thief = copy_of(app, editor)
    log_in(client, "quantri")
    data = {"role": "editor", "area_code": "", "is_active": "on", **change}
    if data["area_code"] == "province":
        data["area_code"] = people["province"].code
    response = client.post(f"/admin/users/{people['editor'].id}",
                           data={**data, "csrf_token": csrf_token(client, "/admin/users")})
    assert response.status_code == 302
    assert not is_signed_in(editor)
    assert not is_signed_in(thief)
    assert is_signed_in(client)


def test_saving_a_user_unchanged_keeps_their_session(app, client, people):
    editor = app.test_client()
    log_in(editor, "bientap")
    log_in(client, "quantri")
    client.post(f"/admin/users/{people['editor'].id}", data={
        "role": "editor", "area_code": "", "is_active": "on", "csrf_token": csrf_token(client, "/admin/users")})
    assert is_signed_in(editor)


def test_a_session_ends_after_the_idle_timeout(app, client, people, clock, now):
    log_in(client, "bientap")
    clock.set(now + timedelta(minutes=59))
    assert is_signed_in(client)  # each request counts as activity
    clock.set(now + timedelta(minutes=59 + 59))
    assert is_signed_in(client)
    clock.set(now + timedelta(minutes=59 + 59 + 61))
    response = client.get("/desk/")
    assert response.status_code == 302
    assert not is_signed_in(client)


def test_the_idle_timeout_is_a_setting(app, client, people, clock, now):
    app.config["SESSION_IDLE_MINUTES"] = 5
    log_in(client, "bientap")
    clock.set(now + timedelta(minutes=6))
    assert not is_signed_in(client)


def test_a_session_ends_after_the_absolute_timeout_however_active(app, client, people, clock, now):
    log_in(client, "bientap")
    for minutes in range(30, 12 * 60, 30):
        clock.set(now + timedelta(minutes=minutes))
        assert is_signed_in(client), minutes
    clock.set(now + timedelta(hours=12, minutes=1))
    assert not is_signed_in(client)


def test_a_form_sent_after_the_session_expired_comes_back_with_what_was_typed(app, client, people, clock, now):
    log_in(client, "bientap")
    token = csrf_token(client, "/desk/messages/new")
    clock.set(now + timedelta(hours=2))
    response = client.post("/desk/messages/new", data={
        "kind": "article", "title": "Cảnh báo lừa đảo mùa gặt", "body_md": "Nội dung dài đã gõ.",
        "csrf_token": token})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Phiên làm việc đã kết thúc" in page
    assert "Cảnh báo lừa đảo mùa gặt" in page and "Nội dung dài đã gõ." in page


def test_a_remember_me_cookie_opens_no_session(app, people):
    """Flask-Login accepts a signed remember_token cookie on its own; Loa never sets one and must refuse it."""
    visitor = app.test_client()
    with app.test_request_context():
        forged = encode_cookie(str(people["editor"].id))
    visitor.set_cookie("remember_token", forged, domain="loa.test")
    response = visitor.get("/desk/")
    assert response.status_code == 302 and "/desk/login" in response.headers["Location"]


def test_a_deactivated_user_is_signed_out_at_the_next_request(app, client, people, session):
    log_in(client, "bientap")
    session.get(User, people["editor"].id).is_active = False
    session.commit()
    assert not is_signed_in(client)


def test_a_login_replaces_whatever_session_the_browser_had(app, client, people):
    """A session planted before the login (fixation) carries nothing into it."""
    client.get("/desk/login")
    with client.session_transaction() as planted:
        planted["planted"] = "by someone else"
    log_in(client, "bientap")
    with client.session_transaction() as current:
        assert "planted" not in current
