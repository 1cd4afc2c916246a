"""Reading a Page post's figures back from a local Graph API: counts, views, and each failure kind."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.fakes.facebook import FakeFacebook, graph_error
from bench.fakes.samples import make_outgoing
from bench.fakes.server import Reply
from scheduler.channels import ChannelError, Endpoints
from scheduler.channels.facebook import FacebookPage
from scheduler.channels.facebook_metrics import FacebookPostMetrics
from scheduler.channels.metrics import METRICS_REGISTRY, metrics_reader

PAGE_ID = "104857600123456"
PAGE_TOKEN = "EAAGm0PX4ZCpsBAFakeTokenCongAnXaHoaPhong3f9a"


@pytest.fixture
def facebook() -> Iterator[FakeFacebook]:
    with FakeFacebook(PAGE_ID, PAGE_TOKEN) as fake:
        yield fake


def posted(fake: FakeFacebook) -> str:
    return FacebookPage(timeout=0.5, api_base=fake.url).send(make_outgoing({"page_id": PAGE_ID}, secret=PAGE_TOKEN))


def read(fake: FakeFacebook, post_id: str, *, secret: str | None = PAGE_TOKEN, timeout: float = 0.5):
    return FacebookPostMetrics(timeout=timeout, api_base=fake.url).read(post_id, secret=secret, settings={})


def failure(fake: FakeFacebook, post_id: str, **kwargs) -> ChannelError:
    with pytest.raises(ChannelError) as caught:
        read(fake, post_id, **kwargs)
    assert PAGE_TOKEN not in str(caught.value)
    return caught.value


def test_the_reader_is_built_from_the_operators_api_address():
    reader = metrics_reader("facebook", Endpoints(facebook_api="https://graph-proxy.tinh.example.vn"))
    assert isinstance(reader, FacebookPostMetrics) and reader.base == "https://graph-proxy.tinh.example.vn/v25.0"


@pytest.mark.parametrize("kind", ["telegram", "webhook", "portal", "feed", "station"])
def test_platforms_without_figures_have_no_reader(kind):
    assert metrics_reader(kind, Endpoints()) is None and kind not in METRICS_REGISTRY


def test_counts_and_views_come_back_under_their_graph_names_and_version(facebook):
    post_id = posted(facebook)
    facebook.figures[post_id] = {"reactions": 41, "comments": 7, "shares": 3, "post_media_view": 1520,
                                 "post_total_media_view_unique": 980}
    reading = read(facebook, post_id)
    assert reading.api_version == "v25.0"
    assert reading.values == {"reactions": 41.0, "comments": 7.0, "shares": 3.0, "post_media_view": 1520.0,
                              "post_total_media_view_unique": 980.0}
    node, insights = facebook.requests[-2:]
    assert (node.method, node.path) == ("GET", f"/v25.0/{post_id}")
    assert node.query["fields"] == "shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)"
    assert insights.path == f"/v25.0/{post_id}/insights"
    assert insights.query["metric"] == "post_media_view,post_total_media_view_unique"
    # The token goes in a header, never in the URL where proxies and logs would keep it.
    assert all("access_token" not in r.query and r.headers["authorization"] == f"Bearer {PAGE_TOKEN}"
               for r in (node, insights))


def test_a_post_nobody_shared_reads_zero_shares_as_graph_omits_the_field(facebook):
    post_id = posted(facebook)
    facebook.figures[post_id] = {"reactions": 2}
    assert read(facebook, post_id).values["shares"] == 0.0


def test_a_retired_views_metric_keeps_the_counts(facebook, monkeypatch):
    post_id = posted(facebook)
    facebook.figures[post_id] = {"reactions": 5, "comments": 1}
    monkeypatch.setattr("bench.fakes.facebook.VIEW_METRICS", ("page_media_view",))  # this version retired ours
    assert read(facebook, post_id).values == {"reactions": 5.0, "comments": 1.0, "shares": 0.0}


def test_page_throttling_is_retried_after_the_usage_headers_wait(facebook):
    post_id = posted(facebook)
    facebook.queue(facebook.throttle_reply(code=32, regain_minutes=12))
    error = failure(facebook, post_id)
    assert error.retryable and error.retry_after == 720


def test_an_http_429_with_retry_after_is_retried_after_it(facebook):
    post_id = posted(facebook)
    facebook.queue(graph_error("Too many calls", 4, status=429, headers={"Retry-After": "90"}))
    error = failure(facebook, post_id)
    assert error.retryable and error.retry_after == 300  # code 4 is app throttling: the generous first wait


def test_a_bare_429_from_a_proxy_uses_its_retry_after(facebook):
    post_id = posted(facebook)
    facebook.queue(Reply.text("Too Many Requests", 429, headers={"Retry-After": "90"}))
    error = failure(facebook, post_id)
    assert error.retryable and error.retry_after == 90


def test_a_server_error_is_retryable(facebook):
    post_id = posted(facebook)
    facebook.fail(status=500)
    assert failure(facebook, post_id).retryable


def test_a_timeout_is_retryable(facebook):
    post_id = posted(facebook)
    facebook.delay(0.5)
    assert failure(facebook, post_id, timeout=0.1).retryable


def test_an_expired_token_is_not_retryable_and_says_so(facebook):
    post_id = posted(facebook)
    facebook.reject_token()
    error = failure(facebook, post_id)
    assert not error.retryable and error.needs_attention and "190/463" in str(error)


def test_a_deleted_post_is_a_final_error(facebook):
    error = failure(facebook, f"{PAGE_ID}_999")
    assert not error.retryable and "100/33" in str(error)


def test_no_token_is_refused_before_calling(facebook):
    error = failure(facebook, f"{PAGE_ID}_1", secret=None)
    assert error.needs_attention and facebook.requests == []
