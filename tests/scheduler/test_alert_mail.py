"""Alerts by e-mail, against a real SMTP server on a loopback port: received when it is up, retried when it is
down, marked failed after the last attempt or a refusal, and never at the cost of the notice in Loa."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from campaigns.models import Station
from campaigns.notice_models import ConfirmationAlert, EmailStatus, NoticeKind, Notification
from scheduler.alerts.job import AlertSettings, run_alert_job
from scheduler.alerts.mail import SmtpSettings
from scheduler.alerts.mailing import MAX_ATTEMPTS, compose, retry_wait
from tests.alert_world import AlertWorld, local
from tests.radio_scenarios import ZONE
from tests.smtp_server import free_port, smtp_server

URL = "https://loa.example.vn/notifications/"


def settings(port: int) -> AlertSettings:
    return AlertSettings(zone=ZONE, smtp=SmtpSettings(host="127.0.0.1", port=port, sender="loa@tinh-thu.example.vn",
                                                       timeout=5), notices_url=URL)


def by_user(session) -> dict[str, Notification]:  # type: ignore[no-untyped-def]
    session.rollback()  # a fresh read: the workers wrote in sessions of their own
    session.expire_all()
    return {n.user.username: n for n in session.scalars(select(Notification))}


def test_the_officer_and_the_operator_receive_their_mail(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    with smtp_server() as (mailbox, port):
        report = run_alert_job(session_factory, now=local(7), settings=settings(port))
    assert (report.raised.raised, report.mailed.sent) == (1, 2)
    assert sorted(to for envelope in mailbox.envelopes for to in envelope) == [
        "bientap.minhtan@example.vn", "dai.minhtan@example.vn"]
    mails = {str(m["To"]): m for m in mailbox.received}
    officer = mails["bientap.minhtan@example.vn"]
    assert str(officer["Subject"]) == "[Loa] Đài truyền thanh xã Minh Tân chưa xác nhận buổi phát 06:00 ngày 23/11/2026"
    body = officer.get_content()
    assert "chưa xác nhận 1 tin" in body and "0912 345 678" in body and URL in body
    assert "Nhắc xác nhận" in str(mails["dai.minhtan@example.vn"]["Subject"])
    assert "Đài của tôi" in mails["dai.minhtan@example.vn"].get_content()
    notices = by_user(session)
    assert notices["bientap_minhtan"].email_status is EmailStatus.SENT
    assert notices["bientap_minhtan"].emailed_at == local(7)
    # The admin has no address: told in Loa only, and that is what the notice says.
    assert notices["quantri_minhtan"].email_status is EmailStatus.NONE


def test_the_next_runs_send_nothing_twice(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    with smtp_server() as (mailbox, port):
        run_alert_job(session_factory, now=local(7), settings=settings(port))
        again = run_alert_job(session_factory, now=local(7, 5), settings=settings(port))
    assert (again.raised.raised, again.mailed.sent) == (0, 0)
    assert len(mailbox.received) == 2


def test_a_server_that_is_down_keeps_the_notice_and_retries_the_mail(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    port = free_port()  # nothing listens there yet
    report = run_alert_job(session_factory, now=local(7), settings=settings(port))
    assert (report.raised.raised, report.mailed.retrying) == (1, 2)
    notice = by_user(session)["bientap_minhtan"]
    assert notice.read_at is None  # in the list, unread, whatever the mail did
    assert (notice.email_status, notice.email_attempts) == (EmailStatus.PENDING, 1)
    assert "ConnectionRefusedError" in (notice.email_last_error or "")
    assert notice.email_next_attempt_at == local(7) + retry_wait(1)
    # Not before its time, then at it, with the server back up.
    with smtp_server(port) as (mailbox, _):
        assert run_alert_job(session_factory, now=local(7, 0), settings=settings(port)).mailed.sent == 0
        assert run_alert_job(session_factory, now=local(7, 1), settings=settings(port)).mailed.sent == 2
    assert len(mailbox.received) == 2
    notice = by_user(session)["bientap_minhtan"]
    assert (notice.email_status, notice.email_attempts, notice.email_last_error) == (EmailStatus.SENT, 2, None)


def test_after_the_last_attempt_the_mail_is_marked_failed(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    port, at = free_port(), local(7)
    for _ in range(MAX_ATTEMPTS):
        run_alert_job(session_factory, now=at, settings=settings(port))
        at += timedelta(hours=2)
    notice = by_user(session)["bientap_minhtan"]
    assert (notice.email_status, notice.email_attempts) == (EmailStatus.FAILED, MAX_ATTEMPTS)
    assert notice.email_next_attempt_at is None and notice.email_last_error
    assert run_alert_job(session_factory, now=at, settings=settings(port)).mailed.failed == 0  # not tried again


def test_a_refused_address_fails_at_once_and_the_others_still_go(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    with smtp_server() as (mailbox, port):
        mailbox.refuse.add("dai.minhtan@example.vn")
        report = run_alert_job(session_factory, now=local(7), settings=settings(port))
    assert (report.mailed.sent, report.mailed.failed) == (1, 1)
    notice = by_user(session)["phatthanh_minhtan"]
    assert (notice.email_status, notice.email_attempts) == (EmailStatus.FAILED, 1)
    assert "550" in (notice.email_last_error or "")
    assert [str(m["To"]) for m in mailbox.received] == ["bientap.minhtan@example.vn"]


def test_a_mail_claimed_by_a_worker_that_died_goes_once_its_lease_runs_out(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    run_alert_job(session_factory, now=local(7), settings=AlertSettings(zone=ZONE, smtp=None))
    for notice in session.scalars(select(Notification)):
        notice.email_to, notice.email_status = "bientap.minhtan@example.vn", EmailStatus.SENDING
        notice.email_lease_until = local(7, 5)
    session.commit()
    with smtp_server() as (mailbox, port):
        assert run_alert_job(session_factory, now=local(7, 4), settings=settings(port)).mailed.sent == 0
        assert run_alert_job(session_factory, now=local(7, 6), settings=settings(port)).mailed.sent == 3
    assert len(mailbox.received) == 3


@pytest.mark.parametrize("bad", [dict(host=""), dict(host="mail", security="tls"), dict(host="mail", port=0)])
def test_bad_smtp_settings_are_refused_with_a_clear_error(bad):
    with pytest.raises(ValueError, match="SMTP"):
        SmtpSettings(**bad)



def test_a_line_break_in_a_station_name_cannot_add_a_header():
    # Never stored so (content.text turns line breaks in a name into spaces), but the mail does not rely on it.
    station = Station(name="Đài xã Minh Tân\r\nBcc: ai.do@example.vn", contact="")
    alert = ConfirmationAlert(station=station, day=local(6).date(), slots=["06:00"], items=1)
    notice = Notification(alert=alert, kind=NoticeKind.MISSED_CONFIRMATION, email_to="bientap.minhtan@example.vn")
    mail = compose(notice, notices_url=URL)
    assert "\n" not in mail.subject and "\r" not in mail.subject
    assert mail.subject.startswith("[Loa] Đài xã Minh Tân Bcc: ai.do@example.vn chưa xác nhận")
