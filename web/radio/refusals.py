"""Station tokens under attack: limits per address, and refusals written to the audit log per burst, not per request.

Limits (per client address, Flask-Limiter, shared by every endpoint that takes a station token):
- `RADIO_RATE_LIMIT`, default 300 a minute, for every request. A box polling each minute fetches
  about ten addresses (the script as .txt/.json/.html, the week as .txt/.json, the podcast, the day's
  audio, its confirmations); a podcast app refreshing pulls the feed and up to ~80 enclosures (7 days ×
  the day and its items) at once. 300 a minute covers that for several boxes of one commune office
  behind one address, and still holds one address to 5 requests a second.
- `RADIO_REFUSAL_LIMIT`, default 10 per 10 minutes, counts only refused tokens (missing, wrong,
  revoked, another station's). Past it, the address gets 429 with Retry-After for *every* token
  request until the window ends, right tokens included: if a right token still passed, a 429 would
  only mean "wrong" and guessing would go on at full speed. A box with a good token is never refused,
  so it never spends this allowance; it is held up only if it shares its address with a client
  sending bad tokens. Signed-in staff (who use their login, not a token) are not subject to it.

Audit: the first refusal (or 429) from an address opens a 10-minute window. One row is written for
it by the write-behind thread within seconds (who: the address; which station; what was attempted;
why), and one more when the window ends with what came after (how many refused, how many held off
by 429, from when to when). Each row counts only what the rows before it did not, so the counts of
an address's rows add up to every refused request. 2,000 bad requests in 10 s are two rows. A crash
loses the counts of the windows still open, never the opening row once written.

Several web processes: the limits count in the limiter's store (Redis with LOA_REDIS_URL), so they hold across
all of them. The audit windows are each process's own: an address refused by two processes gets two rows per
window, one from each, and the counts of all its rows still add up to every refused request. That is more rows,
never a wrong count, so the windows stay in memory.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import Blueprint, Response, current_app, g, request
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_limiter import RequestLimit
from flask_login import current_user
from sqlalchemy.orm import Session

from content.audit import record_audit
from content.errors import PermissionDenied
from web.database import get_db, now
from web.errors import TITLES, json_problem, respond
from web.limits import limiter
from web.write_behind import write_behind

WINDOW = timedelta(minutes=10)
# Past this many addresses in open windows (a botnet), newcomers share one window under OTHERS.
MAX_WINDOWS = 10_000
OTHERS = "*"


class TokenRefused(PermissionDenied):
    """A station token that is missing, wrong, revoked or another station's."""


@dataclass
class _Counts:
    refused: int = 0
    throttled: int = 0
    first_at: datetime | None = None
    last_at: datetime | None = None
    stations: Counter[int] = field(default_factory=Counter)
    attempted: set[str] = field(default_factory=set)
    reason: str = ""

    def add(self, station_id: int | None, attempted: str, reason: str, at: datetime, *, throttled: bool) -> None:
        if throttled:
            self.throttled += 1
        else:
            self.refused += 1
            self.reason = reason
        self.reason = self.reason or reason
        self.first_at = self.first_at or at
        self.last_at = at
        if station_id is not None:
            self.stations[station_id] += 1
        self.attempted.add(attempted)


@dataclass
class _Window:
    opened_at: datetime
    reported: bool = False
    counts: _Counts = field(default_factory=_Counts)


@dataclass(frozen=True)
class RefusalRow:
    """What one audit row says about an address's refused token requests."""

    address: str
    refused: int
    throttled: int
    first_at: datetime
    last_at: datetime
    stations: tuple[int, ...]
    attempted: tuple[str, ...]
    reason: str


def _row(address: str, counts: _Counts) -> RefusalRow:
    assert counts.first_at is not None and counts.last_at is not None
    return RefusalRow(address=address, refused=counts.refused, throttled=counts.throttled, first_at=counts.first_at,
                      last_at=counts.last_at, stations=tuple(sorted(counts.stations)),
                      attempted=tuple(sorted(counts.attempted)), reason=counts.reason)


class RefusalLedger:
    """Refusals per address and window, in memory until the write-behind thread writes them."""

    def __init__(self, window: timedelta = WINDOW) -> None:
        self._length = window
        self._lock = threading.Lock()
        self._open: dict[str, _Window] = {}
        self._rows: list[RefusalRow] = []

    def note(self, address: str, station_id: int | None, attempted: str, reason: str, at: datetime, *,
             throttled: bool = False) -> None:
        with self._lock:
            window = self._window(address, at)
            if window is None:
                # Past MAX_WINDOWS addresses (a botnet), newcomers are counted together rather than not at all.
                address = address if len(self._open) < MAX_WINDOWS else OTHERS
                window = self._window(address, at) or self._open.setdefault(address, _Window(opened_at=at))
            window.counts.add(station_id, attempted, reason, at, throttled=throttled)

    def drain(self, now: datetime, *, final: bool) -> list[RefusalRow]:
        """The rows due: each new window's opening, and what each ended window counted since."""
        with self._lock:
            for address, window in list(self._open.items()):
                ended = final or now >= window.opened_at + self._length
                if not window.reported or ended:
                    self._report(address, window)
                if ended:
                    del self._open[address]
            rows, self._rows = self._rows, []
        return rows

    def restore(self, rows: list[RefusalRow]) -> None:
        with self._lock:
            self._rows[:0] = rows

    def write(self, session: Session, rows: list[RefusalRow], *, now: datetime) -> None:
        for row in rows:
            detail: dict[str, object] = {
                "attempted": ", ".join(row.attempted), "reason": row.reason, "refused": row.refused,
                "throttled": row.throttled, "from": row.first_at.isoformat(), "to": row.last_at.isoformat()}
            if len(row.stations) > 1:
                detail["stations"] = ", ".join(map(str, row.stations))
            record_audit(session, actor=None, action="denied", object_type="station",
                         object_id=row.stations[0] if len(row.stations) == 1 else None, now=row.last_at,
                         detail=detail, remote_addr=None if row.address == OTHERS else row.address)

    def _report(self, address: str, window: _Window) -> None:
        if window.counts.first_at is not None:
            self._rows.append(_row(address, window.counts))
        window.counts = _Counts()
        window.reported = True

    def _window(self, address: str, at: datetime) -> _Window | None:
        """The address's open window, after closing it if `at` falls past its end."""
        window = self._open.get(address)
        if window is not None and at >= window.opened_at + self._length:
            self._report(address, window)
            del self._open[address]
            return None
        return window


def ledger() -> RefusalLedger:
    return write_behind().source("radio-refusals", RefusalLedger)


def _station_id() -> int | None:
    station_id = (request.view_args or {}).get("station_id")
    return station_id if isinstance(station_id, int) else None


def note_refusal(error: TokenRefused) -> None:
    """Count a refused token for the refusal limit and the audit log; nothing is written in this request."""
    g.loa_token_refused = True
    ledger().note(request.remote_addr or "", error.object_id, error.attempted or request.endpoint or "radio",
                  str(error), now())


def _count_throttled(reason: Callable[[], str]) -> Callable[[RequestLimit], None]:
    """An on_breach callback: a 429 is a refusal too, so it is counted (never written) like one."""
    def count(_limit: RequestLimit) -> None:
        ledger().note(request.remote_addr or "", _station_id(), request.endpoint or "radio", reason(), now(),
                      throttled=True)
    return count


def _token_limit() -> str:
    return str(current_app.config.get("RADIO_RATE_LIMIT", "300 per minute"))


def _refusal_limit() -> str:
    return str(current_app.config.get("RADIO_REFUSAL_LIMIT", "10 per 10 minutes"))


def _was_refused(_response: Response) -> bool:
    return bool(g.get("loa_token_refused"))


def _signed_in() -> bool:
    return bool(current_user.is_authenticated)


# The refusal limit first: when both are exceeded, its reason is the one counted and shown.
TOKEN_LIMITS = (
    limiter.shared_limit(_refusal_limit, scope="radio-token-refused", deduct_when=_was_refused,
                         exempt_when=_signed_in,
                         on_breach=_count_throttled(lambda: _("Quá nhiều mã truy cập sai từ địa chỉ này.")),
                         error_message=lambda: _("Địa chỉ này đã gửi mã truy cập sai quá nhiều lần nên tạm thời bị "
                                                 "chặn. Hãy kiểm tra mã của đài, chờ theo Retry-After rồi thử lại.")),
    limiter.shared_limit(_token_limit, scope="radio-token",
                         on_breach=_count_throttled(lambda: _("Quá nhiều yêu cầu từ địa chỉ này.")),
                         error_message=lambda: _("Địa chỉ này gửi quá nhiều yêu cầu tới đài. Hãy chờ theo "
                                                 "Retry-After rồi thử lại.")),
)


def limit_token_endpoints(bp: Blueprint) -> None:
    """Put every route of the blueprint under both limits, counted together with the other token endpoints."""
    for limit in TOKEN_LIMITS:
        limit(bp)


def refused_page(error: TokenRefused) -> ResponseReturnValue:
    note_refusal(error)
    get_db().rollback()
    return respond(403, str(error))


def throttled_page(error: Exception) -> ResponseReturnValue:
    return respond(429, getattr(error, "description", None) or str(TITLES[429]))


def refused_problem(error: TokenRefused) -> Response:
    note_refusal(error)
    get_db().rollback()
    return json_problem(403, str(error))


def throttled_problem(error: Exception) -> Response:
    return json_problem(429, getattr(error, "description", None) or str(TITLES[429]))
