"""Where a `next=` or `back=` may send a visitor: a path on this site, checked in this one place.

Browsers are lenient in ways a naive check is not: they drop tabs and newlines anywhere in a URL
("/\\t/evil.com" becomes "//evil.com"), read a backslash as a slash ("/\\evil.com"), and treat
"//host" as another site. So anything with whitespace or a control character is refused outright,
and the path must still be plainly local after percent-decoding (a proxy or a later redirect may
decode "%2F" or "%5C" and then see another host).
"""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote

# A value encoded more times than this is not something our own pages produce.
DECODE_ROUNDS = 3


def _is_plain(text: str) -> bool:
    """No whitespace, no control or format character (tab, newline, NUL, DEL, U+2028, U+200B, U+202E…)."""
    return not any(c.isspace() or unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp", "Zs") for c in text)


def _is_local(path: str) -> bool:
    return path.startswith("/") and not path.startswith(("//", "/\\")) and "\\" not in path


def is_local_path(target: str) -> bool:
    """True for a path on this site; "//host", "/\\host", "/\\t/host", schemes and their encodings are not."""
    if not target or len(target) > 2000 or not _is_plain(target) or not _is_local(target):
        return False
    decoded = target
    for _ in range(DECODE_ROUNDS):
        decoded, previous = unquote(decoded), decoded
        path = decoded.split("?", 1)[0].split("#", 1)[0]
        # Decoded text may hold spaces (a search "?q=cong an") but its path must stay local and plain.
        if not _is_local(path) or not _is_plain(path):
            return False
        if decoded == previous:
            return True
    return False


def local_target(target: str | None, fallback: str) -> str:
    """`target` when it stays on this site, else `fallback`."""
    return target if target is not None and is_local_path(target) else fallback
