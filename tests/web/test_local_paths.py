"""`next=` and `back=` never send anyone off the site, however the target is dressed up."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from campaigns.models import DeliveryStatus
from tests.factories import PASSWORD
from tests.scenarios import telegram_delivery
from tests.web.helpers import csrf_token
from web.paths import is_local_path

HOSTILE = [
    "https://evil.example/", "http:/evil.example", "//evil.example/", "///evil.example", "/\\evil.example",
    "\\\\evil.example", "/\\/evil.example", "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example",
    "\t//evil.example", " //evil.example", "/ /evil.example", "/\x00/evil.example", "/\x7f/evil.example",
    "/\u2028/evil.example", "/\u3000/evil.example", "/\u200b/evil.example", "/\u202e/evil.example",
    "/%2F%2Fevil.example", "/%2f/evil.example", "/%5Cevil.example", "/%5C%5Cevil.example", "/%09/evil.example",
    "/%0A/evil.example", "/%252F%252Fevil.example", "%2F%2Fevil.example", "javascript:alert(1)",
    "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "evil.example", "", "/" + "a" * 3000,
]
LOCAL = ["/", "/desk/", "/desk/dispatch", "/desk/messages/12", "/?page=2", "/desk/?q=c%C3%B4ng%20an&view=mine",
         "/tin/canh-giac-lua-dao#binh-luan", "/desk/?q=cong+an"]


@pytest.mark.parametrize("target", HOSTILE)
def test_a_hostile_target_is_not_a_local_path(target):
    assert not is_local_path(target)


@pytest.mark.parametrize("target", LOCAL)
def test_the_paths_our_own_pages_send_are_local(target):
    assert is_local_path(target)


def stays_here(response, fallback: str) -> bool:  # type: ignore[no-untyped-def]
    location = urlsplit(response.headers["Location"])
    return response.status_code == 302 and location.netloc in ("", "loa.test") and location.path == fallback


@pytest.mark.parametrize("target", HOSTILE)
def test_every_redirecting_endpoint_refuses_a_hostile_target(client, session, now, target):
    delivery = telegram_delivery(session, now, DeliveryStatus.FAILED)
    message_page = f"/desk/messages/{delivery.message_id}"

    switched = client.get("/language/en", query_string={"next": target})
    assert stays_here(switched, "/")
    client.get("/language/vi")

    signed_in = client.post("/desk/login", query_string={"next": target}, data={
        "username": "pheduyet", "password": PASSWORD, "csrf_token": csrf_token(client, "/desk/login")})
    assert stays_here(signed_in, "/desk/")

    for verb, extra in (("retry", {}), ("move", {"due_at": "2026-11-25T17:00"}), ("cancel", {})):
        response = client.post(f"/desk/deliveries/{delivery.id}/{verb}",
                               data={**extra, "back": target, "csrf_token": csrf_token(client, message_page)})
        assert stays_here(response, message_page), verb


def test_a_local_back_target_is_followed(client, session, now):
    delivery = telegram_delivery(session, now, DeliveryStatus.FAILED)
    client.post("/desk/login", data={"username": "pheduyet", "password": PASSWORD,
                                     "csrf_token": csrf_token(client, "/desk/login")})
    response = client.post(f"/desk/deliveries/{delivery.id}/retry",
                           data={"back": "/desk/dispatch", "csrf_token": csrf_token(client, "/desk/dispatch")})
    assert stays_here(response, "/desk/dispatch")
