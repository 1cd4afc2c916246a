"""The notifications page: a person's own notices with the unread count in the menu, marking read, the link to
the day to confirm, whether the mail went, and their own address for mails."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from campaigns.notice_models import EmailStatus, Notification
from scheduler.alerts.missed import raise_alerts
from tests.alert_world import GRACE, AlertWorld, local
from tests.radio_scenarios import ZONE
from tests.web.helpers import csrf_token, log_in


def raised_world(session, session_factory, clock):  # type: ignore[no-untyped-def]
    world = AlertWorld(session)
    world.item(local(6))
    raise_alerts(session_factory, now=local(7), zone=ZONE, grace=GRACE, email_enabled=True)
    clock.set(local(8))
    return world


def fresh(session) -> None:  # type: ignore[no-untyped-def]
    """Read what the app committed: end this session's transaction and forget what it had loaded."""
    session.rollback()
    session.expire_all()


def notice_of(session, username: str) -> Notification:  # type: ignore[no-untyped-def]
    fresh(session)
    return next(n for n in session.scalars(select(Notification)) if n.user.username == username)


def test_the_menu_counts_unread_notices_on_every_page(client, session, session_factory, clock):
    raised_world(session, session_factory, clock)
    log_in(client, "bientap_minhtan")
    page = client.get("/desk/").get_data(as_text=True)
    assert "Thông báo (1 chưa đọc)" in page


def test_the_list_says_which_station_slot_and_day_and_that_the_mail_waits(client, session, session_factory, clock):
    raised_world(session, session_factory, clock)
    log_in(client, "bientap_minhtan")
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Đài truyền thanh xã Minh Tân chưa xác nhận phát thanh" in page
    assert "1 tin của buổi phát 06:00 ngày 23/11/2026" in page
    assert "0912 345 678" in page
    assert "E-mail tới bientap.minhtan@example.vn đang chờ gửi" in page


def test_a_failed_mail_is_flagged_on_the_notice(client, session, session_factory, clock):
    raised_world(session, session_factory, clock)
    notice = notice_of(session, "bientap_minhtan")
    notice.email_status, notice.email_last_error = EmailStatus.FAILED, "SMTP 550: Không có hộp thư này"
    session.commit()
    log_in(client, "bientap_minhtan")
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Không gửi được e-mail tới bientap.minhtan@example.vn: SMTP 550: Không có hộp thư này" in page


def test_opening_a_reminder_marks_it_read_and_leads_to_the_days_confirmation(client, session, session_factory,
                                                                              clock):
    world = raised_world(session, session_factory, clock)
    log_in(client, "phatthanh_minhtan")
    notice = notice_of(session, "phatthanh_minhtan")
    response = client.post(f"/notifications/{notice.id}/read", data={
        "go": "day", "csrf_token": csrf_token(client, "/notifications/")})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/radio/stations/{world.station.id}/airings/2026-11-23")
    assert notice_of(session, "phatthanh_minhtan").read_at == local(8)
    assert "Thông báo (" not in client.get("/notifications/").get_data(as_text=True)


def test_an_officers_notice_leads_to_the_areas_airings_of_that_day(client, session, session_factory, clock):
    world = raised_world(session, session_factory, clock)
    log_in(client, "bientap_minhtan")
    notice = notice_of(session, "bientap_minhtan")
    response = client.post(f"/notifications/{notice.id}/read", data={
        "go": "day", "csrf_token": csrf_token(client, "/notifications/")})
    assert response.headers["Location"].endswith(f"/stations/airings?area={world.commune.id}&day=2026-11-23")
    assert client.get(response.headers["Location"]).status_code == 200


def test_mark_all_read(client, session, session_factory, clock):
    raised_world(session, session_factory, clock)
    log_in(client, "quantri_minhtan")
    response = client.post("/notifications/read", data={"csrf_token": csrf_token(client, "/notifications/")},
                           follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Chưa đọc: 0" in page and "Thông báo (" not in page
    assert notice_of(session, "quantri_minhtan").read_at is not None
    assert notice_of(session, "bientap_minhtan").read_at is None  # only one's own


def test_another_persons_notice_cannot_be_marked(client, session, session_factory, clock):
    raised_world(session, session_factory, clock)
    log_in(client, "quantri_minhtan")
    theirs = notice_of(session, "bientap_minhtan")
    response = client.post(f"/notifications/{theirs.id}/read", data={
        "csrf_token": csrf_token(client, "/notifications/")})
    assert response.status_code == 404
    assert notice_of(session, "bientap_minhtan").read_at is None


def test_someone_never_told_sees_an_empty_list(client, session, session_factory, clock):
    raised_world(session, session_factory, clock)
    log_in(client, "pheduyet_minhtan")
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Chưa có thông báo nào." in page and "Thông báo (" not in page


def test_the_page_needs_a_login(client):
    response = client.get("/notifications/")
    assert response.status_code == 302 and "/desk/login" in response.headers["Location"]


def test_a_person_sets_and_clears_their_own_address(client, session, session_factory, clock):
    world = raised_world(session, session_factory, clock)
    log_in(client, "quantri_minhtan")
    token = csrf_token(client, "/notifications/")
    response = client.post("/notifications/email", data={"email": " quantri.minhtan@example.vn ", "csrf_token": token},
                           follow_redirects=True)
    assert "Đã lưu địa chỉ nhận thông báo." in response.get_data(as_text=True)
    fresh(session)
    assert session.get(type(world.officers[1]), world.officers[1].id).email == "quantri.minhtan@example.vn"
    client.post("/notifications/email", data={"email": "", "csrf_token": token})
    fresh(session)
    assert session.get(type(world.officers[1]), world.officers[1].id).email is None


def test_a_bad_address_is_refused_and_kept_in_the_box(client, session, session_factory, clock):
    world = raised_world(session, session_factory, clock)
    log_in(client, "bientap_minhtan")
    response = client.post("/notifications/email", data={"email": "bientap minhtan@example", "csrf_token":
                                                          csrf_token(client, "/notifications/")})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Địa chỉ e-mail không hợp lệ" in page
    assert re.search(r'name="email"[^>]*value="bientap minhtan@example"', page)
    fresh(session)
    assert session.get(type(world.officers[0]), world.officers[0].id).email == "bientap.minhtan@example.vn"


def test_the_page_reads_in_english(client, session, session_factory, clock):
    raised_world(session, session_factory, clock)
    log_in(client, "bientap_minhtan")
    client.get("/language/en", query_string={"next": "/notifications/"})
    page = client.get("/notifications/").get_data(as_text=True)
    assert "Notifications (1 unread)" in page
    assert "has not confirmed its broadcasts" in page


@pytest.mark.parametrize("hostile", ["bientap@example.vn\r\nBcc: ai.do@example.vn", "a" * 250 + "@example.vn",
                                     "<script>@example.vn", "bientap@example.vn, ai.do@example.vn"])
def test_an_address_that_could_smuggle_headers_or_recipients_is_refused(client, session, session_factory, clock,
                                                                         hostile):
    world = raised_world(session, session_factory, clock)
    log_in(client, "bientap_minhtan")
    response = client.post("/notifications/email", data={"email": hostile, "csrf_token":
                                                          csrf_token(client, "/notifications/")})
    assert response.status_code == 400
    assert "<script>@" not in response.get_data(as_text=True)  # shown back escaped, never as markup
    fresh(session)
    assert session.get(type(world.officers[0]), world.officers[0].id).email == "bientap.minhtan@example.vn"


def test_a_form_without_its_csrf_token_changes_nothing(client, session, session_factory, clock):
    raised_world(session, session_factory, clock)
    log_in(client, "bientap_minhtan")
    assert client.post("/notifications/read").status_code == 400
    assert notice_of(session, "bientap_minhtan").read_at is None
