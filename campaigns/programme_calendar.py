"""When a weekly programme airs: its weekdays, less Vietnam's public holidays when it rests on them.

Holidays come from the `holidays` package (Vietnam: New Year, the lunar Tết days, the Hùng Kings'
day, 30/4, 1/5, 2/9 and the days off given in lieu), not a hand-kept list, so each year's lunar dates
are right. A programme with `skips_holidays` off airs on a holiday like any other day: a column for
the holiday itself, say.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache

import holidays

from campaigns.programme_models import Programme


@lru_cache(maxsize=64)
def _holidays_of(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("VN", years=year, language="vi").items())


def public_holidays(first_day: date, last_day: date) -> dict[date, str]:
    """Vietnam's public holidays between the two days (both included), with their Vietnamese names."""
    found: dict[date, str] = {}
    for year in range(first_day.year, last_day.year + 1):
        found.update((day, name) for day, name in _holidays_of(year).items() if first_day <= day <= last_day)
    return dict(sorted(found.items()))


def is_holiday(day: date) -> bool:
    return day in _holidays_of(day.year)


def airs_on(programme: Programme, day: date) -> bool:
    """Whether the programme is on air that local day, by its weekdays and holiday rule (not its active flag)."""
    if day.isoweekday() not in programme.iso_weekdays:
        return False
    return not (programme.skips_holidays and is_holiday(day))


def airing_days(programme: Programme, first_day: date, last_day: date) -> list[date]:
    return [day for n in range((last_day - first_day).days + 1)
            if airs_on(programme, day := first_day + timedelta(days=n))]


def skipped_holidays(programme: Programme, first_day: date, last_day: date) -> dict[date, str]:
    """The holidays in the range that fall on one of its weekdays and that it therefore rests on."""
    if not programme.skips_holidays:
        return {}
    return {day: name for day, name in public_holidays(first_day, last_day).items()
            if day.isoweekday() in programme.iso_weekdays}


def occurrence(programme: Programme, day: date, zone: tzinfo) -> datetime:
    """The UTC instant the programme starts on a local day: its wall time placed in the zone on that date."""
    return datetime.combine(day, programme.starts_at, tzinfo=zone).astimezone(timezone.utc)


def occurrences(programme: Programme, first_day: date, last_day: date, zone: tzinfo) -> list[datetime]:
    return [occurrence(programme, day, zone) for day in airing_days(programme, first_day, last_day)]

