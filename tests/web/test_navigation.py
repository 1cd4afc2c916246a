"""Where each role lands after signing in and what its menu offers."""

from __future__ import annotations

import html

from content.models import Role
from tests.factories import PASSWORD, make_area, make_user
from tests.web.helpers import csrf_token


def text(response) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(response.get_data(as_text=True))


def test_a_radio_operator_lands_on_their_station_and_sees_no_desk_menu(client, session):
    make_user(session, role=Role.RADIO_OPERATOR, area=make_area(session), username="phatthanh")
    session.commit()
    response = client.post("/desk/login", data={"username": "phatthanh", "password": PASSWORD,
                                                "csrf_token": csrf_token(client, "/desk/login")})
    assert response.status_code == 302 and response.headers["Location"].endswith("/stations/mine")
    page = text(client.get("/stations/mine"))
    assert "Đài của tôi" in page and "Bàn biên tập" not in page


def test_an_admin_menu_reaches_every_admin_page(client, session):
    make_user(session, role=Role.ADMIN, area=None, username="quantri")
    session.commit()
    client.post("/desk/login", data={"username": "quantri", "password": PASSWORD,
                                     "csrf_token": csrf_token(client, "/desk/login")})
    page = client.get("/desk/").get_data(as_text=True)
    for path in ("/stations/", "/admin/channels/", "/admin/users", "/admin/spoken", "/admin/audit", "/desk/calendar",
                 "/desk/dispatch", "/stations/airings"):
        assert f'href="{path}' in page, path
        assert client.get(path).status_code == 200, path
