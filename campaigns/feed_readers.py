"""Subscriber counts that feed services announce in their User-Agent when they poll a feed, e.g.
"Feedly/1.0 (+http://www.feedly.com/fetcher.html; 131 subscribers; feed-id=…)".

A platform-reported figure: Loa cannot check it, and anyone can send such a header. So only services on a known
list are read (a made-up name never becomes a row), one count per header (two numbers are ambiguous, none is
taken), and a number no feed reader could have (past MAX_SUBSCRIBERS), a negative one or an absurdly long header
is refused rather than shown.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# Feedly's largest feeds have a few million followers; a count past this is a lie or a bug.
MAX_SUBSCRIBERS = 50_000_000
# Real fetchers' headers are under 300 characters; reading further is work for an attacker's benefit.
MAX_AGENT = 1000

# (service name as shown, how its fetcher's header starts or names it)
SERVICES: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
    ("Feedly", r"^Feedly(?:Bot)?/"),
    ("Inoreader", r"^Inoreader/"),
    ("NewsBlur", r"^NewsBlur Feed Fetcher"),
    ("Feedbin", r"^Feedbin "),
    ("The Old Reader", r"^theoldreader\.com"),
    ("BazQux", r"^BazQux/"),
    ("Feeder", r"^Feeder\.co"),
    ("Netvibes", r"^Netvibes "),
    ("Bloglovin", r"^Bloglovin/"),
    ("FeedHQ", r"^FeedHQ/"),
    ("Superfeedr", r"^Superfeedr bot/"),
    ("Google Feedfetcher", r"^Feedfetcher-Google"),
))
# "131 subscribers", "1 subscriber", "45 readers"; a minus sign or a digit glued before the number refuses it.
_COUNT = re.compile(r"(?<![\w.,+-])(-?\d[\d,.]*)\s+(?:subscribers?|readers?)\b", re.IGNORECASE)


class SubscriberReport(NamedTuple):
    service: str
    subscribers: int


def read_subscribers(agent: str) -> SubscriberReport | None:
    """The service and the subscriber count its fetcher announces, or None when there is no trustworthy one."""
    if not agent or len(agent) > MAX_AGENT:
        return None
    service = next((name for name, pattern in SERVICES if pattern.search(agent)), None)
    if service is None:
        return None
    counts = _COUNT.findall(agent)
    if len(counts) != 1:
        return None
    text = counts[0]
    if not text.isdigit() or len(text) > len(str(MAX_SUBSCRIBERS)):
        return None  # negative, or "1,234" / "1.234", whose thousands separator could be either
    number = int(text)
    return SubscriberReport(service, number) if number <= MAX_SUBSCRIBERS else None
