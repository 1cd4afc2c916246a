"""The planning page and the calendar over HTTP: proposals, plans in local time, mistakes that lose nothing."""

from __future__ import annotations

import html
import re
from datetime import date

import pytest
from sqlalchemy import func, select

from campaigns.campaign_records import CampaignInput, PeakInput, attach_message, create_campaign
from campaigns.models import ChannelKind, Delivery
from content.models import Role
from tests.factories import make_area, make_channel, make_station, make_user
from tests.scenarios import HCM, approved
from tests.web.helpers import csrf_token, log_in, switch


@pytest.fixture
def world(session, now):  # type: ignore[no-untyped-def]
    province = make_area(session, name="Tỉnh Sơn Lâm")
    doi_thong = make_area(session, parent=province, name="Xã Đồi Thông")
    suoi_bac = make_area(session, parent=province, name="Xã Suối Bạc")
    make_station(session, doi_thong, name="Đài xã Đồi Thông")
    make_station(session, suoi_bac, name="Đài xã Suối Bạc")
    make_station(session, make_area(session, name="Tỉnh Bình Nguyên"), name="Đài xã Gò Mây")
    portal = make_channel(session, ChannelKind.PORTAL, name="Cổng thông tin tỉnh")
    message, approver = approved(session, province, now, "Cảnh giác lừa đảo chiếm đoạt tài khoản ngân hàng")
    approver.username = "pheduyet"
    session.commit()
    return {"province": province, "doi_thong": doi_thong, "suoi_bac": suoi_bac, "portal": portal,
            "message": message, "page": f"/desk/messages/{message.id}/plan"}


def text(response) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(response.get_data(as_text=True))


def send(client, world, **form):  # type: ignore[no-untyped-def]
    return client.post(world["page"], data={**form, "csrf_token": csrf_token(client, world["page"])})


def daily_form(world, **overrides):  # type: ignore[no-untyped-def]
    return {"mode": "daily", "area_ids": [world["province"].id], "slot_first_day": ["2026-11-24", ""],
            "slot_last_day": ["2026-11-30", ""], "slot_times": ["06:00, 17h", ""], "slot_peak": ["", ""],
            **overrides}


def count(session) -> int:
    session.expire_all()
    return session.scalar(select(func.count()).select_from(Delivery))


def test_the_page_proposes_a_morning_and_an_evening_slot_for_the_coming_week(client, world):
    log_in(client, "pheduyet")
    page = text(client.get(world["page"]))
    assert 'name="slot_first_day" value="2026-11-24"' in page and 'name="slot_last_day" value="2026-11-30"' in page
    assert 'name="slot_times" value="06:00, 17:00"' in page
    assert re.search(r'value="daily"\s+checked', page)
    assert "Tỉnh Sơn Lâm <span class=\"meta\">(2 đài)</span>" in page
    assert "Đài xã Gò Mây" not in page  # another province's station is not offered


def test_a_campaign_peak_is_proposed_with_a_midday_slot(client, session, world, now):
    campaign = create_campaign(session, world["message"].author, CampaignInput(
        plan_number="Kế hoạch số 12/KH-UBND", issuing_body="UBND tỉnh Sơn Lâm", title="Tháng cao điểm chống lừa đảo",
        starts_on=date(2026, 11, 1), ends_on=date(2026, 12, 31), owner_area_id=world["province"].id,
        peaks=(PeakInput(name="Tuần lễ ngân hàng an toàn", starts_on=date(2026, 11, 27), ends_on=date(2026, 12, 3)),)),
        now=now, zone=HCM)
    attach_message(session, campaign, world["message"])
    session.commit()
    log_in(client, "pheduyet")
    page = text(client.get(world["page"]))
    assert page.count('name="slot_times" value="06:00, 17:00"') == 1
    assert 'name="slot_times" value="06:00, 11:00, 17:00"' in page
    assert 'name="slot_last_day" value="2026-12-03"' in page  # stretched to the end of the peak
    assert "Cao điểm: Tuần lễ ngân hàng an toàn" in page
    asked = text(client.get(world["page"], query_string={"from": "2026-12-10", "to": "2026-12-12"}))
    assert 'name="slot_first_day" value="2026-12-10"' in asked and 'value="06:00, 11:00, 17:00"' not in asked


def test_a_daily_plan_from_the_form_is_stored_in_utc_and_confirmed_in_local_time(client, session, world):
    log_in(client, "pheduyet")
    response = send(client, world, **daily_form(world, channel_ids=[world["portal"].id],
                                                **{f"channel_due_at-{world['portal'].id}": "2026-11-24T08:30"}))
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/desk/messages/{world['message'].id}")
    assert "Đã lên lịch 29 lượt phát, từ 06:00 24/11/2026 đến 17:00 30/11/2026." in text(client.get(response.headers["Location"]))
    session.expire_all()
    station_times = sorted({d.due_at.isoformat() for d in session.scalars(select(Delivery).where(
        Delivery.station_id.is_not(None)))})
    assert station_times[:2] == ["2026-11-23T23:00:00+00:00", "2026-11-24T10:00:00+00:00"] and len(station_times) == 14
    portal = session.scalar(select(Delivery).where(Delivery.channel_id == world["portal"].id))
    assert portal.due_at.isoformat() == "2026-11-24T01:30:00+00:00"


def test_a_single_moment_still_plans_every_destination_at_once(client, session, world):
    log_in(client, "pheduyet")
    response = send(client, world, mode="once", due_at="2026-11-25T17:00", area_ids=[world["doi_thong"].id],
                    channel_ids=[world["portal"].id])
    assert response.status_code == 302
    assert "Đã lên lịch 2 lượt phát lúc 17:00 25/11/2026." in text(client.get(response.headers["Location"]))


def test_a_range_that_ends_before_it_starts_keeps_everything_chosen(client, session, world):
    log_in(client, "pheduyet")
    response = send(client, world, **daily_form(
        world, slot_first_day=["2026-11-30", ""], slot_last_day=["2026-11-24", ""], slot_times=["06:00, 11:00", ""],
        channel_ids=[world["portal"].id], use_station_slots="on",
        **{f"channel_due_at-{world['portal'].id}": "2026-11-26T09:15"}))
    assert response.status_code == 400
    page = text(response)
    assert "Ngày kết thúc 24/11/2026 ở trước ngày bắt đầu 30/11/2026." in page
    assert re.search(rf'name="area_ids" value="{world["province"].id}"\s+checked', page)
    assert re.search(rf'name="channel_ids" value="{world["portal"].id}"\s+checked', page)
    assert 'value="2026-11-26T09:15"' in page and 'name="slot_times" value="06:00, 11:00"' in page
    assert re.search(r'name="use_station_slots"\s+checked', page) and re.search(r'value="daily"\s+checked', page)
    assert count(session) == 0


def test_times_that_are_not_times_of_day_are_named(client, session, world):
    log_in(client, "pheduyet")
    page = text(send(client, world, **daily_form(world, slot_times=["6 giờ sáng", ""])))
    assert "Giờ phát “6 giờ sáng” không đọc được" in page and 'value="6 giờ sáng"' in page


def test_a_time_already_past_is_refused(client, session, world):
    log_in(client, "pheduyet")
    response = send(client, world, mode="once", due_at="2026-11-23T07:00", area_ids=[world["doi_thong"].id])
    assert response.status_code == 400
    assert "Thời điểm 07:00 ngày 23/11/2026 đã qua" in text(response)


def test_a_plan_too_big_says_how_many_it_would_have_made(client, session, world):
    for n in range(100):
        make_station(session, world["suoi_bac"], name=f"Cụm loa số {n + 1}")
    session.commit()
    log_in(client, "pheduyet")
    page = text(send(client, world, **daily_form(world, slot_first_day=["2026-11-24", ""],
                                                 slot_last_day=["2026-12-31", ""])))
    assert "Kế hoạch này sẽ tạo 7.752 lượt phát, vượt giới hạn 5.000 lượt" in page
    assert count(session) == 0


def test_no_destination_is_a_clear_message(client, session, world):
    log_in(client, "pheduyet")
    assert "Hãy chọn ít nhất một kênh, một đài hoặc một địa bàn." in text(send(client, world, **daily_form(
        world, area_ids=[])))


def test_an_area_outside_ones_own_is_refused(client, session, world):
    other = session.scalar(select(type(world["province"])).where(type(world["province"]).name == "Tỉnh Bình Nguyên"))
    log_in(client, "pheduyet")
    assert send(client, world, **daily_form(world, area_ids=[other.id])).status_code == 403
    assert count(session) == 0


def test_a_message_not_yet_approved_is_sent_back_to_its_page(client, session, world, now):
    editor = make_user(session, role=Role.EDITOR, area=world["province"], username="bientap")
    from content.messages import MessageInput, create_message
    from content.models import MessageKind

    draft = create_message(session, editor, MessageInput(kind=MessageKind.ARTICLE, title="Bản nháp",
                                                         body_md="Chưa duyệt.", area_id=world["province"].id), now=now)
    session.commit()
    log_in(client, "bientap")
    for page in ("plan", "plan/programmes"):
        response = client.get(f"/desk/messages/{draft.id}/{page}")
        assert response.status_code == 302 and response.headers["Location"].endswith(f"/desk/messages/{draft.id}")
        assert "Tin cần được duyệt trước khi lên lịch phát." in text(client.get(response.headers["Location"]))


def test_past_a_few_hundred_stations_the_page_offers_areas_instead_of_a_list(client, world, monkeypatch):
    import web.desk.planning

    monkeypatch.setattr(web.desk.planning, "STATION_PICKER", 1)
    log_in(client, "pheduyet")
    page = text(client.get(world["page"]))
    assert 'name="station_ids"' not in page and "hãy chọn theo xã, phường ở trên" in page


def test_the_message_page_leads_to_the_planning_page(client, world):
    log_in(client, "pheduyet")
    page = text(client.get(f"/desk/messages/{world['message'].id}"))
    assert f'href="{world["page"]}"' in page and 'href="/desk/calendar"' in page


# --- the calendar -----------------------------------------------------------------------------


@pytest.fixture
def planned(client, world):  # type: ignore[no-untyped-def]
    log_in(client, "pheduyet")
    assert send(client, world, **daily_form(world, slot_first_day=["2026-11-28", ""],
                                            slot_last_day=["2026-11-30", ""])).status_code == 302
    assert send(client, world, mode="once", due_at="2026-11-25T00:30",
                channel_ids=[world["portal"].id]).status_code == 302
    return world


def test_the_week_shows_local_days_and_times_and_links_to_the_message(client, planned):
    page = text(client.get("/desk/calendar", query_string={"day": "2026-11-26"}))
    assert "Tuần 23/11 – 29/11/2026" in page and "Giờ Asia/Ho_Chi_Minh · 9 lượt phát" in page
    days = re.findall(r'<span class="weekday">([^<]+)</span> <span class="date">([^<]+)</span>', page)
    assert days[0] == ("Thứ Hai", "23/11") and days[-1] == ("Chủ nhật", "29/11")
    wednesday = page.split('<span class="date">25/11</span>')[1].split('<li class="day')[0]
    assert '<time datetime="2026-11-25T00:30:00+07:00">00:30</time>' in wednesday
    assert "Cổng thông tin tỉnh" in wednesday
    saturday = page.split('<span class="date">28/11</span>')[1].split('<li class="day')[0]
    assert ">06:00</time>" in saturday and ">17:00</time>" in saturday and "2 đài" in saturday
    assert "23:00" not in page  # the UTC hour of 06:00 never shows
    assert f'href="/desk/messages/{planned["message"].id}"' in page
    assert 'rel="next" href="/desk/calendar?view=week&day=2026-11-30"' in page


def test_the_month_shows_whole_weeks_and_moves_by_month(client, planned):
    page = text(client.get("/desk/calendar", query_string={"view": "month", "day": "2026-11-10"}))
    assert "Tháng 11/2026" in page and "Giờ Asia/Ho_Chi_Minh · 13 lượt phát" in page
    assert page.count('<li class="day') == 42
    assert "day=2026-10-01" in page and "day=2026-12-01" in page
    assert '<li class="day outside no-entries">' in page  # 26 October opens the grid


def test_the_calendar_filters_by_area_and_by_destination(client, planned):
    commune = text(client.get("/desk/calendar", query_string={"day": "2026-11-30",
                                                               "area_id": planned["suoi_bac"].id}))
    assert "Đài: Đài xã Suối Bạc" in commune and "Đồi Thông" not in commune.split("<ol")[1]
    stations = text(client.get("/desk/calendar", query_string={"day": "2026-11-23", "destination": "stations"}))
    assert "Cổng thông tin tỉnh" not in stations.split("<ol")[1] and "2 đài" in stations
    portal = text(client.get("/desk/calendar", query_string={"day": "2026-11-23",
                                                              "destination": planned["portal"].id}))
    assert "Cổng thông tin tỉnh" in portal.split("<ol")[1] and "2 đài" not in portal


def test_nonsense_in_the_address_is_reported_and_the_week_shown(client, planned):
    page = text(client.get("/desk/calendar", query_string={"view": "năm", "day": "30/11/2026"}))
    assert "Không có kiểu xem “năm”" in page and "Ngày “30/11/2026” không hợp lệ" in page
    assert "Tuần 23/11 – 29/11/2026" in page  # today, from the test clock


def test_an_area_outside_ones_own_calendar_is_refused(client, session, planned):
    other = session.scalar(select(type(planned["province"])).where(type(planned["province"]).name == "Tỉnh Bình Nguyên"))
    assert client.get("/desk/calendar", query_string={"area_id": other.id}).status_code == 403


def test_the_calendar_reads_in_english(client, planned):
    switch(client, "en", "/desk/calendar")
    page = text(client.get("/desk/calendar", query_string={"day": "2026-11-26"}))
    assert "Monday" in page and "Delivery schedule" in page and "2 stations" in page
