"""The message reach page: figures with their kinds, only the viewer's area, clear refusals, and downloads."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from content.models import Role
from tests.factories import make_user
from tests.message_reach_scenarios import AFTER, reach_world
from tests.web.helpers import log_in


@pytest.fixture
def world(session, clock):  # type: ignore[no-untyped-def]
    clock.set(AFTER)
    built = reach_world(session)
    make_user(session, role=Role.ANALYST, area=built.province, username="phantich_tinh")
    make_user(session, role=Role.ANALYST, area=built.commune, username="phantich_xa")
    make_user(session, role=Role.ANALYST, area=built.other_province, username="phantich_tinhkhac")
    make_user(session, role=Role.RADIO_OPERATOR, area=built.province, username="daiphat")
    make_user(session, role=Role.ADMIN, area=None, username="quantri")
    make_user(session, role=Role.EDITOR, area=built.province, username="bientap_tinh")
    session.commit()
    return built


def page(client, world, **query) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    response = client.get(f"/desk/messages/{world.message.id}/reach", query_string=query)
    return response.status_code, response.get_data(as_text=True)


def test_the_page_shows_every_channel_with_its_kind_and_method(client, world):
    log_in(client, "phantich_tinh")  # an analyst may read reach
    status, html = page(client, world)
    assert status == 200
    assert "Từ 24/11/2026 đến 26/11/2026" in html
    for shown in ("Cổng thông tin tỉnh", "Trang Facebook Công an tỉnh", "Kênh Telegram tỉnh", "Loa truyền thanh"):
        assert shown in html
    # Kind labels beside the figures, the method on hover, and a method section.
    assert html.count(">Đo được<") >= 3 and ">Nền tảng báo cáo<" in html and ">Ước tính<" in html
    assert 'title="Mỗi người xem được đếm một lần mỗi ngày' in html
    assert "Lượt khách-ngày" in html and "Phương pháp" in html
    # The platform's newest figure, its API version; Telegram gives none and says so.
    assert "1.500" in html and "v23.0" in html
    assert "Không có số liệu: Telegram không cung cấp số liệu cho bài đăng." in html
    assert "Cổng thông tin không cung cấp" not in html
    # The combined range, defined on the page, and the station without a coverage figure.
    assert "Từ 5.000 đến 6.580 người" in html and "không quá dân số Tỉnh Thanh Thủy (120.000)" in html
    assert "Đài truyền thanh phường Bình Minh" in html and "nhờ quản trị viên nhập số dân vùng phủ" in html
    assert html.count('role="img"') == 2  # people per day, clicks per day
    # The other province's message is nowhere.
    assert "999" not in html and "7.000" not in html


def test_an_admin_gets_a_link_to_set_a_missing_coverage_figure(client, world):
    log_in(client, "quantri")
    status, html = page(client, world)
    assert status == 200 and f'href="/stations/{world.unmeasured.id}"' in html


def test_the_desk_message_page_links_to_its_reach(client, world):
    log_in(client, "bientap_tinh")
    html = client.get(f"/desk/messages/{world.message.id}").get_data(as_text=True)
    assert f'href="/desk/messages/{world.message.id}/reach"' in html and "Mức độ tiếp cận" in html


@pytest.mark.parametrize("username", ["daiphat", "phantich_tinhkhac"])
def test_a_radio_operator_and_another_provinces_analyst_are_refused_and_see_no_figure(client, world, username):
    log_in(client, username)
    status, html = page(client, world)
    assert status == 403
    for secret in ("1.500", "5.000", "Trang Facebook", "Xã An Lạc", world.message.title):
        assert secret not in html
    export = client.get(f"/desk/messages/{world.message.id}/reach/channels.csv")
    assert export.status_code == 403 and "1500" not in export.get_data(as_text=True)


def test_a_commune_analyst_sees_only_the_communes_figures(client, world):
    log_in(client, "phantich_xa")
    status, html = page(client, world)
    assert status == 200
    assert "Bạn đang xem phần số liệu ghi nhận tại Xã An Lạc" in html
    assert "Từ 5.000 đến 5.000 người" in html and "không quá dân số Xã An Lạc (9.000)" in html
    for hidden in ("Trang Facebook Công an tỉnh", "Cổng thông tin tỉnh", "Kênh Telegram tỉnh", "1.500",
                   "Đài truyền thanh phường Bình Minh"):
        assert hidden not in html
    assert client.get(f"/desk/messages/{world.message.id}/reach",
                      query_string={"area": world.province.id}).status_code == 403


def test_the_area_table_drills_down_within_the_viewers_area(client, world):
    log_in(client, "phantich_tinh")
    _, html = page(client, world)
    assert f"area={world.commune.id}" in html and "Toàn Tỉnh Thanh Thủy" in html
    status, drilled = page(client, world, area=world.commune.id)
    assert status == 200 and "Toàn Xã An Lạc" in drilled and "Lên Tỉnh Thanh Thủy" in drilled
    status, refused = page(client, world, area=world.other_province.id)
    assert status == 403 and "nằm ngoài phạm vi bạn được xem số liệu" in refused


def test_days_may_be_written_day_first_and_narrow_every_figure(client, world):
    log_in(client, "phantich_tinh")
    status, html = page(client, world, **{"from": "25/11/2026", "to": "25/11/2026"})
    assert status == 200 and "Từ 25/11/2026 đến 25/11/2026" in html
    assert "Lượt xem trên cổng" in html and ">80<" in html.replace("\n", "").replace(" ", "")


@pytest.mark.parametrize(("query", "said"), [
    ({"from": "31/02/2026"}, "Ngày không hợp lệ: “31/02/2026”"),
    ({"to": "hôm qua"}, "Ngày không hợp lệ: “hôm qua”"),
    ({"from": "2026-11-25", "to": "2026-11-24"}, "Ngày bắt đầu (25/11/2026) sau ngày kết thúc (24/11/2026)."),
    ({"from": "2016-01-01", "to": "2026-01-01"}, "Khoảng thời gian dài tối đa 366 ngày"),
    ({"area": "99999"}, "Không có địa bàn mang mã số 99999."),
    ({"area": "xã"}, "Giá trị không hợp lệ: “xã”"),
])
def test_bad_input_gets_a_clear_400(client, world, query, said):
    log_in(client, "phantich_tinh")
    status, html = page(client, world, **query)
    assert status == 400 and said in html


def test_a_table_downloads_as_csv_with_vietnamese_headers_and_plain_numbers(client, world):
    log_in(client, "phantich_tinh")
    response = client.get(f"/desk/messages/{world.message.id}/reach/channels.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))
    assert rows[0] == ["Kênh", "Loại kênh", "Chỉ số", "Loại số liệu", "Giá trị", "Ghi chú"]
    facebook = {(r[2], r[3]): r[4] for r in rows if r and r[0] == "Trang Facebook Công an tỉnh"}
    assert facebook[("Người xem bài (Facebook)", "Nền tảng báo cáo")] == "1500"
    assert facebook[("Lượt bấm liên kết", "Đo được")] == "12"
    telegram = [r for r in rows if r and r[0] == "Kênh Telegram tỉnh" and r[3] == "Nền tảng báo cáo"]
    assert telegram and telegram[0][4] == ""  # no data, not 0


def test_a_table_downloads_as_xlsx_with_numbers_and_dates_typed_for_the_chosen_period(client, world):
    log_in(client, "phantich_tinh")
    response = client.get(f"/desk/messages/{world.message.id}/reach/days.xlsx",
                          query_string={"from": "24/11/2026", "to": "25/11/2026"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.get_data())).active
    header = [c.value for c in sheet[1]]
    assert header[0] == "Ngày" and "Cổng thông tin tỉnh · Lượt khách-ngày (Đo được)" in header
    visitors = header.index("Cổng thông tin tỉnh · Lượt khách-ngày (Đo được)")
    first, second = sheet[2], sheet[3]
    assert isinstance(first[0].value, datetime) and first[0].value.date() == date(2026, 11, 24)
    assert second[0].value.date() == date(2026, 11, 25)
    assert (first[visitors].value, second[visitors].value) == (50, 30)
    assert isinstance(first[visitors].value, int | float)


def test_an_unknown_table_is_not_found(client, world):
    log_in(client, "phantich_tinh")
    assert client.get(f"/desk/messages/{world.message.id}/reach/salaries.csv").status_code == 404
    assert client.get(f"/desk/messages/{world.message.id}/reach/channels.pdf").status_code == 404
