"""Programme pages: an admin sets up a station's weekly programmes; an officer plans a message into them."""

from __future__ import annotations

import html
from datetime import date

from sqlalchemy import func, select

from campaigns.models import Delivery
from campaigns.programme_models import Programme
from campaigns.programme_setup import ProgrammeInput, create_programme
from content.models import Role
from tests.factories import make_area, make_station, make_user
from tests.radio_scenarios import radio_world
from tests.scenarios import approved
from tests.web.helpers import csrf_token, log_in

# The app's clock in tests: 08:00 on Monday 23 November 2026 in Hà Nội.


def page(response) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(response.get_data(as_text=True))


def post(client, path: str, data: dict):  # type: ignore[no-untyped-def]
    return client.post(path, data={**data, "csrf_token": csrf_token(client, path)})


def column_form(**overrides) -> dict:  # type: ignore[no-untyped-def]
    return {"name": "Chung tay phòng chống tội phạm", "weekdays": ["4"], "starts_at": "19:00", "minutes": "20",
            "opening": "Mời bà con cùng nghe.", "closing": "Tin báo xin gọi 113.", "skips_holidays": "on",
            "is_active": "on", **overrides}


def admin_world(client, session):  # type: ignore[no-untyped-def]
    province, commune, station, _ = radio_world(session)
    make_user(session, role=Role.ADMIN, area=commune, username="quantri")
    session.commit()
    log_in(client, "quantri")
    return province, commune, station


def test_an_admin_adds_a_programme_and_sees_it_on_the_station_page(client, session):
    _, _, station = admin_world(client, session)
    response = post(client, f"/stations/{station.id}/programmes/new", column_form(weekdays=["2", "4"]))
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/stations/{station.id}#programmes")
    programme = session.scalar(select(Programme))
    assert (programme.weekdays, f"{programme.starts_at:%H:%M}", programme.minutes) == ("24", "19:00", 20)
    text = page(client.get(f"/stations/{station.id}"))
    assert "Chung tay phòng chống tội phạm" in text and "Thứ Ba, Thứ Năm · 19:00 (20 phút) · nghỉ vào ngày lễ" in text


def test_a_refused_programme_form_shows_what_was_typed_and_why(client, session):
    _, _, station = admin_world(client, session)
    response = post(client, f"/stations/{station.id}/programmes/new",
                    column_form(weekdays=[], starts_at="16:55", minutes="999", name="Gương sáng <b>xã</b>"))
    assert response.status_code == 400
    text = response.get_data(as_text=True)
    assert "Hãy chọn ít nhất một ngày trong tuần." in html.unescape(text)
    assert "Thời lượng chuyên mục phải từ 1 đến 120 phút." in html.unescape(text)
    assert 'value="Gương sáng &lt;b&gt;xã&lt;/b&gt;"' in text and 'value="16:55"' in text
    assert session.scalar(select(func.count()).select_from(Programme)) == 0


def test_an_admin_retires_a_programme_and_it_stays_listed_as_stopped(client, session):
    _, _, station = admin_world(client, session)
    post(client, f"/stations/{station.id}/programmes/new", column_form())
    programme = session.scalar(select(Programme))
    response = post(client, f"/stations/{station.id}/programmes/{programme.id}", column_form(is_active=""))
    assert response.status_code == 302
    session.rollback()  # end this session's read, so it sees what the page saved
    assert not session.get(Programme, programme.id).is_active
    assert "Đã ngừng" in page(client.get(f"/stations/{station.id}"))


def test_another_communes_admin_and_a_wrong_station_address_get_nothing(client, session):
    province, commune, station = admin_world(client, session)
    post(client, f"/stations/{station.id}/programmes/new", column_form())
    programme = session.scalar(select(Programme))
    second = make_station(session, commune, name="Cụm loa thôn Bến Đò")
    other = make_station(session, make_area(session, parent=province, name="Xã Phú Mỹ"))
    make_user(session, role=Role.ADMIN, area=other.area, username="quantri_phumy")
    session.commit()
    # The programme under another station's address, even one the admin manages: not found.
    assert client.get(f"/stations/{second.id}/programmes/{programme.id}").status_code == 404
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/desk/")})
    log_in(client, "quantri_phumy")
    assert client.get(f"/stations/{station.id}/programmes/{programme.id}").status_code == 403
    assert client.get(f"/stations/{station.id}/programmes/new").status_code == 403


def planning_world(client, session, now):  # type: ignore[no-untyped-def]
    _, commune, station, _ = radio_world(session)
    admin = make_user(session, role=Role.ADMIN, area=commune)
    programme = create_programme(session, admin, station, ProgrammeInput(
        name="Chung tay phòng chống tội phạm", weekdays=("4",), starts_at="19:00", minutes="20"), now=now)
    message, approver = approved(session, commune, now, title="Cảnh giác trộm cắp gia súc ban đêm")
    approver.username = "pheduyet"
    session.commit()
    log_in(client, "pheduyet")
    return station, programme, message


def test_an_officer_plans_a_message_into_a_programme_for_four_weeks(client, session, now):
    station, programme, message = planning_world(client, session, now)
    path = f"/desk/messages/{message.id}/plan/programmes"
    shown = page(client.get(path))
    assert "Chung tay phòng chống tội phạm" in shown and "Thứ Năm · 19:00 · 20 phút" in shown and "nghỉ ngày lễ" in shown
    assert "Tết" in shown  # the coming holidays are listed (lunar New Year 2027 is within 26 weeks)
    response = post(client, path, {"programme_ids": [str(programme.id)], "first_day": "2026-11-23", "weeks": "4"})
    assert response.status_code == 302
    rows = session.scalars(select(Delivery).where(Delivery.programme_id == programme.id)).all()
    assert len(rows) == 4 and {r.station_id for r in rows} == {station.id}
    assert "Đã lên lịch 4 lượt phát vào chuyên mục, từ 19:00 26/11/2026 đến 19:00 17/12/2026." in page(
        client.get(response.headers["Location"]))


def test_the_summary_names_the_holiday_a_programme_rested_on(client, session, now):
    _, programme, message = planning_world(client, session, now)
    path = f"/desk/messages/{message.id}/plan/programmes"
    response = post(client, path, {"programme_ids": [str(programme.id)], "first_day": "2027-08-30",
                                   "last_day": "2027-09-12"})
    assert response.status_code == 302
    text = page(client.get(response.headers["Location"]))
    assert "Đã lên lịch 1 lượt phát vào chuyên mục" in text and "Nghỉ ngày lễ: 02/09/2027 (Quốc khánh)" in text
    assert [d.due_at.date() for d in session.scalars(select(Delivery))] == [date(2027, 9, 9)]


def test_careless_planning_forms_are_refused_with_everything_kept(client, session, now):
    _, programme, message = planning_world(client, session, now)
    path = f"/desk/messages/{message.id}/plan/programmes"
    both = post(client, path, {"programme_ids": [str(programme.id)], "first_day": "2026-11-23", "weeks": "2",
                               "last_day": "2026-12-31"})
    assert both.status_code == 400 and "không nhập cả hai" in page(both)
    assert f'value="{programme.id}" checked' in both.get_data(as_text=True)
    none = post(client, path, {"first_day": "2026-11-23", "weeks": "2"})
    assert none.status_code == 400 and "Hãy chọn ít nhất một chuyên mục." in page(none)
    bad = post(client, path, {"programme_ids": ["abc"], "first_day": "23/11/2026", "weeks": "-1"})
    assert bad.status_code == 400 and "Lựa chọn không hợp lệ." in page(bad)
    past = post(client, path, {"programme_ids": [str(programme.id)], "first_day": "2026-11-01", "weeks": "2"})
    assert past.status_code == 400 and "đã qua" in page(past)
    assert session.scalar(select(func.count()).select_from(Delivery)) == 0


def test_a_programme_outside_the_officers_area_is_not_offered_and_cannot_be_forced(client, session, now):
    _, programme, message = planning_world(client, session, now)
    far = make_station(session, make_area(session, parent=make_area(session, name="Tỉnh Xa"), name="Xã Xa"))
    far_admin = make_user(session, role=Role.ADMIN, area=far.area)
    stranger = create_programme(session, far_admin, far, ProgrammeInput(
        name="Chuyên mục của xã khác", weekdays=("3",), starts_at="19:00", minutes="15"), now=now)
    session.commit()
    path = f"/desk/messages/{message.id}/plan/programmes"
    assert "Chuyên mục của xã khác" not in page(client.get(path))
    response = post(client, path, {"programme_ids": [str(stranger.id)], "first_day": "2026-11-23", "weeks": "1"})
    assert response.status_code == 403
    assert session.scalar(select(func.count()).select_from(Delivery)) == 0


def test_the_message_page_names_the_programme_of_each_delivery_and_reads_in_english(client, session, now):
    _, programme, message = planning_world(client, session, now)
    path = f"/desk/messages/{message.id}/plan/programmes"
    post(client, path, {"programme_ids": [str(programme.id)], "first_day": "2026-11-23", "weeks": "2"})
    text = page(client.get(f"/desk/messages/{message.id}"))
    assert text.count("Chuyên mục “Chung tay phòng chống tội phạm”") == 2
    client.get("/language/en", query_string={"next": path})
    english = page(client.get(path))
    assert "Plan into weekly programmes" in english and "rests on holidays" in english
    assert "Programme “Chung tay phòng chống tội phạm”" in page(client.get(f"/desk/messages/{message.id}"))


def test_the_operators_own_page_names_todays_programme(client, session, now):
    _, commune, station, _ = radio_world(session)
    admin = make_user(session, role=Role.ADMIN, area=commune)
    programme = create_programme(session, admin, station, ProgrammeInput(
        name="Gương sáng quanh ta", weekdays=("1",), starts_at="19:00", minutes="20"), now=now)  # Mondays: today
    message, approver = approved(session, commune, now, title="Bác Lò Văn Tám nhặt được ví trả người đánh rơi")
    approver.username = "pheduyet"
    session.commit()
    log_in(client, "pheduyet")
    path = f"/desk/messages/{message.id}/plan/programmes"
    assert post(client, path, {"programme_ids": [str(programme.id)], "first_day": "2026-11-23",
                               "weeks": "1"}).status_code == 302
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/desk/")})
    log_in(client, "daiphat_anlac")
    shown = page(client.get("/stations/mine"))
    assert shown.count("Chuyên mục “Gương sáng quanh ta” · 19:00") == 2  # among today's times, and as the slot heading
    assert "Bác Lò Văn Tám nhặt được ví" in shown
