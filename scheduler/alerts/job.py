"""The periodic alert job: raise what is overdue, then mail what waits. Safe on every worker at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from scheduler.alerts.mail import SmtpSettings
from scheduler.alerts.mailing import MailReport, send_due_mails
from scheduler.alerts.missed import RaiseReport, raise_alerts

DEFAULT_GRACE = timedelta(minutes=30)


@dataclass(frozen=True)
class AlertSettings:
    zone: ZoneInfo
    grace: timedelta = DEFAULT_GRACE
    smtp: SmtpSettings | None = None  # None: notices in Loa only
    notices_url: str = ""  # the notifications page, linked from each mail
    interval_seconds: float = 300


@dataclass(frozen=True)
class AlertReport:
    raised: RaiseReport
    mailed: MailReport


def run_alert_job(session_factory: sessionmaker[Session], *, now: datetime, settings: AlertSettings) -> AlertReport:
    raised = raise_alerts(session_factory, now=now, zone=settings.zone, grace=settings.grace,
                          email_enabled=settings.smtp is not None)
    mailed = (send_due_mails(session_factory, now=now, smtp=settings.smtp, notices_url=settings.notices_url)
              if settings.smtp is not None else MailReport())
    return AlertReport(raised, mailed)
