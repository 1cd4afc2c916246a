"""Checks a password against a hash made before Argon2, by werkzeug's `generate_password_hash`.

Such hashes stay in the database until their owner next logs in (then `content.passwords` replaces
them), so the domain reads werkzeug's documented format itself rather than importing a web library:
`method$salt$hash`, where method is `scrypt:N:r:p` or `pbkdf2:HASH_NAME:ITERATIONS` and hash is hex.
"""

from __future__ import annotations

import hashlib
import hmac

PREFIXES = ("scrypt:", "pbkdf2:")

# werkzeug's defaults when a method carries no parameters (it always writes them, but reads both).
_SCRYPT_DEFAULTS = (2**15, 8, 1)
_PBKDF2_DEFAULT_HASH = "sha256"
_PBKDF2_DEFAULT_ITERATIONS = 1_000_000


def is_legacy_hash(stored_hash: str) -> bool:
    return stored_hash.startswith(PREFIXES)


def check_legacy_hash(stored_hash: str, password: str) -> bool:
    """True when `password` matches; a malformed hash or an unknown method never matches."""
    try:
        method, salt, expected = stored_hash.split("$", 2)
        computed = _derive(method, salt.encode(), password.encode())
    except ValueError:
        return False
    return hmac.compare_digest(computed, expected)


def _derive(method: str, salt: bytes, password: bytes) -> str:
    name, *args = method.split(":")
    if name == "scrypt":
        n, r, p = map(int, args) if args else _SCRYPT_DEFAULTS
        # The parameters come from our own database, written by werkzeug; 132 is werkzeug's own margin.
        return hashlib.scrypt(password, salt=salt, n=n, r=r, p=p, maxmem=132 * n * r * p).hex()
    if name == "pbkdf2" and len(args) <= 2:
        hash_name = args[0] if args else _PBKDF2_DEFAULT_HASH
        iterations = int(args[1]) if len(args) == 2 else _PBKDF2_DEFAULT_ITERATIONS
        return hashlib.pbkdf2_hmac(hash_name, password, salt, iterations).hex()
    raise ValueError(f"unknown password hash method {name!r}")
