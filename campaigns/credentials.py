"""Channel credentials at rest: sealed with Fernet under a key from configuration, never shown back whole.

The key (LOA_CREDENTIALS_KEY) is passed in by whoever holds the configuration; nothing here reads
the environment. Secrets never appear in exception text: an error message ends up in logs, in
`last_error` and on admin pages.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken

from campaigns.models import Channel
from content.errors import LoaError
from content.wording import Text

MASK = "••••••"
# Below this length even the last four characters would give away too much of the secret.
SHORTEST_WITH_HINT = 16


class CredentialError(LoaError):
    """A stored credential cannot be used: wrong key, damaged ciphertext, or a malformed key."""


def generate_key() -> str:
    """A fresh key for LOA_CREDENTIALS_KEY (url-safe base64 of 32 random bytes)."""
    return Fernet.generate_key().decode("ascii")


def _fernet(key: str | bytes) -> Fernet:
    try:
        return Fernet(key)
    except (ValueError, TypeError):
        # The message of the underlying error could echo part of the key.
        raise CredentialError(Text(
            "Khóa mã hóa LOA_CREDENTIALS_KEY không hợp lệ (cần 32 byte base64 url-safe, tạo bằng generate_key)."
        )) from None


def seal(key: str | bytes, plaintext: str) -> str:
    """Encrypt and authenticate; the token carries its own timestamp and is ASCII, fit for a Text column."""
    return _fernet(key).encrypt(plaintext.encode("utf-8")).decode("ascii")


def unseal(key: str | bytes, token: str) -> str:
    """Decrypt a sealed credential, refusing a wrong key or a token that was altered."""
    try:
        return _fernet(key).decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError):
        raise CredentialError(Text(
            "Không giải mã được khóa bí mật của kênh: khóa LOA_CREDENTIALS_KEY không đúng "
            "hoặc dữ liệu đã bị sửa. Hãy nhập lại khóa bí mật cho kênh."
        )) from None


def masked(secret: str | None) -> str:
    """What an admin may see of a secret: at most its last four characters, never its length."""
    if not secret:
        return ""
    if len(secret) < SHORTEST_WITH_HINT:
        return MASK
    return MASK + secret[-4:]


def set_channel_secret(channel: Channel, key: str | bytes, plaintext: str) -> None:
    """Store a new credential on the channel; a fresh credential also clears the attention flag it may have raised."""
    channel.secret_ciphertext = seal(key, plaintext)
    channel.needs_attention = None


def channel_secret(channel: Channel, key: str | bytes) -> str | None:
    """The channel's credential in clear, or None when it has none."""
    if not channel.secret_ciphertext:
        return None
    return unseal(key, channel.secret_ciphertext)
