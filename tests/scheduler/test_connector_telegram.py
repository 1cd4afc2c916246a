"""The Telegram connector against a local Bot API: real HTTP, the documented answers and errors."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from bench.fakes.samples import make_outgoing
from bench.fakes.server import Reply
from bench.fakes.telegram import FakeTelegram
from scheduler.channels import REGISTRY, ChannelError, Endpoints
from scheduler.channels.telegram import TelegramChannel

TOKEN = "7301234567:AAFakeTokenXaHoaPhong_0123456789abc"
CHANNEL = "@anninh_hoaphong"


@pytest.fixture
def telegram() -> Iterator[FakeTelegram]:
    with FakeTelegram(TOKEN, {CHANNEL: -1001987654321}) as fake:
        yield fake


def send(fake: FakeTelegram, *, secret: str = TOKEN, timeout: float = 0.3, **overrides) -> str:
    settings = {"chat_id": CHANNEL, **overrides.pop("settings", {})}
    return TelegramChannel(timeout=timeout, api_base=fake.url).send(make_outgoing(settings, secret=secret, **overrides))


def failure(fake: FakeTelegram, **kwargs) -> ChannelError:
    with pytest.raises(ChannelError) as caught:
        send(fake, **kwargs)
    assert TOKEN not in str(caught.value)
    return caught.value


def test_telegram_is_registered_with_the_operators_api_address():
    connector = REGISTRY["telegram"](Endpoints(telegram_api="https://tg-proxy.tinh.example.vn/"))
    assert isinstance(connector, TelegramChannel) and connector.api_base == "https://tg-proxy.tinh.example.vn"
    assert REGISTRY["telegram"](Endpoints()).api_base == "https://api.telegram.org"


def test_an_api_address_in_the_channel_settings_never_gets_the_token(telegram):
    with FakeTelegram(TOKEN, {CHANNEL: -1001987654321}) as elsewhere:
        send(telegram, settings={"api_base": elsewhere.url})
        assert elsewhere.requests == [] and len(telegram.sent) == 1


def test_a_text_post_goes_out_with_send_message_and_returns_the_message_id(telegram):
    external_id = send(telegram)
    request = telegram.requests[-1]
    assert request.path == f"/bot{TOKEN}/sendMessage" and request.content_type == "application/json"
    assert request.json()["chat_id"] == CHANNEL
    assert external_id == str(telegram.sent[-1]["message_id"])
    assert telegram.sent[-1]["text"].endswith("\n\nhttps://loa.hoaphong.example/r/k7Qm2")


def test_the_link_is_not_repeated_when_the_variant_already_has_it(telegram):
    send(telegram, text="Cảnh giác lừa đảo, xem https://loa.hoaphong.example/r/k7Qm2 nhé.")
    assert telegram.sent[-1]["text"].count("https://loa.hoaphong.example/r/k7Qm2") == 1


def test_without_a_tracked_link_the_message_url_is_used(telegram):
    send(telegram, link=None)
    assert telegram.sent[-1]["text"].endswith("https://loa.hoaphong.example/tin/canh-giac-cuoc-goi-gia-danh")


def test_a_post_with_an_image_goes_out_as_a_photo_with_caption(telegram):
    send(telegram, image_url="https://loa.hoaphong.example/media/anh-canh-bao.jpg")
    assert telegram.requests[-1].path.endswith("/sendPhoto")
    assert telegram.sent[-1]["caption"].startswith("Gần đây nhiều người dân thôn Đông Sơn")


def test_an_image_with_text_too_long_for_a_caption_goes_out_as_text(telegram):
    send(telegram, text="Bà con lưu ý. " * 100, image_url="https://loa.hoaphong.example/media/anh.jpg")
    assert telegram.requests[-1].path.endswith("/sendMessage")


def test_text_over_4096_characters_is_refused_before_calling_telegram(telegram):
    error = failure(telegram, text="Thôn Đông Sơn " * 300)
    assert not error.retryable and "4096" in str(error)
    assert telegram.requests == []


def test_an_unknown_token_flags_the_channel(telegram):
    error = failure(telegram, secret="7301234567:AAOtherTokenNotKnownHere_0123456789")
    assert not error.retryable and error.needs_attention and "401" in str(error)


def test_a_malformed_token_flags_the_channel(telegram):
    error = failure(telegram, secret="khong-phai-token")
    assert error.needs_attention and "404" in str(error)


def test_a_revoked_token_flags_the_channel(telegram):
    telegram.reject_token()
    error = failure(telegram)
    assert not error.retryable and error.needs_attention


def test_a_missing_token_flags_the_channel_without_calling(telegram):
    error = failure(telegram, secret=None)
    assert error.needs_attention and telegram.requests == []


def test_flood_control_is_retried_after_the_seconds_telegram_asks(telegram):
    telegram.throttle(retry_after=34)
    error = failure(telegram)
    assert error.retryable and error.retry_after == 34 and "429" in str(error)


def test_a_server_error_is_retried(telegram):
    telegram.fail(status=500)
    error = failure(telegram)
    assert error.retryable and not error.needs_attention


def test_a_gateway_error_page_without_json_is_retried(telegram):
    telegram.queue(Reply.text("<html>502 Bad Gateway</html>", 502))
    error = failure(telegram)
    assert error.retryable and "502" in str(error)


def test_a_slow_answer_is_given_up_on_within_the_timeout_and_retried(telegram):
    telegram.delay(2.0)
    started = time.monotonic()
    error = failure(telegram, timeout=0.3)
    assert error.retryable and time.monotonic() - started < 1.0


def test_an_unknown_channel_flags_the_channel(telegram):
    error = failure(telegram, settings={"chat_id": "@khong_ton_tai"})
    assert error.needs_attention and "chat not found" in str(error)


def test_a_channel_without_chat_id_flags_the_channel(telegram):
    error = failure(telegram, settings={"chat_id": ""})
    assert error.needs_attention and telegram.requests == []


def test_a_platform_that_cannot_be_reached_is_retried(telegram):
    address = telegram.url
    telegram.stop()
    with pytest.raises(ChannelError) as caught:
        TelegramChannel(timeout=0.3, api_base=address).send(make_outgoing({"chat_id": CHANNEL}, secret=TOKEN))
    assert caught.value.retryable and TOKEN not in str(caught.value)
    assert caught.value.__suppress_context__  # the requests error names the URL, which holds the token
