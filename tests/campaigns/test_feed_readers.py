"""Subscriber counts announced in feed services' User-Agent headers: read from the real ones, refused when
they cannot be trusted (no number, two numbers, negative, absurd, an unknown service, a header too long)."""

from __future__ import annotations

import time

import pytest

from campaigns.feed_readers import MAX_AGENT, MAX_SUBSCRIBERS, SubscriberReport, read_subscribers


@pytest.mark.parametrize(("agent", "report"), [
    ("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 131 subscribers; feed-id=feed/https://loa.example.vn/feed.rss)",
     ("Feedly", 131)),
    ("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1 subscriber; feed-id=feed/https://loa.example.vn/feed.atom)",
     ("Feedly", 1)),
    ("Inoreader/1.0 (+http://www.inoreader.com/feed-fetcher; 12 subscribers; )", ("Inoreader", 12)),
    ("NewsBlur Feed Fetcher - 45 subscribers - http://www.newsblur.com/site/6212385/tieng-loa-an-ninh "
     "(Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.1 "
     "Safari/605.1.15)", ("NewsBlur", 45)),
    ("Feedbin feed-id:2719411 - 7 subscribers", ("Feedbin", 7)),
    ("theoldreader.com (+http://theoldreader.com/; 3 subscribers; feed-id=5f0c2e)", ("The Old Reader", 3)),
    ("BazQux/2.4 (+https://bazqux.com/fetcher; 2 subscribers)", ("BazQux", 2)),
    ("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 0 subscribers; feed-id=x)", ("Feedly", 0)),
])
def test_a_feed_services_announced_count_is_read(agent, report):
    assert read_subscribers(agent) == SubscriberReport(*report)


@pytest.mark.parametrize("agent", [
    "",
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; like FeedFetcher-Google)",  # no number
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; many subscribers)",
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; -5 subscribers)",  # negative
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1000000000000 subscribers)",  # 10^12
    f"Feedly/1.0 (+http://www.feedly.com/fetcher.html; {MAX_SUBSCRIBERS + 1} subscribers)",
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 99999999999999999999999999999999999999 subscribers)",
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 12 subscribers; 400 subscribers)",  # which one?
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 1,234 subscribers)",  # 1234 or 1.234?
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 3.5 subscribers)",
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; x131 subscribers)",
    "TinDoc/1.0 (+http://tindoc.example; 5000 subscribers)",  # a service nobody knows: not a row of its own
    "Mozilla/5.0 Feedly/1.0 (131 subscribers)",  # Feedly's fetcher starts its header with its name
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 131 subscribers; " + "a" * MAX_AGENT + ")",  # huge
])
def test_an_untrustworthy_or_missing_count_is_refused(agent):
    assert read_subscribers(agent) is None


def test_a_huge_header_is_refused_quickly():
    agent = "Feedly/1.0 " + "1 " * 500_000 + "subscribers"
    started = time.perf_counter()
    assert read_subscribers(agent) is None
    assert time.perf_counter() - started < 0.05
