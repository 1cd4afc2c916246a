"""What the HTTP connectors share: Retry-After in both its forms, scrubbing, sessions that never retry alone."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from scheduler.backoff import backoff
from scheduler.channels.contract import Outgoing
from scheduler.channels.http import make_session, parse_retry_after, scrub

NOW = datetime(2025, 9, 2, 6, 0, tzinfo=timezone.utc)


def test_retry_after_in_seconds():
    assert parse_retry_after("120") == 120.0


def test_retry_after_as_an_http_date():
    when = format_datetime(NOW + timedelta(seconds=90), usegmt=True)
    assert parse_retry_after(when, now=NOW.timestamp()) == pytest.approx(90)


def test_retry_after_in_the_past_means_now():
    when = format_datetime(NOW - timedelta(minutes=5), usegmt=True)
    assert parse_retry_after(when, now=NOW.timestamp()) == 0


@pytest.mark.parametrize("value", [None, "", "  ", "sớm thôi", "-5", "1.5e3"])
def test_a_retry_after_that_says_nothing_usable_is_ignored(value):
    assert parse_retry_after(value) is None


def test_a_platform_message_is_cleared_of_the_secret_and_kept_short():
    assert scrub("token EAAB123 is invalid", "EAAB123") == "token •••••• is invalid"
    assert len(scrub("x" * 1000, None)) == 300


def test_sessions_do_not_retry_on_their_own():
    session = make_session()
    assert session.get_adapter("https://graph.facebook.com").max_retries.total == 0


def test_the_tracked_link_falls_back_to_the_message_url():
    outgoing = Outgoing(1, "k", "Tiêu đề", "Nội dung", "<p>Nội dung</p>", "https://loa.example/tin/a", {})
    assert outgoing.share_link == "https://loa.example/tin/a"
    assert outgoing.text_with_link() == "Nội dung\n\nhttps://loa.example/tin/a"


def test_the_secret_stays_out_of_the_outgoing_repr():
    outgoing = Outgoing(1, "k", "Tiêu đề", "Nội dung", "", "https://loa.example/tin/a", {}, secret="bí-mật-123")
    assert "bí-mật-123" not in repr(outgoing)


@pytest.mark.parametrize("value", ["9" * 30, "99999999999", "Fri, 31 Dec 9999 23:59:59 GMT"])
def test_a_retry_after_from_a_hostile_server_waits_a_day_at_most_and_still_makes_a_next_attempt_time(value):
    seconds = parse_retry_after(value, now=NOW.timestamp())
    assert seconds == 24 * 3600
    assert NOW + backoff(1, retry_after=seconds) <= NOW + timedelta(days=1)


def test_a_retry_after_in_other_digits_is_not_a_number():
    assert parse_retry_after("²") is None
