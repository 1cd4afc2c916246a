"""Which transport failures leave a send's outcome unknown: real sockets, real servers, no mocks.

Before the request could reach the platform (refused, connect timeout, unknown name) the failure
is plain and retryable; after it was written (no answer in time, the connection dropped while
waiting) it is ambiguous, and says a person must check.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
import requests

from bench.fakes.facebook import FakeFacebook
from bench.fakes.samples import make_outgoing
from bench.fakes.telegram import FakeTelegram
from bench.fakes.webhook import WebhookReceiver
from bench.fakes.zalo import FakeZalo
from scheduler.channels import ChannelError
from scheduler.channels.facebook import FacebookPage
from scheduler.channels.http import call, make_session
from scheduler.channels.telegram import TelegramChannel
from scheduler.channels.webhook import SignedWebhook
from scheduler.channels.zalo import ZaloArticle
from tests.outcome_sockets import refused_url, unanswered_url

TOKEN = "7301234567:AAFakeTokenXaHoaPhong_0123456789abc"
CHANNEL = "@anninh_thonbacha"
TIMEOUT = (0.3, 0.3)


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    with FakeTelegram(TOKEN, {CHANNEL: -1001987650000}) as fake:
        yield fake


def telegram_failure(api_base: str) -> ChannelError:
    connector = TelegramChannel(timeout=TIMEOUT, api_base=api_base)
    with pytest.raises(ChannelError) as caught:
        connector.send(make_outgoing({"chat_id": CHANNEL}, secret=TOKEN))
    assert TOKEN not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__  # raised `from None`
    return caught.value


def test_a_dropped_answer_after_the_post_is_ambiguous_and_asks_a_person(telegram):
    telegram.drop_after_handling()
    error = telegram_failure(telegram.url)
    assert len(telegram.sent) == 1  # it did reach Telegram
    assert error.ambiguous and error.retryable
    assert "kết nối bị ngắt" in str(error) and "Cần người xem trên Telegram" in str(error)


def test_an_answer_after_the_read_timeout_is_ambiguous(telegram):
    telegram.answer_late(1.0)
    error = telegram_failure(telegram.url)
    assert len(telegram.sent) == 1
    assert error.ambiguous and "quá thời gian chờ trả lời" in str(error)


def test_a_refused_connection_is_plainly_retryable():
    error = telegram_failure(refused_url())
    assert error.retryable and not error.ambiguous and "chưa gửi được gì" in str(error)


def test_a_connect_timeout_is_plainly_retryable():
    with unanswered_url() as url:
        error = telegram_failure(url)
    assert error.retryable and not error.ambiguous and "quá thời gian chờ kết nối" in str(error)


def test_an_unknown_host_name_is_plainly_retryable():
    error = telegram_failure("http://khong-co-may-chu-nay.invalid")
    assert error.retryable and not error.ambiguous


def test_a_failed_tls_handshake_is_plainly_retryable(telegram):
    # Telegram's fake speaks plain HTTP: the client's TLS hello gets an HTTP error page, never a handshake.
    error = telegram_failure(telegram.url.replace("http://", "https://"))
    assert error.retryable and not error.ambiguous
    assert telegram.sent == []


def test_a_read_that_times_out_is_not_ambiguous(telegram):
    """A GET (metrics, the duplicate check) changes nothing on the platform, so asking again is safe."""
    telegram.answer_late(1.0)
    with pytest.raises(ChannelError) as caught:
        call(make_session(), "GET", f"{telegram.url}/bot{TOKEN}/getMe", platform="Telegram", timeout=TIMEOUT)
    assert caught.value.retryable and not caught.value.ambiguous


def test_a_post_the_caller_says_is_harmless_twice_is_not_ambiguous(telegram):
    telegram.drop_after_handling()
    with pytest.raises(ChannelError) as caught:
        call(make_session(), "POST", f"{telegram.url}/ping", platform="WebSub", timeout=TIMEOUT, repeatable=True)
    assert caught.value.retryable and not caught.value.ambiguous and "Cần người" not in str(caught.value)


def test_a_body_cut_short_is_ambiguous():
    """The status line came, the body did not: the platform answered and nobody knows what."""
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        session = make_session()

        def answer_half() -> None:
            connection, _ = server.accept()
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"ok\"")
            connection.close()

        thread = threading.Thread(target=answer_half, daemon=True)
        thread.start()
        with pytest.raises(ChannelError) as caught:
            call(session, "POST", f"http://127.0.0.1:{port}/bot{TOKEN}/sendMessage", platform="Telegram",
                 timeout=TIMEOUT, json={"chat_id": CHANNEL, "text": "Thôn Bắc Hà họp dân"})
        thread.join(2)
    assert caught.value.ambiguous and TOKEN not in str(caught.value)


def test_a_zalo_article_dropped_after_creation_is_ambiguous():
    with FakeZalo("oa-token-thon-bac-ha") as zalo:
        zalo.drop_after_handling()
        connector = ZaloArticle(timeout=TIMEOUT, api_base=zalo.url, sleep=lambda seconds: None)
        with pytest.raises(ChannelError) as caught:
            connector.send(make_outgoing({"author": "Công an xã Bắc Hà"}, secret="oa-token-thon-bac-ha",
                                         image_url="https://loa.example.vn/media/bia.jpg"))
    assert caught.value.ambiguous and "Zalo" in str(caught.value)


def test_a_webhook_timeout_is_ambiguous_but_says_the_receiver_drops_the_repeat():
    with WebhookReceiver("khóa-thôn-bắc-hà") as receiver:
        receiver.answer_late(1.0)
        connector = SignedWebhook(timeout=TIMEOUT, allowed_hosts=frozenset({"127.0.0.1"}))
        with pytest.raises(ChannelError) as caught:
            connector.send(make_outgoing({"url": f"{receiver.url}/nhan"}, secret="khóa-thôn-bắc-hà"))
    assert caught.value.ambiguous and caught.value.retryable and "Idempotency-Key" in str(caught.value)
    assert connector.deduplicates


def test_requests_itself_sorts_these_failures_as_the_rule_assumes(telegram):
    """If a requests or urllib3 upgrade changes what it raises, this says so before the rule silently drifts."""
    telegram.drop_after_handling()
    with pytest.raises(requests.ConnectionError) as dropped:
        make_session().post(f"{telegram.url}/bot{TOKEN}/sendMessage", json={}, timeout=TIMEOUT)
    assert type(dropped.value.args[0]).__name__ == "ProtocolError"
    with pytest.raises(requests.ConnectionError) as refused:
        make_session().post(refused_url(), timeout=TIMEOUT)
    assert type(refused.value.args[0]).__name__ == "MaxRetryError"


FB_PAGE, FB_TOKEN = "104857600777001", "EAAGm0PX4ZCpsBAFakeTokenXaBacHa0000"


def facebook_send(fake: FakeFacebook) -> str:
    connector = FacebookPage(timeout=TIMEOUT, api_base=fake.url)
    return connector.send(make_outgoing({"page_id": FB_PAGE}, secret=FB_TOKEN))


def test_a_facebook_post_whose_answer_was_lost_is_found_on_the_page():
    """Facebook lets Loa look: the post is on the Page, so the send succeeded and nobody needs to check."""
    with FakeFacebook(FB_PAGE, FB_TOKEN) as facebook:
        facebook.drop_after_handling()
        assert facebook_send(facebook) == facebook.posts[0]["id"]
        assert len(facebook.posts) == 1 and facebook.requests[-1].method == "GET"


def test_the_same_words_posted_last_week_do_not_pass_for_this_send():
    with FakeFacebook(FB_PAGE, FB_TOKEN) as facebook:
        facebook_send(facebook)
        facebook.posts[0]["created_time"] = "2026-11-16T01:00:00+0000"
        facebook.drop_after_handling()  # this time Facebook refuses the repeat (506), and the answer is lost
        with pytest.raises(ChannelError) as caught:
            facebook_send(facebook)
    assert caught.value.ambiguous and FB_TOKEN not in str(caught.value)
