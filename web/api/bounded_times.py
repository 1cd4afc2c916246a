"""Days and instants an API caller may send: within web.params' FIRST_DAY–LAST_DAY, as on every desk form.

Outside that range a plan's or a report's date arithmetic overflows (year 1 at +07:00 is before year 1 in UTC),
so the bound is checked when the input is read (a 422 naming the field) and stated in the OpenAPI document as a
pattern on the year, so a generated client or a fuzzer knows it too.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, Field

from web.params import FIRST_DAY, LAST_DAY

_YEAR = r"^(20[0-9]{2}|2100)-"


def _day_in_range(day: date) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise ValueError(f"must be between {FIRST_DAY.isoformat()} and {LAST_DAY.isoformat()}")
    return day


def _moment_in_range(moment: datetime) -> datetime:
    _day_in_range(moment.date())
    return moment


Day = Annotated[date, AfterValidator(_day_in_range), Field(json_schema_extra={"pattern": _YEAR + r"\d\d-\d\d$"})]
Moment = Annotated[AwareDatetime, AfterValidator(_moment_in_range),
                   Field(json_schema_extra={"pattern": _YEAR})]
