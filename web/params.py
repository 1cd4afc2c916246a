"""Numbers and dates from a request, read with bounds: one place decides what a sane value is.

The rule, everywhere:
- An id in the path past what the database's integer holds names nothing: 404, like any unknown id
  (the bounded `int` URL converter every route uses).
- Any other number, date or time — in the path, query string, form or JSON body — that cannot be
  read, or lies outside the range below, is refused with 400 and a message naming the value
  (`InvalidInput`: the error page, or a JSON problem for API callers). Forms show it as a field error
  with everything typed kept; a page whose filters only narrow what it shows drops the bad filter
  with a notice instead, since the page still makes sense without it.

Unbounded values would overflow the database's integer (PostgreSQL raises) or date arithmetic.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from typing import Any

from flask import Flask, request
from flask_babel import gettext as _
from werkzeug.routing import IntegerConverter, Map

from content.errors import InvalidInput

# PostgreSQL's `integer`, the type of every id column; SQLite would take more, but one rule for both.
MAX_ID = 2**31 - 1
MAX_PAGE = 100_000
# Wide enough for any plan, script or record, narrow enough that a day's arithmetic never overflows.
FIRST_DAY = date(2000, 1, 1)
LAST_DAY = date(2100, 12, 31)


class BoundedIntConverter(IntegerConverter):
    """Flask's `int`, capped at the largest id the database can hold: past it the route does not match."""

    def __init__(self, map: Map, fixed_digits: int = 0, min: int | None = None, max: int | None = MAX_ID,
                 signed: bool = False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def init_params(app: Flask) -> None:
    app.url_map.converters["int"] = BoundedIntConverter


def read_int(value: str | None, name: str, *, default: int | None = None, minimum: int = 1,
             maximum: int = MAX_ID) -> int | None:
    """A whole number within [minimum, maximum]; blank gives `default`."""
    text = (value or "").strip()
    if not text:
        return default
    # int() would also take "1_000", " 1" and other spellings no form sends; digits only.
    number = int(text) if text.isascii() and text.lstrip("-").isdigit() and len(text) <= 20 else None
    if number is None or not minimum <= number <= maximum:
        raise InvalidInput({name: _("Giá trị không hợp lệ: “%(value)s” (cần một số nguyên từ %(minimum)s đến "
                                    "%(maximum)s).", value=_shown(text), minimum=minimum, maximum=maximum)})
    return number


def read_json_int(value: Any, name: str, *, minimum: int = 1, maximum: int = MAX_ID) -> int:
    """A whole number from a JSON body (true and false are not numbers)."""
    if not isinstance(value, int) or isinstance(value, bool) or not minimum <= value <= maximum:
        raise InvalidInput({name: _("%(name)s phải là một số nguyên từ %(minimum)s đến %(maximum)s.", name=name,
                                    minimum=minimum, maximum=maximum)})
    return value


def read_date(value: str | None, name: str, *, default: date | None = None) -> date | None:
    """A day written year-month-day, between FIRST_DAY and LAST_DAY; blank gives `default`."""
    text = (value or "").strip()
    if not text:
        return default
    try:
        day = date.fromisoformat(text)
    except ValueError:
        day = None
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        return _refuse_date(name, text)
    return day


def read_day(value: str | None, name: str, *, default: date | None = None) -> date | None:
    """A day as people write it (24/11/2026) or as a date field sends it (2026-11-24); blank gives `default`."""
    text = (value or "").strip()
    if not text:
        return default
    parts = text.split("/")
    try:
        day = (date(int(parts[2]), int(parts[1]), int(parts[0])) if len(parts) == 3 and all(
            p.isascii() and p.isdigit() and len(p) <= 4 for p in parts) else date.fromisoformat(text))
    except ValueError:
        day = None
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidInput({name: _("Ngày không hợp lệ: “%(value)s” (cần dạng ngày/tháng/năm như 24/11/2026, từ "
                                    "%(first)s đến %(last)s).", value=_shown(text),
                                    first=FIRST_DAY.strftime("%d/%m/%Y"), last=LAST_DAY.strftime("%d/%m/%Y"))})
    return day


def path_date(value: str, name: str = "day") -> date:
    """A day named in the address (a script's, a confirmation page's): unreadable is 400, as anywhere else."""
    return read_date(value, name) or _refuse_date(name, value)


def _refuse_date(name: str, text: str) -> date:
    raise InvalidInput({name: _("Ngày không hợp lệ: “%(value)s” (cần dạng năm-tháng-ngày, từ %(first)s đến "
                                "%(last)s).", value=_shown(text), first=FIRST_DAY.isoformat(),
                                last=LAST_DAY.isoformat())})


def read_local_datetime(value: str | None, name: str, zone: tzinfo, *, allow_offset: bool = True) -> datetime | None:
    """A local date and time ("2026-11-24T06:00"), read in `zone` unless it carries its own offset."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or not FIRST_DAY <= moment.date() <= LAST_DAY:
        raise InvalidInput({name: _("Thời điểm không hợp lệ: “%(value)s” (ví dụ 2026-11-24 06:00, từ năm %(first)s "
                                    "đến năm %(last)s).", value=_shown(text), first=FIRST_DAY.year,
                                    last=LAST_DAY.year)})
    if moment.tzinfo is not None and not allow_offset:
        raise InvalidInput({name: _("Hãy nhập giờ địa phương, không kèm múi giờ.")})
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def query_page() -> int:
    """The `page` of a paged list: 1 when absent, 400 when it is not a page number."""
    return read_int(request.args.get("page"), "page", default=1, maximum=MAX_PAGE) or 1


def query_int(name: str) -> int | None:
    return read_int(request.args.get(name), name)


def query_date(name: str, *, default: date | None = None) -> date | None:
    return read_date(request.args.get(name), name, default=default)


def _shown(text: str) -> str:
    # The value is echoed back in the message: a short, printable piece of it is enough.
    short = text[:40] + ("…" if len(text) > 40 else "")
    return "".join(c if c.isprintable() else "?" for c in short)
