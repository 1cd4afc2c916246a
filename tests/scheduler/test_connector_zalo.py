"""The Zalo OA connector against a local Open API: create an article, verify it, map the negative codes."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from bench.fakes.samples import HTML, TEXT, TITLE, make_outgoing
from bench.fakes.server import Reply
from bench.fakes.zalo import FakeZalo, zalo
from scheduler.channels import REGISTRY, ChannelError, Endpoints
from scheduler.channels.zalo import ZaloArticle

OA_TOKEN = "zaloOA_FakeAccessToken_XaHoaPhong_8c21"
IMAGE = "https://loa.hoaphong.example/media/canh-bao-cuoc-goi.jpg"


@pytest.fixture
def oa() -> Iterator[FakeZalo]:
    with FakeZalo(OA_TOKEN) as fake:
        yield fake


class Pauses:
    """Stands in for time.sleep between verify calls, so tests never wait."""

    def __init__(self) -> None:
        self.taken: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.taken.append(seconds)


def send(fake: FakeZalo, *, secret: str | None = OA_TOKEN, timeout: float = 0.3, pauses: Pauses | None = None,
         **overrides) -> str:
    settings = {"author": "Công an xã Hòa Phong", "verify_attempts": 3,
                "verify_interval": 2.0, **overrides.pop("settings", {})}
    connector = ZaloArticle(timeout=timeout, sleep=pauses or Pauses(), api_base=fake.url)
    return connector.send(make_outgoing(settings, secret=secret, **{"image_url": IMAGE, **overrides}))


def failure(fake: FakeZalo, **kwargs) -> ChannelError:
    with pytest.raises(ChannelError) as caught:
        send(fake, **kwargs)
    assert OA_TOKEN not in str(caught.value)
    return caught.value


def test_zalo_is_registered_with_the_operators_api_address():
    connector = REGISTRY["zalo"](Endpoints(zalo_api="https://zalo-proxy.tinh.example.vn/"))
    assert isinstance(connector, ZaloArticle) and connector.api_base == "https://zalo-proxy.tinh.example.vn"
    assert REGISTRY["zalo"](Endpoints()).api_base == "https://openapi.zalo.me"


def test_an_api_address_in_the_channel_settings_is_ignored(oa):
    with FakeZalo(OA_TOKEN) as elsewhere:
        send(oa, settings={"api_base": elsewhere.url})
        assert elsewhere.requests == [] and oa.requests


def test_an_article_is_created_then_verified_and_its_id_returned(oa):
    external_id = send(oa)
    create, verify = oa.requests
    assert (create.path, verify.path) == ("/v2.0/article/create", "/v2.0/article/verify")
    assert create.headers["access_token"] == OA_TOKEN and create.content_type == "application/json"
    article = create.json()
    assert article["title"] == TITLE and article["description"] == TEXT
    assert article["author"] == "Công an xã Hòa Phong"
    assert article["cover"] == {"cover_type": "photo", "photo_url": IMAGE, "status": "show"}
    assert article["body"][0] == {"type": "text", "content": HTML}
    assert "https://loa.hoaphong.example/r/k7Qm2" in article["body"][-1]["content"]
    assert verify.json() == {"token": next(iter(oa.articles))}
    assert external_id in oa.published


def test_while_zalo_is_still_processing_verify_is_asked_again(oa):
    oa.process_slowly(verifies=2)
    pauses = Pauses()
    external_id = send(oa, pauses=pauses)
    assert external_id in oa.published and pauses.taken == [2.0, 2.0]


def test_an_article_still_processing_after_the_last_check_counts_as_sent_by_its_token(oa):
    oa.process_slowly(verifies=5)
    external_id = send(oa)
    assert external_id == f"token:{next(iter(oa.articles))}"  # never created a second time
    assert len(oa.articles) == 1


def test_a_failure_while_verifying_never_leads_to_creating_the_article_again(oa):
    oa.queue(Reply.json({"error": 0, "message": "Success", "data": {"token": "tok-1"}}))  # create, answered
    oa.articles["tok-1"] = {"title": TITLE}
    oa.fail(status=502)  # first verify: gateway error
    external_id = send(oa)
    assert external_id in oa.published
    assert [r.path for r in oa.requests] == ["/v2.0/article/create"] + ["/v2.0/article/verify"] * 2


def test_a_refusal_while_verifying_is_final_and_names_the_article_token(oa):
    oa.queue(Reply.json({"error": 0, "message": "Success", "data": {"token": "tok-2"}}))
    oa.reject_token()  # verify: the token was revoked in between
    error = failure(oa)
    # Not "needs attention": that would hold the delivery and send it again once fixed, a second article.
    assert not error.retryable and not error.needs_attention and "tok-2" in str(error)


def test_an_invalid_access_token_flags_the_channel(oa):
    error = failure(oa, secret="zaloOA_revoked_token")
    assert not error.retryable and error.needs_attention and "-216" in str(error)


def test_a_revoked_token_flags_the_channel(oa):
    oa.reject_token()
    error = failure(oa)
    assert error.needs_attention and oa.articles == {}


def test_the_rate_limit_code_is_retried_later(oa):
    oa.throttle()
    error = failure(oa)
    assert error.retryable and error.retry_after == 60 and "-32" in str(error)


def test_an_http_429_with_retry_after_is_retried_after_it(oa):
    oa.queue(Reply.json({"error": -32, "message": "too many"}, status=429, headers={"Retry-After": "45"}))
    error = failure(oa)
    assert error.retryable and error.retry_after == 45


def test_a_server_error_is_retried(oa):
    oa.fail(status=500)
    error = failure(oa)
    assert error.retryable and not error.needs_attention


def test_a_slow_answer_is_given_up_on_within_the_timeout_and_retried(oa):
    oa.delay(2.0)
    started = time.monotonic()
    error = failure(oa, timeout=0.3)
    assert error.retryable and time.monotonic() - started < 1.0


def test_an_oa_whose_plan_lacks_the_article_api_flags_the_channel(oa):
    oa.queue(zalo(-224, "OA has not been upgraded to use this feature"))
    assert failure(oa).needs_attention


def test_a_refused_article_is_final_with_zalos_message(oa):
    oa.queue(zalo(-201, "cover.photo_url is invalid"))
    error = failure(oa)
    assert not error.retryable and "-201" in str(error) and "photo_url" in str(error)


def test_a_title_over_150_characters_is_refused_before_calling(oa):
    error = failure(oa, title="Tuyên truyền phòng chống tội phạm " * 5)
    assert not error.retryable and "150" in str(error) and oa.requests == []


def test_a_summary_over_300_characters_is_refused_before_calling(oa):
    error = failure(oa, text="Bà con thôn Đông Sơn chú ý. " * 12)
    assert not error.retryable and "300" in str(error) and oa.requests == []


def test_without_any_image_the_channels_default_cover_is_used(oa):
    send(oa, image_url=None, settings={"default_cover_url": "https://loa.hoaphong.example/media/bia.png"})
    assert oa.requests[0].json()["cover"]["photo_url"] == "https://loa.hoaphong.example/media/bia.png"


def test_without_any_cover_the_article_is_refused_before_calling(oa):
    error = failure(oa, image_url=None)
    assert not error.retryable and "ảnh bìa" in str(error) and oa.requests == []


def test_a_channel_without_a_token_flags_the_channel(oa):
    assert failure(oa, secret=None).needs_attention and oa.requests == []
