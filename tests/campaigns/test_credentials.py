"""Channel credentials: sealed at rest, opened only with the right key, shown back only as a hint."""

from __future__ import annotations

import base64

import pytest

from campaigns.credentials import (
    CredentialError,
    channel_secret,
    generate_key,
    masked,
    seal,
    set_channel_secret,
    unseal,
)
from campaigns.models import Channel, ChannelKind

TOKEN = "EAAGm0PX4ZCpsBAKhoaVanThu3f9a"  # a made-up page token for "Công an xã Hòa Phong"


def test_a_sealed_credential_opens_with_the_same_key():
    key = generate_key()
    assert unseal(key, seal(key, TOKEN)) == TOKEN


def test_sealing_keeps_vietnamese_text_intact():
    key = generate_key()
    assert unseal(key, seal(key, "mật khẩu Đài Phú Lâm")) == "mật khẩu Đài Phú Lâm"


def test_the_ciphertext_does_not_contain_the_secret():
    key = generate_key()
    assert TOKEN not in seal(key, TOKEN)


def test_a_wrong_key_is_refused_without_echoing_anything():
    sealed = seal(generate_key(), TOKEN)
    other = generate_key()
    with pytest.raises(CredentialError) as caught:
        unseal(other, sealed)
    assert "LOA_CREDENTIALS_KEY" in str(caught.value)
    assert TOKEN not in str(caught.value) and other not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_a_tampered_token_is_refused():
    key = generate_key()
    raw = bytearray(base64.urlsafe_b64decode(seal(key, TOKEN)))
    raw[-40] ^= 0x01  # one bit of the ciphertext body
    with pytest.raises(CredentialError):
        unseal(key, base64.urlsafe_b64encode(bytes(raw)).decode())


def test_garbage_instead_of_a_token_is_refused():
    with pytest.raises(CredentialError):
        unseal(generate_key(), "không phải bản mã")


def test_a_malformed_key_is_refused_without_echoing_it():
    with pytest.raises(CredentialError) as caught:
        seal("khoa-qua-ngan", TOKEN)
    assert "khoa-qua-ngan" not in str(caught.value)


def test_the_mask_shows_only_the_last_four_characters():
    assert masked("EAAGm0PX4ZCpsBAKhoa3f9a") == "••••••3f9a"


@pytest.mark.parametrize("secret", ["a", "abcd", "abcdefgh", "bí-mật-ngắn-15c"])
def test_the_mask_of_a_short_secret_shows_nothing_of_it(secret):
    shown = masked(secret)
    assert shown == "••••••"
    assert not set(shown) & set(secret)


def test_the_mask_does_not_reveal_the_length():
    assert len(masked("x" * 20)) == len(masked("y" * 200))


def test_no_secret_masks_to_nothing():
    assert masked(None) == "" and masked("") == ""


def test_a_channel_keeps_only_the_ciphertext():
    key = generate_key()
    channel = Channel(kind=ChannelKind.TELEGRAM, name="Kênh Telegram xã Tân Mỹ", settings={})
    set_channel_secret(channel, key, TOKEN)
    assert channel.secret_ciphertext and TOKEN not in channel.secret_ciphertext
    assert channel_secret(channel, key) == TOKEN


def test_a_new_credential_clears_the_flag_a_rejected_one_raised():
    channel = Channel(kind=ChannelKind.FACEBOOK, name="Trang Công an phường Bình An", settings={},
                      needs_attention="Facebook từ chối mã truy cập (mã 190)")
    set_channel_secret(channel, generate_key(), TOKEN)
    assert channel.needs_attention is None


def test_a_channel_without_a_credential_has_none():
    channel = Channel(kind=ChannelKind.WEBHOOK, name="Webhook thôn Đông", settings={})
    assert channel_secret(channel, generate_key()) is None
