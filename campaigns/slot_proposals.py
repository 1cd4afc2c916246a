"""Proposed slots, which the planning page pre-fills before the officer changes anything.

- an ordinary day: 06:00 and 17:00, the customary morning and evening commune broadcasts;
- a day that touches one of the campaign's peak periods: 06:00, 11:00 and 17:00 — a midday repeat
  is the densest schedule a commune station can add without cutting into other programmes;
- the range, when the officer has not picked one: the seven days from tomorrow, stretched to the
  end of a peak period already under way or starting within them (never past 31 days), and cut at
  the campaign's last day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy.orm import Session

from campaigns.campaign_records import campaign_of
from campaigns.planning import LONGEST_RANGE_DAYS, DailySlots
from content.errors import InvalidInput
from content.models import Message
from content.wording import Text

NORMAL_SLOTS = (time(6), time(17))
PEAK_SLOTS = (time(6), time(11), time(17))
DEFAULT_DAYS = 7
LONGEST_PROPOSAL_DAYS = 31


def _peak_days(session: Session, message: Message, first_day: date, last_day: date, zone: tzinfo) -> dict[date, str]:
    """Each local day of the range that any part of a peak period of the message's campaign touches."""
    campaign = campaign_of(session, message)
    touched: dict[date, str] = {}
    for peak in campaign.peak_periods if campaign else ():
        day = max(first_day, peak.starts_at.astimezone(zone).date())
        while day <= min(last_day, peak.ends_at.astimezone(zone).date()):
            start = datetime.combine(day, time(0), tzinfo=zone)
            if start < peak.ends_at and start + timedelta(days=1) > peak.starts_at:
                touched.setdefault(day, peak.name)
            day += timedelta(days=1)
    return touched


def propose_range(session: Session, message: Message, *, today: date, zone: tzinfo) -> tuple[date, date]:
    """The local dates the planning page starts from (the rule is in this module's docstring)."""
    first = today + timedelta(days=1)
    last = first + timedelta(days=DEFAULT_DAYS - 1)
    campaign = campaign_of(session, message)
    for peak in campaign.peak_periods if campaign else ():
        starts, ends = peak.starts_at.astimezone(zone).date(), peak.ends_at.astimezone(zone).date()
        if starts <= last and ends > last:
            last = min(ends, first + timedelta(days=LONGEST_PROPOSAL_DAYS - 1))
    if campaign is not None and first <= campaign.ends_on < last:
        last = campaign.ends_on
    return first, last


def propose_slots(session: Session, message: Message, *, first_day: date, last_day: date,
                  zone: tzinfo) -> tuple[DailySlots, ...]:
    """The range split into runs of ordinary and peak days, each with its proposed times."""
    if last_day < first_day:
        raise InvalidInput({"daily": Text("Ngày kết thúc %(last)s ở trước ngày bắt đầu %(first)s.",
                                          last=f"{last_day:%d/%m/%Y}", first=f"{first_day:%d/%m/%Y}")})
    if (last_day - first_day).days >= LONGEST_RANGE_DAYS:
        raise InvalidInput({"daily": Text("Mỗi khoảng ngày dài tối đa %(n)s ngày.", n=LONGEST_RANGE_DAYS)})
    peaks = _peak_days(session, message, first_day, last_day, zone)
    runs: list[DailySlots] = []
    day = first_day
    while day <= last_day:
        name = peaks.get(day)
        if runs and runs[-1].peak_name == name:
            runs[-1] = DailySlots(runs[-1].first_day, day, runs[-1].times, name)
        else:
            runs.append(DailySlots(day, day, PEAK_SLOTS if name else NORMAL_SLOTS, name))
        day += timedelta(days=1)
    return tuple(runs)
