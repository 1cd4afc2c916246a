"""One-step slot confirmation on the staff pages: the confirmation page, the script page and "Đài của tôi"."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from sqlalchemy import select

from campaigns.models import Airing, AiringStatus
from campaigns.station_tokens import issue_station_token
from tests.radio_scenarios import AIRING_NOW, MORNING, ZONE, radio_item, radio_world
from tests.web.helpers import csrf_token, log_in

TODAY = "2026-11-23"  # the app's clock in tests reads 08:00 on this day in Hà Nội
TITLES = ("Cảnh giác cuộc gọi giả danh công an", "Phòng chống đuối nước cho trẻ em", "Lịch trực tết của Công an xã")


@pytest.fixture
def morning(client, session):
    """Three items in xã An Lạc's 06:00 slot and one at 17:00; its operator signed in."""
    _, _, station, _ = radio_world(session)
    items = [radio_item(session, station, MORNING, title=title).id for title in TITLES]
    evening = radio_item(session, station, datetime(2026, 11, 23, 17, tzinfo=ZONE), title="Giữ trật tự đêm hội").id
    token = issue_station_token(station, now=AIRING_NOW)
    session.commit()
    log_in(client, "daiphat_anlac")
    return {"station": station.id, "items": items, "evening": evening, "token": token,
            "day_page": f"/radio/stations/{station.id}/airings/{TODAY}",
            "slot": f"/radio/stations/{station.id}/airings/{TODAY}/slots/0600"}


def slot_form(items: list[int], *, aired: list[int] | None = None, **fields) -> dict:  # type: ignore[no-untyped-def]
    return {"item": [str(n) for n in items], "aired": [str(n) for n in (items if aired is None else aired)],
            "aired_at": "2026-11-23T06:00", "operator_name": "Trần Thị Mai", **fields}


def post(client, path: str, data: dict, from_page: str):  # type: ignore[no-untyped-def]
    return client.post(path, data={**data, "csrf_token": csrf_token(client, from_page)})


def recorded(session) -> dict[int, tuple[AiringStatus, str | None]]:  # type: ignore[no-untyped-def]
    session.expire_all()
    return {a.delivery_id: (a.status, a.reason) for a in session.scalars(select(Airing))}


def test_the_confirmation_page_offers_each_slot_with_every_waiting_item_ticked(client, morning):
    text = client.get(morning["day_page"]).get_data(as_text=True)
    form = re.search(r'<form method="post" action="[^"]*/slots/0600">.*?</form>', text, re.S).group(0)
    assert form.count('type="checkbox" name="aired"') == 3 and form.count(" checked>") == 3
    assert all(title in form for title in TITLES)
    # Once the slot has begun, its start is the suggested time.
    assert 'name="aired_at" value="2026-11-23T06:00"' in form
    assert re.search(r'action="[^"]*/slots/1700"', text)


def test_all_aired_in_one_step_records_the_slot_and_comes_back_to_it(client, session, morning):
    response = post(client, morning["slot"], slot_form(morning["items"]), morning["day_page"])
    assert response.status_code == 302 and response.headers["Location"].endswith(f"{morning['day_page']}#slot-0600")
    assert recorded(session) == {n: (AiringStatus.AIRED, None) for n in morning["items"]}
    text = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Đã ghi nhận khung giờ 06:00: cả 3 tin đã phát." in text
    assert "Đã xác nhận cả khung giờ" in text and "3/3 tin đã phát" in text
    assert "lúc 06:00 23/11/2026" in text


def test_an_exception_with_its_reason_is_recorded_as_not_aired(client, session, morning):
    first, second, third = morning["items"]
    data = slot_form(morning["items"], aired=[first, third], **{f"reason-{second}": "Mất điện lúc 6 giờ 10"})
    response = post(client, morning["slot"], data, morning["day_page"])
    assert response.status_code == 302
    assert recorded(session)[second] == (AiringStatus.NOT_AIRED, "Mất điện lúc 6 giờ 10")
    text = client.get(morning["day_page"]).get_data(as_text=True)
    assert "2 tin đã phát, 1 tin không phát" in text


def test_an_exception_without_a_reason_records_nothing_and_keeps_what_was_typed(client, session, morning):
    first, second, third = morning["items"]
    data = slot_form(morning["items"], aired=[first], operator_name="Hà Văn Sơn",
                     **{f"reason-{third}": "Loa thôn Đông hỏng"})
    response = post(client, morning["slot"], data, morning["day_page"])
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    form = re.search(r'<form method="post" action="[^"]*/slots/0600">.*?</form>', text, re.S).group(0)
    assert "Chưa ghi nhận được khung giờ này" in form
    assert re.search(rf'name="reason-{second}"[^>]*>\s*<span class="field-error">Hãy ghi lý do', form)
    assert f'name="reason-{third}" maxlength="2000" value="Loa thôn Đông hỏng"' in form
    assert 'value="Hà Văn Sơn"' in form and form.count(" checked>") == 1
    assert recorded(session) == {}


@pytest.mark.parametrize(("data", "status"), [
    ({"item": ["abc"], "aired": ["abc"]}, 400),
    ({"item": ["999999"], "aired": ["999999"]}, 400),
    ({"item": [], "aired": []}, 400),
])
def test_a_tampered_item_list_is_refused_and_records_nothing(client, session, morning, data, status):
    response = post(client, morning["slot"], data, morning["day_page"])
    assert response.status_code == status
    assert "Danh sách tin của khung giờ đã thay đổi" in response.get_data(as_text=True) or \
        "không còn tin nào chờ xác nhận" in response.get_data(as_text=True)
    assert recorded(session) == {}


def test_an_unknown_or_empty_slot_is_not_found(client, morning):
    for slot in ("0700", "9999", "ca-ngay"):
        path = morning["slot"].replace("0600", slot)
        assert post(client, path, slot_form(morning["items"]), morning["day_page"]).status_code == 404


def test_the_form_needs_its_csrf_token(client, session, morning):
    assert client.post(morning["slot"], data=slot_form(morning["items"])).status_code == 400
    assert recorded(session) == {}


def test_from_my_stations_the_slot_is_confirmed_and_the_page_comes_back(client, session, morning):
    text = client.get("/stations/mine").get_data(as_text=True)
    assert re.search(r'action="[^"]*/slots/0600">', text) and "/scripts/2026-11-23/slots/0600." in text
    back = re.search(r'name="back" value="([^"]+)"', text).group(1)
    assert back.startswith("/stations/mine#station-")
    response = post(client, morning["slot"], {**slot_form(morning["items"]), "back": back}, "/stations/mine")
    assert response.headers["Location"].endswith(back)
    assert len(recorded(session)) == 3
    # Another site is never a way back.
    evening = morning["slot"].replace("0600", "1700")
    response = post(client, evening, {**slot_form([morning["evening"]], aired_at=""), "back": "//evil.example/x"},
                    "/stations/mine")
    assert response.headers["Location"].endswith(f"{morning['day_page']}#slot-1700")


def test_the_script_page_carries_the_form_for_a_signed_in_operator_and_is_never_cached(client, morning):
    path = f"/radio/stations/{morning['station']}/scripts/{TODAY}.html"
    signed_in = client.get(path)
    assert re.search(r'action="[^"]*/airings/2026-11-23/slots/0600">', signed_in.get_data(as_text=True))
    assert signed_in.headers["Cache-Control"] == "private, no-store" and "ETag" not in signed_in.headers
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/stations/mine")})
    by_token = client.get(path, query_string={"token": morning["token"]})
    assert "/slots/0600\">" not in by_token.get_data(as_text=True) and by_token.headers["ETag"]


def test_a_slot_still_to_come_offers_no_one_press_form_on_my_stations_but_does_on_the_confirmation_page(client, morning):
    mine = client.get("/stations/mine").get_data(as_text=True)
    assert not re.search(r'action="[^"]*/slots/1700">', mine)
    assert "Khung giờ chưa bắt đầu: xác nhận sau khi phát xong." in mine
    assert re.search(r'action="[^"]*/slots/1700">', client.get(morning["day_page"]).get_data(as_text=True))


def test_a_second_press_keeps_what_was_recorded_and_says_so(client, session, morning):
    first, second, third = morning["items"]
    data = slot_form(morning["items"], aired=[first, third], **{f"reason-{second}": "Mất điện"})
    post(client, morning["slot"], data, morning["day_page"])
    again = post(client, morning["slot"], slot_form(morning["items"]), morning["day_page"])
    assert again.status_code == 302
    text = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "3 tin đã được xác nhận trước đó nên giữ nguyên" in text and "Đã ghi nhận khung giờ" not in text
    assert recorded(session)[second] == (AiringStatus.NOT_AIRED, "Mất điện")


def test_the_slot_form_and_players_read_in_english(client, morning):
    client.get("/language/en", query_string={"next": "/stations/mine"})
    text = client.get("/stations/mine").get_data(as_text=True)
    assert "Confirm the whole 06:00 slot" in text and "Record the slot's 3 items" in text
    assert ">Download <small>" in text and "Ticked items were aired." in text
    assert "This slot has not begun yet" in text


@pytest.mark.parametrize("aired_at", ["hôm qua", "2026-11-23T09:30", "2026-11-21T06:00"])
def test_an_unreadable_future_or_too_early_time_is_shown_against_the_time_field(client, session, morning, aired_at):
    response = post(client, morning["slot"], slot_form(morning["items"], aired_at=aired_at), morning["day_page"])
    assert response.status_code == 400
    form = re.search(r'<form method="post" action="[^"]*/slots/0600">.*?</form>',
                     response.get_data(as_text=True), re.S).group(0)
    assert re.search(rf'name="aired_at" value="{aired_at}"><span class="field-error">', form)
    assert recorded(session) == {}
