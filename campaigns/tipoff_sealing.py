"""Tip-offs at rest: every text a sender or an officer typed, and every photo, sealed with Fernet under LOA_TIPOFF_KEY.

A key of its own, not the channel credentials' key: whoever may rotate or hand over the channel secrets must
not thereby be able to read what citizens reported. The key is passed in by whoever holds the configuration;
nothing here reads the environment, and no error message carries any part of the key or the text.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken

from content.errors import LoaError
from content.wording import Text


class TipoffKeyError(LoaError):
    """The tip-off key is malformed, or is not the key the row was sealed with."""


def generate_tipoff_key() -> str:
    return Fernet.generate_key().decode("ascii")


def _fernet(key: str | bytes) -> Fernet:
    try:
        return Fernet(key)
    except (ValueError, TypeError):
        raise TipoffKeyError(Text("Khóa mã hóa LOA_TIPOFF_KEY không hợp lệ (cần 32 byte base64 url-safe).")) from None


def seal_text(key: str | bytes, plaintext: str) -> str:
    return _fernet(key).encrypt(plaintext.encode("utf-8")).decode("ascii")


def unseal_text(key: str | bytes, token: str) -> str:
    return unseal_bytes(key, token.encode("ascii")).decode("utf-8", errors="strict")


def seal_bytes(key: str | bytes, data: bytes) -> bytes:
    return _fernet(key).encrypt(data)


def unseal_bytes(key: str | bytes, token: bytes) -> bytes:
    try:
        return _fernet(key).decrypt(token)
    except (InvalidToken, UnicodeError):
        raise TipoffKeyError(Text("Không giải mã được phản ánh: khóa LOA_TIPOFF_KEY không đúng "
                                  "hoặc dữ liệu đã bị sửa.")) from None
