"""A campaign's dashboard: targets and their pace, reach by day and area, top messages, exports — and only the
viewer's share of the figures."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from campaigns.models import Campaign
from content.models import Role
from tests.factories import make_area, make_user
from tests.reach_world import reach_world
from tests.web.helpers import log_in


def dashboard(client, campaign_id: int, **query: str) -> str:  # type: ignore[no-untyped-def]
    response = client.get(f"/desk/campaigns/{campaign_id}/reach", query_string=query)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def section(page: str, name: str) -> str:
    start = page.index(f'<section id="{name}"')
    return page[start:page.index("</section>", start)]


def test_each_target_shows_its_progress_in_words_and_its_verdict(client, session):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    targets = section(dashboard(client, w.campaign.id), "targets")
    visitors = targets[targets.index("Lượt khách-ngày đọc tin chiến dịch"):targets.index("Phường An Lạc đăng")]
    # 200 + 90 + 55 visitor-days of 1.000; by 23 November 22 of the 28 days have passed.
    assert "Đạt 345 / 1.000 lượt khách-ngày trên cổng (34,5 %)" in visitors
    assert "kỳ vọng đến nay: 78,6 %" in visitors
    assert "Chậm tiến độ" in visitors and "764,2" in visitors  # 655 still to do in 6 days
    ward = targets[targets.index("Phường An Lạc đăng"):]
    assert "Đúng tiến độ" in ward and "đã đạt mục tiêu" in ward
    assert '<caption>Chỉ tiêu và tiến độ</caption>' in targets


def test_reach_by_day_keeps_each_metric_and_kind_apart_with_a_chart_and_its_table(client, session):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    activity = section(dashboard(client, w.campaign.id), "activity")
    assert activity.count("<svg") == 4  # one chart per metric: views, visitor-days, airings, listeners
    assert "Người nghe tiềm năng (Ước tính)" in activity and "Lượt xem trên cổng (Đo được)" in activity
    assert re.search(r"Lượt xem trên cổng.*?2\.277", activity, re.S)  # 500 + 300 + 120 + 1.357
    # A day with views but no airing says so; it does not claim 0 airings.
    day = activity[activity.index("10/11/2026"):]
    day = day[:day.index("</tr>")]
    assert "300" in day and "chưa có số liệu" in day


def test_platform_totals_count_each_messages_newest_snapshot_once(client, session):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    platforms = section(dashboard(client, w.campaign.id), "platforms")
    row = platforms[platforms.index("Trang Công an tỉnh Thanh Thủy"):]
    row = row[:row.index("</tr>")]
    assert ">32<" in row  # 25 (the scam's newest) + 7, not 10 + 25 + 7
    assert "Nền tảng báo cáo" in row
    telegram = platforms[platforms.index("Kênh Telegram An ninh"):]
    assert "Nền tảng không cung cấp số liệu" in telegram[:telegram.index("</tr>")]


def test_the_drill_down_goes_from_the_province_to_a_ward_and_its_hamlets(client, session):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    areas = section(dashboard(client, w.campaign.id), "areas")
    assert "Phường An Lạc" in areas and "Xã Bình Minh" in areas and "<svg" in areas
    link = re.search(r'href="([^"]*area=(\d+)[^"]*)">Phường An Lạc', areas)
    assert link and int(link.group(2)) == w.ward.id
    ward = section(dashboard(client, w.campaign.id, area=str(w.ward.id)), "areas")
    assert "Thôn Đông" in ward and "Xã Bình Minh" not in ward
    assert "Theo địa bàn trực thuộc Phường An Lạc" in ward
    whole = ward[ward.index("Toàn Phường An Lạc"):]
    assert re.search(r">5<.*>4\.000<", whole[:whole.index("</tr>")], re.S)  # its own 3 airings and the hamlet's 2
    # The breadcrumb leads back up to the province.
    crumbs = ward[ward.index('class="breadcrumb"'):ward.index("</nav>", ward.index('class="breadcrumb"'))]
    assert "Tỉnh Thanh Thủy</a>" in crumbs and 'aria-current="page">Phường An Lạc' in crumbs


def test_top_messages_are_ranked_by_the_chosen_metric_and_link_to_their_reach(client, session):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    top = section(dashboard(client, w.campaign.id), "messages")
    order = [top.index(w.traffic.title), top.index(w.scam.title), top.index(w.fire.title)]
    assert order == sorted(order)  # 1.357, 800, 120 portal views
    assert f'href="/desk/messages/{w.traffic.id}/reach"' in top
    by_airings = section(dashboard(client, w.campaign.id, rank="loudspeaker_airings"), "messages")
    assert by_airings.index(w.traffic.title) < by_airings.index(w.fire.title)  # 7 airings, then 3 + 2
    assert w.scam.title not in by_airings  # never aired: not ranked as 0


def test_another_provinces_officer_is_refused(client, session):
    w = reach_world(session)
    log_in(client, "bientap_ha_son")
    response = client.get(f"/desk/campaigns/{w.campaign.id}/reach")
    assert response.status_code == 403
    assert "1.357" not in response.get_data(as_text=True)
    assert client.get(f"/desk/campaigns/{w.campaign.id}/reach/days.csv").status_code == 403


def test_a_wards_officer_sees_the_wards_figures_only(client, session):
    w = reach_world(session)
    log_in(client, "bientap_an_lac")
    page = dashboard(client, w.campaign.id)
    assert "Phòng cháy chữa cháy mùa khô" in page and "4.000" in page
    # Xã Bình Minh's views and listeners, and the province message's views, are not the ward's.
    for number in ("1.357", "2.613", "2.277", "800"):
        assert number not in page
    assert w.traffic.title not in page and "Xã Bình Minh" not in page
    # The province-wide target is one figure over the whole province: hidden, and said so.
    assert "Lượt khách-ngày đọc tin chiến dịch" not in page
    # The province's plan concerns the ward: its page opens, showing only the messages the ward may read.
    assert f'href="/desk/campaigns/{w.campaign.id}"' in page
    plan = client.get(f"/desk/campaigns/{w.campaign.id}").get_data(as_text=True)
    assert w.fire.title in plan and w.traffic.title not in plan and "/edit" not in plan
    assert "1 chỉ tiêu tính trên địa bàn rộng hơn" in page
    assert client.get(f"/desk/campaigns/{w.campaign.id}/reach", query_string={"area": w.commune.id}).status_code == 404
    assert client.get(f"/desk/campaigns/{w.campaign.id}/reach", query_string={"area": w.province.id}).status_code == 404
    csv_text = client.get(f"/desk/campaigns/{w.campaign.id}/reach/messages.csv").get_data(as_text=True)
    assert "1357" not in csv_text and w.traffic.title not in csv_text and w.fire.title in csv_text


@pytest.mark.parametrize("username, status", [("phantich_tinh", 200), ("dai_tinh", 403)])
def test_analysts_read_the_dashboard_and_radio_operators_do_not(client, session, username, status):
    w = reach_world(session)
    log_in(client, username)
    assert client.get(f"/desk/campaigns/{w.campaign.id}/reach").status_code == status


@pytest.mark.parametrize("query, status, words", [
    ({"from": "2026-13-01"}, 400, "Ngày không hợp lệ"),
    ({"from": "2026-11-20", "to": "2026-11-10"}, 400, "sau ngày kết thúc"),
    ({"from": "2020-01-01", "to": "2029-12-31"}, 400, "quá dài"),
    ({"area": "999999"}, 404, "Không tìm thấy địa bàn số 999999"),
    ({"area": "abc"}, 400, "Giá trị không hợp lệ"),
    ({"rank": "luot_bia"}, 400, "Không có chỉ số"),
    ({"bar": "luot_bia"}, 400, "Không có chỉ số"),
    ({"rank": "portal_view", "rank_kind": "doan"}, 400, "Không có loại số liệu"),
])
def test_a_bad_query_gets_a_clear_error(client, session, query, status, words):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    response = client.get(f"/desk/campaigns/{w.campaign.id}/reach", query_string=query)
    assert response.status_code == status
    assert words in response.get_data(as_text=True)


def test_an_area_of_another_province_is_not_found(client, session):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    response = client.get(f"/desk/campaigns/{w.campaign.id}/reach", query_string={"area": w.other_province.id})
    assert response.status_code == 404


def test_the_period_narrows_every_figure(client, session):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    page = dashboard(client, w.campaign.id, **{"from": "09/11/2026", "to": "2026-11-15"})  # as typed, or a date field
    activity = section(page, "activity")
    assert "10/11/2026" in activity and "1.357" not in activity and "03/11/2026" not in activity
    assert "Từ 09/11/2026 đến 15/11/2026" in page
    # A table downloads with the page's period.
    assert f'href="/desk/campaigns/{w.campaign.id}/reach/days.csv?from=09%2F11%2F2026&amp;to=2026-11-15"' in page


def test_tables_download_as_csv_and_xlsx_with_the_pages_figures(client, session):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    response = client.get(f"/desk/campaigns/{w.campaign.id}/reach/days.csv", query_string={"to": "2026-11-05"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:2] == ["Ngày", "Lượt xem trên cổng (Đo được)"]
    assert ["2026-11-05", "1357"] == rows[3][:2] and len([r for r in rows if r[:1] == ["2026-11-10"]]) == 0
    book = load_workbook(io.BytesIO(client.get(f"/desk/campaigns/{w.campaign.id}/reach/messages.xlsx").get_data()))
    sheet = book.active
    assert [c.value for c in sheet[1]][:3] == ["Hạng", "Tin", "Lượt xem trên cổng (Đo được)"]
    assert [(r[1].value, r[2].value) for r in sheet.iter_rows(min_row=2, max_row=4)] == [
        (w.traffic.title, 1357), (w.scam.title, 800), (w.fire.title, 120)]
    assert client.get(f"/desk/campaigns/{w.campaign.id}/reach/bang-la.csv").status_code == 404
    assert client.get(f"/desk/campaigns/{w.campaign.id}/reach/days.pdf").status_code == 404


def test_the_campaign_page_links_to_its_dashboard_and_compliance_grid(client, session):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    page = client.get(f"/desk/campaigns/{w.campaign.id}").get_data(as_text=True)
    assert f'href="/desk/campaigns/{w.campaign.id}/reach">Mức độ tiếp cận' in page
    assert f'href="/desk/campaigns/{w.campaign.id}/compliance"' in page


def test_the_dashboard_reads_in_english(client, session):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    client.get("/language/en", query_string={"next": "/desk/"})
    page = dashboard(client, w.campaign.id)
    assert "Campaign reach" in page and "Targets and progress" in page and "Top messages" in page
    assert "Achieved 345 / 1,000" in page and "Chậm tiến độ" not in page


def test_a_campaign_without_figures_says_so_rather_than_showing_zeros(client, session):
    province = make_area(session, name="Tỉnh Yên Bình")
    make_user(session, role=Role.ADMIN, area=None, username="quantri_toanquoc")
    campaign = Campaign(plan_number="Kế hoạch số 7/KH-UBND", issuing_body="Ủy ban nhân dân tỉnh Yên Bình",
                        title="Phòng chống ma túy học đường", slug="phong-chong-ma-tuy", starts_on=date(2026, 12, 1),
                        ends_on=date(2027, 3, 31), owner_area=province, areas=[province])
    session.add(campaign)
    session.commit()
    log_in(client, "quantri_toanquoc")
    page = dashboard(client, campaign.id)  # it has not started: the period is its first day
    assert "Từ 01/12/2026 đến 01/12/2026" in page
    assert "Chưa có số liệu trong khoảng thời gian này." in section(page, "activity")
    assert ">0<" not in page
    report = client.get(f"/desk/campaigns/{campaign.id}/report.docx")
    assert report.status_code == 200
