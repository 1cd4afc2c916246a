"""The compliance grid page: readable without colour, the station's phone a link, filtered by area and period,
exported as CSV and XLSX, each officer seeing only their own stations; and the desk's notice of last week."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import openpyxl
import pytest

from campaigns.models import TargetKind
from content.models import Role
from tests.campaigns.target_world import add_target, air, local, target_world
from tests.factories import make_user
from tests.web.helpers import log_in

# The app's clock says Monday 23 November 2026, 08:00 in Hồ Chí Minh City: last full week is 16–22 November.
LAST_WEEK = date(2026, 11, 16)
PERIOD = {"from": "2026-11-02", "to": "2026-12-06"}  # the campaign's four weeks, and one after it


@pytest.fixture
def world(session):  # type: ignore[no-untyped-def]
    w = target_world(session)
    w.station_a.contact = "Ông Lê Văn Tám, 0912 345 678"
    w.station_b.name = "Đài truyền thanh xã Bình Minh"
    add_target(session, w.campaign, TargetKind.STATION_WEEKLY_AIRINGS, 1)
    for day in (date(2026, 11, 3), date(2026, 11, 17)):
        air(session, w.station_a, w.message, local(day))
    air(session, w.station_b, w.message, local(date(2026, 11, 4)))  # B aired in week 1 only
    air(session, w.other_station, w.message, local(date(2026, 11, 4)))
    make_user(session, role=Role.EDITOR, area=w.commune_a, username="bientap_anlac")
    make_user(session, role=Role.APPROVER, area=w.commune_b, username="duyet_binhminh")
    make_user(session, role=Role.ANALYST, area=w.province, username="phantich_tinh")
    make_user(session, role=Role.EDITOR, area=w.other_commune, username="bientap_ngoaivung")
    make_user(session, role=Role.RADIO_OPERATOR, area=w.commune_a, username="dai_anlac")
    session.commit()
    return w


def page(client, world, **query):  # type: ignore[no-untyped-def]
    return client.get(f"/desk/campaigns/{world.campaign.id}/compliance", query_string={**PERIOD, **query})


def test_the_grid_says_met_and_missed_in_words_and_symbols_with_the_stations_phone(client, world):
    log_in(client, "phantich_tinh")
    response = page(client, world)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Tuần 02/11–08/11" in html and "Tuần 30/11–06/12" in html
    assert "✓ Đạt 1/1" in html and "✗ Chưa đạt 0/1" in html and "… Đang trong tuần 0/1" in html
    assert "– Không có yêu cầu (0)" in html  # after the campaign nothing is owed, and the grid says so
    assert 'href="tel:0912345678"' in html and "Ông Lê Văn Tám" in html
    assert "Đài truyền thanh xã Bình Minh" in html
    assert world.other_station.name not in html  # another province's station, outside the campaign
    assert "Đo được" in html  # the confirmed airings' kind, with its method
    base = f"/desk/campaigns/{world.campaign.id}/compliance"
    assert f"{base}/compliance.xlsx?from=2026-11-02&amp;to=2026-12-06" in html  # the download keeps the period
    assert f"{base}/station-weeks.csv?from=2026-11-02&amp;to=2026-12-06" in html


def test_an_officer_of_a_commune_sees_only_their_own_station(client, world):
    log_in(client, "bientap_anlac")
    html = page(client, world).get_data(as_text=True)
    assert world.station_a.name in html
    assert "Đài truyền thanh xã Bình Minh" not in html and "Xã Bình Minh" not in html
    assert html.count("✗ Chưa đạt 0/1") == 1  # A's second week; B's two missed weeks are not shown


@pytest.mark.parametrize(("username", "status"), [("bientap_ngoaivung", 403), ("dai_anlac", 403)])
def test_officers_of_other_areas_and_radio_operators_are_refused(client, world, username, status):
    log_in(client, username)
    response = page(client, world)
    assert response.status_code == status
    assert world.station_a.name not in response.get_data(as_text=True)
    export = client.get(f"/desk/campaigns/{world.campaign.id}/compliance/station-weeks.csv", query_string=PERIOD)
    assert export.status_code == status


def test_a_visitor_who_is_not_signed_in_is_sent_to_log_in(client, world):
    assert page(client, world).status_code == 302


def test_an_unknown_campaign_is_not_found(client, world):
    log_in(client, "phantich_tinh")
    assert client.get("/desk/campaigns/999999/compliance").status_code == 404


def test_the_area_filter_narrows_the_grid_and_refuses_an_area_that_is_not_the_viewers(client, world):
    log_in(client, "phantich_tinh")
    html = page(client, world, area=world.commune_b.id).get_data(as_text=True)
    assert "Đài truyền thanh xã Bình Minh" in html and world.station_a.name not in html
    unknown = page(client, world, area=999999)
    assert unknown.status_code == 400 and "999999" in unknown.get_data(as_text=True)
    assert page(client, world, area="mot").status_code == 400
    assert page(client, world, area=world.other_commune.id).status_code == 403


@pytest.mark.parametrize(("query", "words"), [
    ({"from": "2026-11-20", "to": "2026-11-10"}, "sau ngày kết thúc"),
    ({"from": "2026-13-01"}, "Ngày không hợp lệ"),
    ({"to": "hôm qua"}, "Ngày không hợp lệ"),
    ({"from": "2016-01-01", "to": "2026-01-01"}, "tối đa 366 ngày"),
    ({"from": "2026-01-04", "to": "2027-01-04"}, "tối đa 53 tuần"),  # a year from a Sunday touches 54 weeks
])
def test_a_period_that_makes_no_sense_is_refused_with_a_reason(client, world, query, words):
    log_in(client, "phantich_tinh")
    response = client.get(f"/desk/campaigns/{world.campaign.id}/compliance", query_string=query)
    assert response.status_code == 400
    assert words in response.get_data(as_text=True)


def test_a_period_may_be_written_as_people_write_dates(client, world):
    log_in(client, "phantich_tinh")
    response = page(client, world, **{"from": "09/11/2026", "to": "15/11/2026"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Tuần 09/11–15/11" in html and "Tuần 02/11" not in html and "Tuần 16/11" not in html


def test_without_a_period_the_grid_shows_the_campaigns_weeks_up_to_this_one(client, world):
    log_in(client, "phantich_tinh")
    html = client.get(f"/desk/campaigns/{world.campaign.id}/compliance").get_data(as_text=True)
    assert "Tuần 02/11–08/11" in html and "Tuần 23/11–29/11" in html and "Tuần 30/11" not in html


def test_the_station_weeks_export_has_numbers_as_numbers_and_weeks_as_dates(client, world):
    log_in(client, "phantich_tinh")
    response = client.get(f"/desk/campaigns/{world.campaign.id}/compliance/station-weeks.xlsx", query_string=PERIOD)
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("Đài truyền thanh", "Địa bàn", "Liên hệ", "Tuần bắt đầu", "Lượt phát đã xác nhận",
                           "Số lượt cần phát")
    b_week_2 = next(r for r in rows[1:] if r[0] == "Đài truyền thanh xã Bình Minh" and r[3] == datetime(2026, 11, 9))
    assert b_week_2[4:] == (0, 1, "theo chỉ tiêu của chiến dịch", "✗ Chưa đạt")
    assert sum(1 for r in rows[1:] if r[0] and r[0].startswith("Đài")) == 10  # 2 stations × 5 weeks
    after = next(r for r in rows[1:] if r[0] == "Đài truyền thanh xã Bình Minh" and r[3] == datetime(2026, 11, 30))
    assert after[4:] == (0, None, "không có yêu cầu", "– Không có yêu cầu")


def test_the_grid_exports_as_csv_within_the_viewers_area_and_period(client, world):
    log_in(client, "bientap_anlac")
    response = client.get(f"/desk/campaigns/{world.campaign.id}/compliance/compliance.csv",
                          query_string={"from": "2026-11-16", "to": "2026-11-22"})
    assert response.status_code == 200 and response.data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert rows[0] == ["Đài truyền thanh", "Địa bàn", "Liên hệ", "Tuần 16/11–22/11", "Số tuần chưa đạt"]
    assert rows[1] == [world.station_a.name, "Phường An Lạc", "Ông Lê Văn Tám, 0912 345 678", "✓ Đạt 1/1", "0"]
    assert "Bình Minh" not in response.data.decode("utf-8-sig")
    notes = [r[0] for r in rows[2:]]  # the methods, once each, not a line per cell
    assert notes[0].startswith("Lượt phát đã xác nhận — Đo được") and len(notes) == len(set(notes)) <= 5


@pytest.mark.parametrize("name", ["lich-phat.csv", "compliance.pdf", "compliance.docx"])
def test_an_unknown_table_or_format_is_not_found(client, world, name):
    log_in(client, "phantich_tinh")
    assert client.get(f"/desk/campaigns/{world.campaign.id}/compliance/{name}").status_code == 404


def test_the_desk_tells_the_answerable_officers_which_stations_missed_last_week(client, world):
    log_in(client, "bientap_tinh")
    html = client.get("/desk/").get_data(as_text=True)
    assert "1 đài chưa phát đủ tuần trước" in html  # B; A aired on the 17th
    assert (f'/desk/campaigns/{world.campaign.id}/compliance?from={LAST_WEEK.isoformat()}&amp;to=2026-11-22'
            in html)
    client.post("/desk/logout")


@pytest.mark.parametrize(("username", "told"), [("duyet_binhminh", True), ("bientap_anlac", False),
                                                 ("phantich_tinh", False), ("bientap_ngoaivung", False)])
def test_only_officers_answerable_for_the_station_are_told(client, world, username, told):
    log_in(client, username)
    assert ("chưa phát đủ tuần trước" in client.get("/desk/").get_data(as_text=True)) is told


def test_the_grid_reads_in_english_words_and_symbols_alike(client, world):
    log_in(client, "phantich_tinh")
    client.get("/language/en", query_string={"next": "/desk/"})
    html = page(client, world).get_data(as_text=True)
    assert "Week 02/11–08/11" in html and "✓ Met 1/1" in html and "✗ Missed 0/1" in html
    assert "– Nothing required (0)" in html and "from the campaign&#39;s target" in html
    assert "Confirmed airings — Measured" in html
