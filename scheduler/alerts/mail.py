"""Sending one notice by e-mail through the configured SMTP server (smtplib): formatting apart from sending."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid

SECURITY = ("none", "starttls", "ssl")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    sender: str = "loa@localhost"
    username: str = ""
    password: str = ""
    security: str = "none"  # "starttls" upgrades a plain connection; "ssl" connects with TLS (port 465)
    timeout: float = 20

    def __post_init__(self) -> None:
        if not self.host:
            raise ValueError("an SMTP host is required")
        if self.security not in SECURITY:
            raise ValueError(f"SMTP security must be one of {', '.join(SECURITY)}; got {self.security!r}")
        if not 0 < self.port < 65536:
            raise ValueError(f"SMTP port must be between 1 and 65535; got {self.port}")


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str


class MailError(Exception):
    """A mail that did not go; `permanent` when trying again cannot help (a 5xx answer, a refused address)."""

    def __init__(self, text: str, *, permanent: bool):
        super().__init__(text)
        self.permanent = permanent


def _message(settings: SmtpSettings, mail: Mail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = mail.to
    message["Subject"] = mail.subject
    message["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2] or None)
    message.set_content(mail.body)
    return message


def send_mail(settings: SmtpSettings, mail: Mail) -> None:
    """Hand the mail to the server; raise MailError saying whether a retry can help. Never swallows a failure."""
    message = _message(settings, mail)
    try:
        if settings.security == "ssl":
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                                  context=ssl.create_default_context())
        else:
            smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with smtp:
            if settings.security == "starttls":
                smtp.starttls(context=ssl.create_default_context())
            if settings.username:
                smtp.login(settings.username, settings.password)
            smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as error:
        raise MailError(f"the server refused {mail.to}: {_answers(error.recipients)}", permanent=True) from error
    except smtplib.SMTPResponseException as error:
        answer = error.smtp_error.decode("utf-8", "replace") if isinstance(error.smtp_error, bytes) \
            else str(error.smtp_error)
        raise MailError(f"SMTP {error.smtp_code}: {answer}", permanent=500 <= error.smtp_code < 600) from error
    except (smtplib.SMTPException, OSError) as error:
        # Connection refused, a timeout, a dropped line, a TLS failure: the server may be back later.
        raise MailError(f"{type(error).__name__}: {error}", permanent=False) from error


def _answers(recipients: dict[str, tuple[int, bytes]]) -> str:
    return "; ".join(f"{code} {text.decode('utf-8', 'replace')}" for code, text in recipients.values())
