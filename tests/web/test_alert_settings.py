"""The alert job's settings from LOA_* configuration: the grace, the SMTP server, and the job in the worker."""

from __future__ import annotations

from datetime import timedelta

import pytest

from scheduler.jobs import make_scheduler
from web.mail_settings import alert_settings


def configured(app, **settings):  # type: ignore[no-untyped-def]
    app.config.update(settings)
    return alert_settings(app)


def test_by_default_the_grace_is_thirty_minutes_and_no_mail_is_sent(app):
    settings = alert_settings(app)
    assert settings.grace == timedelta(minutes=30)
    assert settings.smtp is None
    assert settings.zone.key == "Asia/Ho_Chi_Minh"


def test_the_grace_is_read_from_an_environment_string(app):
    assert configured(app, CONFIRMATION_GRACE_MINUTES="45").grace == timedelta(minutes=45)


@pytest.mark.parametrize("value", ["nửa tiếng", "-5", "2000", "1.5"])
def test_a_bad_grace_is_refused_with_a_clear_message(app, value):
    with pytest.raises(ValueError, match="LOA_CONFIRMATION_GRACE_MINUTES"):
        configured(app, CONFIRMATION_GRACE_MINUTES=value)


@pytest.mark.parametrize("value", ["năm phút", "0", "86400"])
def test_a_bad_check_interval_is_refused_with_a_clear_message(app, value):
    with pytest.raises(ValueError, match="LOA_ALERT_SECONDS"):
        configured(app, ALERT_SECONDS=value)


def test_an_smtp_host_turns_mail_on(app):
    settings = configured(app, SMTP_HOST="mail.tinh-thu.example.vn", SMTP_PORT="587", SMTP_SECURITY="STARTTLS",
                          SMTP_USERNAME="loa", SMTP_PASSWORD="mat-khau-thu", BASE_URL="https://loa.tinh-thu.example.vn")
    assert settings.smtp is not None
    assert (settings.smtp.host, settings.smtp.port, settings.smtp.security) == ("mail.tinh-thu.example.vn", 587,
                                                                                 "starttls")
    assert settings.smtp.sender == "loa@mail.tinh-thu.example.vn"
    assert settings.notices_url == "https://loa.tinh-thu.example.vn/notifications/"


@pytest.mark.parametrize("bad, match", [({"SMTP_PORT": "hai lăm"}, "LOA_SMTP_PORT"),
                                        ({"SMTP_PORT": "70000"}, "port"),
                                        ({"SMTP_SECURITY": "tls"}, "security")])
def test_bad_smtp_settings_are_refused_with_a_clear_message(app, bad, match):
    with pytest.raises(ValueError, match=match):
        configured(app, SMTP_HOST="mail.example.vn", **bad)


def test_the_worker_runs_the_alert_job_only_when_given_its_settings(app, session_factory, clock):
    with_alerts = make_scheduler(session_factory, clock=clock, alerts=alert_settings(app))
    without = make_scheduler(session_factory, clock=clock)
    assert with_alerts.get_job("alerts") is not None
    assert without.get_job("alerts") is None
