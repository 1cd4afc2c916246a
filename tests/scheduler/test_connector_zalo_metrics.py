"""Reading a Zalo OA article's views and shares back from a local Open API, failures included."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bench.fakes.samples import make_outgoing
from bench.fakes.zalo import FakeZalo
from scheduler.channels import ChannelError, Endpoints
from scheduler.channels.metrics import metrics_reader
from scheduler.channels.zalo import ZaloArticle
from scheduler.channels.zalo_metrics import ZaloArticleMetrics

OA_TOKEN = "zaloOA_FakeAccessToken_XaHoaPhong_8c21"
IMAGE = "https://loa.hoaphong.example/media/canh-bao-cuoc-goi.jpg"


@pytest.fixture
def oa() -> Iterator[FakeZalo]:
    with FakeZalo(OA_TOKEN) as fake:
        yield fake


def published(fake: FakeZalo, title: str = "Cảnh giác cuộc gọi giả danh") -> str:
    connector = ZaloArticle(timeout=0.5, sleep=lambda seconds: None, api_base=fake.url)
    return connector.send(make_outgoing({"author": "Công an xã Hòa Phong"}, secret=OA_TOKEN, title=title,
                                        image_url=IMAGE))


def read(fake: FakeZalo, article_id: str, *, secret: str | None = OA_TOKEN, timeout: float = 0.5):
    return ZaloArticleMetrics(timeout=timeout, api_base=fake.url).read(article_id, secret=secret, settings={})


def failure(fake: FakeZalo, article_id: str, **kwargs) -> ChannelError:
    with pytest.raises(ChannelError) as caught:
        read(fake, article_id, **kwargs)
    assert OA_TOKEN not in str(caught.value)
    return caught.value


def test_the_reader_is_built_from_the_operators_api_address():
    reader = metrics_reader("zalo", Endpoints(zalo_api="https://zalo-proxy.tinh.example.vn/"))
    assert isinstance(reader, ZaloArticleMetrics) and reader.api_base == "https://zalo-proxy.tinh.example.vn"


def test_views_and_shares_come_from_the_article_list(oa):
    article_id = published(oa)
    oa.figures[article_id] = {"total_view": 2310, "total_share": 14}
    reading = read(oa, article_id)
    assert reading.api_version == "v2.0" and reading.values == {"total_view": 2310.0, "total_share": 14.0}
    request = oa.requests[-1]
    assert (request.method, request.path) == ("GET", "/v2.0/article/getslice")
    assert request.query == {"offset": "0", "limit": "10", "type": "normal"}
    assert request.headers["access_token"] == OA_TOKEN


def test_an_older_article_is_found_on_a_later_page(oa):
    article_id = published(oa, "Bài cũ")
    for number in range(12):
        published(oa, f"Bài mới {number}")
    oa.figures[article_id] = {"total_view": 77, "total_share": 1}
    assert read(oa, article_id).values == {"total_view": 77.0, "total_share": 1.0}
    assert [r.query["offset"] for r in oa.requests if r.method == "GET"] == ["0", "10"]


def test_an_article_not_in_the_list_records_nothing(oa):
    published(oa)
    assert read(oa, "9999ffffffff").values == {}
    assert len([r for r in oa.requests if r.method == "GET"]) == 1  # the list ended on its first page


def test_an_article_zalo_never_confirmed_is_not_looked_up(oa):
    assert read(oa, "token:abc123").values == {} and oa.requests == []


def test_the_rate_limit_code_is_retried_later(oa):
    article_id = published(oa)
    oa.throttle()
    error = failure(oa, article_id)
    assert error.retryable and error.retry_after == 60 and "-32" in str(error)


def test_a_gateway_error_is_retryable(oa):
    article_id = published(oa)
    oa.fail(status=502)
    assert failure(oa, article_id).retryable


def test_a_timeout_is_retryable(oa):
    article_id = published(oa)
    oa.delay(0.5)
    assert failure(oa, article_id, timeout=0.1).retryable


def test_an_expired_token_is_not_retryable(oa):
    article_id = published(oa)
    oa.reject_token()
    error = failure(oa, article_id)
    assert not error.retryable and error.needs_attention and "-216" in str(error)


def test_no_token_is_refused_before_calling(oa):
    assert failure(oa, "0001a1b2c3d4e5f6", secret=None).needs_attention and oa.requests == []
