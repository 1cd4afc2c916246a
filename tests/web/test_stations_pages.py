"""Station pages: admins set stations up and hand out tokens; operators confirm; officers see who is behind."""

from __future__ import annotations

import html
import re
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from campaigns.models import Airing, AiringStatus, Station
from content.models import Role
from tests.factories import make_area, make_station, make_user
from tests.radio_scenarios import radio_item, radio_world
from tests.web.helpers import csrf_token, log_in

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = "2026-11-23"  # the app's clock in tests reads 08:00 on this day in Hà Nội
MORNING = datetime(2026, 11, 23, 6, 0, tzinfo=ZONE)
EVENING = datetime(2026, 11, 23, 17, 0, tzinfo=ZONE)


def page(response) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(response.get_data(as_text=True))


def post(client, path: str, data: dict, *, from_page: str | None = None):  # type: ignore[no-untyped-def]
    return client.post(path, data={**data, "csrf_token": csrf_token(client, from_page or path)})


def as_admin(client, session):  # type: ignore[no-untyped-def]
    province, commune, station, _ = radio_world(session)
    make_user(session, role=Role.ADMIN, area=province, username="quantri")
    session.commit()
    log_in(client, "quantri")
    return province, commune, station


def form(commune, **overrides) -> dict:  # type: ignore[no-untyped-def]
    return {"name": "Đài truyền thanh xã An Lạc (mới)", "area_id": commune.id, "contact": "Bà Trần Thị Mai",
            "coverage_population": "", "is_active": "on", "slot_start": ["06:00", "17:00", ""],
            "slot_minutes": ["15", "20", ""], **overrides}


def test_an_admin_adds_a_station_and_sees_it_listed_with_its_slots_and_token_status(client, session):
    _, commune, _ = as_admin(client, session)
    response = post(client, "/stations/new", form(commune))
    assert response.status_code == 302
    station = session.scalar(select(Station).where(Station.name == "Đài truyền thanh xã An Lạc (mới)"))
    assert station.coverage_population == 5_600
    listing = page(client.get("/stations/"))
    row = listing[listing.index("Đài truyền thanh xã An Lạc (mới)"):]
    assert "Xã An Lạc" in row and "06:00 (15 phút), 17:00 (20 phút)" in row and "5.600" in row
    assert "Chưa cấp" in row


def test_a_refused_station_form_shows_everything_typed_again(client, session):
    _, commune, _ = as_admin(client, session)
    response = post(client, "/stations/new", form(commune, slot_start=["06:00", "06:10"], slot_minutes=["15", "15"],
                                                  coverage_population="khoảng năm nghìn"))
    assert response.status_code == 400
    text = page(response)
    assert "chồng lên nhau" in text and "Số người nghe được phải là một số nguyên" in text
    assert 'value="Đài truyền thanh xã An Lạc (mới)"' in text and 'value="06:10"' in text
    assert 'value="khoảng năm nghìn"' in text and f'value="{commune.id}" selected' in text


def test_an_edit_keeps_the_slots_and_a_bad_row_is_pointed_at(client, session):
    _, commune, station = as_admin(client, session)
    edit = f"/stations/{station.id}"
    assert 'value="17:00"' in page(client.get(edit))
    response = post(client, edit, form(commune, slot_start=["06:00", "17:00"], slot_minutes=["15", "200"]))
    assert response.status_code == 400 and 'id="slots-1-error"' in page(response)
    assert post(client, edit, form(commune, slot_start=["05:30"], slot_minutes=["30"])).status_code == 302
    session.expire_all()
    assert [(f"{s.starts_at:%H:%M}", s.minutes) for s in session.get(Station, station.id).slots] == [("05:30", 30)]


def issue(client, station_id: int) -> tuple[str, object]:  # type: ignore[no-untyped-def]
    response = post(client, f"/stations/{station_id}/token", {}, from_page=f"/stations/{station_id}")
    assert response.status_code == 200
    return re.search(r'id="station-token" value="([^"]+)"', page(response)).group(1), response


def script(app, station_id: int, token: str):  # type: ignore[no-untyped-def]
    return app.test_client().get(f"/radio/stations/{station_id}/scripts/{TODAY}.txt",
                                 headers={"Authorization": f"Bearer {token}"})


def test_a_token_is_shown_once_and_then_only_its_issue_time(app, client, session):
    _, _, station = as_admin(client, session)
    token, response = issue(client, station.id)
    assert response.headers["Cache-Control"] == "no-store"
    text = page(response)
    assert f'curl -H "Authorization: Bearer {token}"' in text
    assert f"/radio/stations/{station.id}/scripts/2026-11-24.txt" in text
    assert script(app, station.id, token).status_code == 200
    for later in (f"/stations/{station.id}", "/stations/", "/admin/audit"):
        assert token not in page(client.get(later))
    assert "Cấp lúc 08:00 23/11/2026" in page(client.get("/stations/"))


def test_a_rotated_token_stops_the_old_one_at_once(app, client, session):
    _, _, station = as_admin(client, session)
    old, _ = issue(client, station.id)
    new, _ = issue(client, station.id)
    assert script(app, station.id, old).status_code == 403
    assert script(app, station.id, new).status_code == 200


def test_a_revoked_token_no_longer_opens_the_script(app, client, session):
    _, _, station = as_admin(client, session)
    token, _ = issue(client, station.id)
    response = post(client, f"/stations/{station.id}/token/revoke", {}, from_page=f"/stations/{station.id}")
    assert response.status_code == 302
    assert script(app, station.id, token).status_code == 403
    assert "Đã thu hồi lúc 08:00 23/11/2026" in page(client.get("/stations/"))


def test_another_stations_token_does_not_open_this_stations_script(app, client, session):
    province, _, station = as_admin(client, session)
    other = make_station(session, make_area(session, parent=province, name="Xã Bình Minh"))
    session.commit()
    token, _ = issue(client, other.id)
    assert script(app, station.id, token).status_code == 403


def test_an_admin_of_another_province_cannot_touch_the_station(client, session):
    _, commune, station = as_admin(client, session)
    make_user(session, role=Role.ADMIN, area=make_area(session, name="Tỉnh Khác"), username="quantri_khac")
    session.commit()
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/stations/")})
    log_in(client, "quantri_khac")
    assert client.get(f"/stations/{station.id}").status_code == 403
    assert post(client, f"/stations/{station.id}/token", {}, from_page="/stations/").status_code == 403
    assert "Xã An Lạc" not in page(client.get("/stations/new"))


def operator_with_items(client, session):  # type: ignore[no-untyped-def]
    province, commune, station, _ = radio_world(session)
    morning = radio_item(session, station, MORNING, title="Cảnh giác cuộc gọi giả danh công an")
    evening = radio_item(session, station, EVENING, title="Giữ gìn trật tự đêm hội làng")
    make_station(session, make_area(session, parent=province, name="Xã Bình Minh"), name="Đài xã Bình Minh")
    session.commit()
    log_in(client, "daiphat_anlac")
    return station, morning, evening


def test_a_radio_operator_sees_their_own_station_with_its_scripts(client, session):
    station, _, _ = operator_with_items(client, session)
    text = page(client.get("/stations/mine"))
    assert "Đài của tôi" in text and "Đài truyền thanh xã An Lạc" in text and "Đài xã Bình Minh" not in text
    assert f"/radio/stations/{station.id}/scripts/{TODAY}.html" in text
    assert f"/radio/stations/{station.id}/scripts/2026-11-24.html" in text
    assert f"/radio/stations/{station.id}/airings/{TODAY}" in text
    assert "Trễ xác nhận" not in text and "Chưa xác nhận" in text  # the 06:00 item is overdue, nothing confirmed
    assert client.get("/stations/").status_code == 403


def test_an_operator_confirms_on_the_page_and_a_missing_reason_keeps_what_was_typed(client, session):
    station, morning, evening = operator_with_items(client, session)
    day_page = f"/radio/stations/{station.id}/airings/{TODAY}"
    text = page(client.get(day_page))
    assert "Cảnh giác cuộc gọi giả danh công an" in text and "Giữ gìn trật tự đêm hội làng" in text
    response = post(client, day_page, {"delivery_id": morning.id, "status": "aired", "aired_at": "2026-11-23T06:03",
                                       "operator_name": "Trần Thị Mai", "note": ""})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"#item-{morning.id}")
    assert "lúc 06:03 23/11/2026" in page(client.get(day_page))
    refused = post(client, day_page, {"delivery_id": evening.id, "status": "not_aired", "note": "Loa thôn Đông hỏng",
                                      "reason": ""})
    assert refused.status_code == 400
    text = page(refused)
    assert "Hãy ghi lý do không phát" in text and 'value="Loa thôn Đông hỏng"' in text
    session.expire_all()
    [airing] = session.scalars(select(Airing)).all()
    assert (airing.delivery_id, airing.status) == (morning.id, AiringStatus.AIRED)
    assert "Trễ xác nhận" not in page(client.get("/stations/mine"))


def test_an_operator_cannot_confirm_for_another_commune(client, session):
    station, _, _ = operator_with_items(client, session)
    other = session.scalar(select(Station).where(Station.name == "Đài xã Bình Minh"))
    assert client.get(f"/radio/stations/{other.id}/airings/{TODAY}").status_code == 403


def test_officers_see_which_stations_confirmed_and_which_are_late_or_missing(client, session):
    province, _, station, _ = radio_world(session)
    quiet = make_station(session, make_area(session, parent=province, name="Xã Bình Minh"), name="Đài xã Bình Minh")
    partial = make_station(session, make_area(session, parent=province, name="Xã Hòa Thuận"),
                           name="Đài xã Hòa Thuận")
    radio_item(session, station, MORNING)
    radio_item(session, quiet, MORNING)
    done = radio_item(session, partial, MORNING)
    radio_item(session, partial, MORNING.replace(hour=5, minute=30), title="Tin bổ sung")
    evening = radio_item(session, station, EVENING)
    session.add_all([Airing(delivery_id=done.id, station_id=partial.id, status=AiringStatus.AIRED, aired_at=MORNING),
                     Airing(delivery_id=evening.id, station_id=station.id, status=AiringStatus.NOT_AIRED,
                            reason="Mưa bão")])
    make_user(session, role=Role.EDITOR, area=province, username="canbo_tinh")
    session.commit()
    log_in(client, "canbo_tinh")
    text = page(client.get(f"/stations/airings?area={province.id}&day={TODAY}"))
    rows = {name: text[text.index(name):][:400] for name in ("Đài xã Bình Minh", "Đài xã Hòa Thuận",
                                                               "Đài truyền thanh xã An Lạc")}
    assert "Chưa xác nhận" in rows["Đài xã Bình Minh"]
    assert "Trễ xác nhận" in rows["Đài xã Hòa Thuận"] and "1/2 đã phát" in rows["Đài xã Hòa Thuận"]
    # The evening item said "not aired" early; the morning one is still owed.
    assert "Trễ xác nhận" in rows["Đài truyền thanh xã An Lạc"] and "1 không phát" in rows["Đài truyền thanh xã An Lạc"]
    assert text.index("Đài xã Bình Minh") < text.index("Đài xã Hòa Thuận")  # the most urgent first


def test_the_officer_view_keeps_to_the_viewers_area(client, session):
    province, _, _, _ = radio_world(session)
    make_user(session, role=Role.EDITOR, area=make_area(session, name="Tỉnh Khác"), username="canbo_khac")
    session.commit()
    log_in(client, "canbo_khac")
    assert client.get(f"/stations/airings?area={province.id}").status_code == 403
    text = page(client.get("/stations/airings?day=hom-nay"))
    assert "không hợp lệ" in text and "Đài truyền thanh xã An Lạc" not in text


def test_the_menu_leads_admins_to_stations_and_operators_to_their_own(client, session):
    as_admin(client, session)
    assert "Đài truyền thanh</a>" in page(client.get("/stations/"))
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/stations/")})
    log_in(client, "daiphat_anlac")
    text = page(client.get("/stations/mine"))
    assert "Đài của tôi</a>" in text and "Đài truyền thanh</a>" not in text
