"""The Facebook Page connector against a local Graph API: real HTTP, documented answers and error codes."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from bench.fakes.facebook import FakeFacebook, graph_error
from bench.fakes.samples import TEXT, make_outgoing
from scheduler.channels import REGISTRY, ChannelError, Endpoints
from scheduler.channels.facebook import FacebookPage

PAGE_ID = "104857600123456"
PAGE_TOKEN = "EAAGm0PX4ZCpsBAFakeTokenCongAnXaHoaPhong3f9a"
IMAGE = "https://loa.hoaphong.example/media/canh-bao-cuoc-goi.jpg"


@pytest.fixture
def facebook() -> Iterator[FakeFacebook]:
    with FakeFacebook(PAGE_ID, PAGE_TOKEN) as fake:
        yield fake


def send(fake: FakeFacebook, *, secret: str | None = PAGE_TOKEN, timeout: float = 0.3, **overrides) -> str:
    settings = {"page_id": PAGE_ID, **overrides.pop("settings", {})}
    return FacebookPage(timeout=timeout, api_base=fake.url).send(make_outgoing(settings, secret=secret, **overrides))


def failure(fake: FakeFacebook, **kwargs) -> ChannelError:
    with pytest.raises(ChannelError) as caught:
        send(fake, **kwargs)
    assert PAGE_TOKEN not in str(caught.value)
    return caught.value


def test_facebook_is_registered_with_the_operators_api_address():
    connector = REGISTRY["facebook"](Endpoints(facebook_api="https://graph-proxy.tinh.example.vn"))
    assert isinstance(connector, FacebookPage) and connector.base == "https://graph-proxy.tinh.example.vn/v25.0"
    assert REGISTRY["facebook"](Endpoints()).base == "https://graph.facebook.com/v25.0"


def test_an_api_address_or_version_in_the_channel_settings_is_ignored(facebook):
    with FakeFacebook(PAGE_ID, PAGE_TOKEN) as elsewhere:
        send(facebook, settings={"api_base": elsewhere.url, "api_version": "v1.0"})
        assert elsewhere.requests == [] and facebook.requests[-1].path.startswith("/v25.0/")


def test_a_link_post_goes_to_the_page_feed_and_returns_the_post_id(facebook):
    external_id = send(facebook)
    request = facebook.requests[-1]
    assert (request.method, request.path) == ("POST", f"/v25.0/{PAGE_ID}/feed")
    assert request.content_type == "application/x-www-form-urlencoded"
    assert request.form() == {"message": TEXT, "link": "https://loa.hoaphong.example/r/k7Qm2",
                              "access_token": PAGE_TOKEN}
    assert "access_token" not in request.query  # the token stays out of URLs and their logs
    assert external_id == facebook.posts[-1]["id"] and external_id.startswith(f"{PAGE_ID}_")


def test_a_post_with_an_image_is_a_photo_post_with_the_link_in_its_caption(facebook):
    external_id = send(facebook, image_url=IMAGE)
    request = facebook.requests[-1]
    assert request.path == f"/v25.0/{PAGE_ID}/photos"
    assert request.form()["url"] == IMAGE
    assert request.form()["caption"].endswith("\n\nhttps://loa.hoaphong.example/r/k7Qm2")
    assert external_id == facebook.posts[-1]["id"]  # the feed post, not the photo object


def test_an_expired_token_flags_the_channel(facebook):
    facebook.reject_token()
    error = failure(facebook)
    assert not error.retryable and error.needs_attention and "190/463" in str(error)


def test_a_wrong_token_flags_the_channel(facebook):
    error = failure(facebook, secret="EAAGsomeoneElsesPageToken0000")
    assert error.needs_attention and "190" in str(error)


def test_a_missing_permission_flags_the_channel(facebook):
    facebook.queue(graph_error("(#200) The user hasn't authorized the application to perform this action", 200,
                               status=403))
    error = failure(facebook)
    assert error.needs_attention and not error.retryable and "mã 200" in str(error)


def test_page_throttling_waits_as_long_as_the_usage_header_says(facebook):
    facebook.queue(facebook.throttle_reply(code=32, regain_minutes=12))
    error = failure(facebook)
    assert error.retryable and error.retry_after == 12 * 60 and "mã 32" in str(error)


@pytest.mark.parametrize("code", [4, 17, 613])
def test_other_throttling_codes_are_retried_later(facebook, code):
    facebook.queue(graph_error("(#4) Application request limit reached", code))
    error = failure(facebook)
    assert error.retryable and error.retry_after == 300 and f"mã {code}" in str(error)


def test_a_server_error_is_retried(facebook):
    facebook.fail(status=500)
    error = failure(facebook)
    assert error.retryable and not error.needs_attention


def test_a_slow_answer_is_given_up_on_within_the_timeout_and_retried(facebook):
    facebook.delay(2.0)
    started = time.monotonic()
    error = failure(facebook, timeout=0.3)
    assert error.retryable and time.monotonic() - started < 1.0


def test_a_duplicate_after_a_lost_answer_records_the_post_already_on_the_page(facebook):
    first = send(facebook)
    again = send(facebook)  # as after a timeout: the same text, refused with 506
    assert again == first and len(facebook.posts) == 1
    assert facebook.requests[-1].method == "GET" and facebook.requests[-1].query["fields"] == "id,message"


def test_a_duplicate_photo_post_is_found_by_its_caption(facebook):
    first = send(facebook, image_url=IMAGE)
    assert send(facebook, image_url=IMAGE) == first


def test_a_duplicate_that_cannot_be_found_is_a_final_error(facebook):
    facebook.queue(graph_error("Duplicate status message", 506, subcode=1455006))
    error = failure(facebook)
    assert not error.retryable and not error.needs_attention and "506" in str(error)


def test_a_refused_post_is_final_with_facebooks_message(facebook):
    facebook.queue(graph_error("(#100) The link you provided is not valid", 100))
    error = failure(facebook)
    assert not error.retryable and "mã 100" in str(error) and "link you provided" in str(error)


def test_a_wrong_page_id_is_final(facebook):
    error = failure(facebook, settings={"page_id": "999"})
    assert not error.retryable and "mã 100/33" in str(error)


def test_a_message_over_the_limit_is_refused_before_calling(facebook):
    error = failure(facebook, text="Phòng chống ma túy. " * 3200)
    assert not error.retryable and "63206" in str(error) and facebook.requests == []


def test_a_channel_without_page_id_or_token_flags_the_channel(facebook):
    assert failure(facebook, settings={"page_id": ""}).needs_attention
    assert failure(facebook, secret=None).needs_attention
    assert facebook.requests == []
