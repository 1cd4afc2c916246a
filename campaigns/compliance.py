"""The compliance grid of a campaign: for each station and ISO week, did it confirm the airings it owed?

What a station owes in a week ("required"), decided in this order:
1. the campaign's `station_weekly_airings` target that covers the station and the week: its value per week
   (rounded up). Several may cover it (one for the province, a stricter one for a commune): the one of the
   smallest area wins, then the larger value;
2. otherwise, what was planned for the station that week: the deliveries of the campaign's messages to it,
   due in that local week, still meant to go on air (planned, claimed or sent; held and cancelled ones are
   not owed);
3. otherwise nothing: the cell says "no requirement" rather than pretending the station met, or missed,
   a number nobody set.

Counted ("confirmed") are the station's airings of the campaign's messages confirmed as aired, by the local
week of `aired_at` — a measured figure. A cell always covers the whole ISO week (Monday to Sunday, local),
even when the period asked for begins or ends inside it.
"""

from __future__ import annotations

import enum
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.models import ON_AIR_STATUSES, Campaign, Delivery, Station, Target, TargetKind
from campaigns.station_airings import active_stations, confirmed_airings, iso_weeks, monday_of, of_campaign, utc_bounds
from campaigns.target_progress import period_of, scope_of
from campaigns.village_compliance import station_villages, villages_reached
from content.areas import is_within
from content.models import Area
from content.wording import Text

# A grid wider than this stops being readable, and its export stops being a week-by-week follow-up.
MAX_WEEKS = 53


class CellStatus(enum.StrEnum):
    MET = "met"  # confirmed ≥ required (a current week can be met already)
    MISSED = "missed"  # the week is over and confirmed < required
    IN_PROGRESS = "in_progress"  # the current week, not met yet
    NOT_YET = "not_yet"  # a week still to come
    NO_REQUIREMENT = "no_requirement"  # no target covers it and nothing was planned


class Basis(enum.StrEnum):
    TARGET = "target"
    PLANNED = "planned"


# Symbols and words together: the grid must read without colour, and printed in black and white.
STATUS_SYMBOLS = {CellStatus.MET: "✓", CellStatus.MISSED: "✗", CellStatus.IN_PROGRESS: "…",
                  CellStatus.NOT_YET: "·", CellStatus.NO_REQUIREMENT: "–"}
STATUS_LABELS = {
    CellStatus.MET: Text("Đạt"),
    CellStatus.MISSED: Text("Chưa đạt"),
    CellStatus.IN_PROGRESS: Text("Đang trong tuần"),
    CellStatus.NOT_YET: Text("Chưa đến"),
    CellStatus.NO_REQUIREMENT: Text("Không có yêu cầu"),
}
BASIS_LABELS = {
    Basis.TARGET: Text("theo chỉ tiêu của chiến dịch"),
    Basis.PLANNED: Text("theo số lượt đã lên lịch cho đài"),
}


@dataclass(frozen=True)
class WeekCell:
    week: date  # its Monday
    confirmed: int
    required: int | None  # None: no target and nothing planned
    basis: Basis | None
    status: CellStatus
    villages_reached: int = 0  # distinct villages the week's confirmed airings reached (campaigns.village_compliance)


@dataclass(frozen=True)
class StationRow:
    station: Station
    phone: str | None  # the number in the station's contact, for a tel: link
    cells: tuple[WeekCell, ...]
    clusters: int = 0  # live loudspeaker clusters
    villages: int = 0  # live villages those clusters cover

    @property
    def missed(self) -> int:
        return sum(1 for c in self.cells if c.status is CellStatus.MISSED)


@dataclass(frozen=True)
class ComplianceGrid:
    campaign: Campaign
    weeks: tuple[date, ...]
    rows: tuple[StationRow, ...]
    today: date


# A Vietnamese number as people write it: 0912 345 678, 0912.345.678, +84 912 345 678, (024) 3825 1234.
_PHONE = re.compile(r"(?<![\d+])(\+84|0)[\s.()-]*((?:\d[\s.()-]*){8,10})(?!\d)")


def phone_number(contact: str) -> str | None:
    """The first telephone number written in a station's contact, digits only (a tel: link), or None."""
    match = _PHONE.search(contact)
    if match is None:
        return None
    digits = re.sub(r"\D", "", match.group(2))
    if not 9 <= len(digits) <= 10:
        return None
    return ("+84" if match.group(1) == "+84" else "0") + digits


def _weekly_targets(campaign: Campaign) -> list[tuple[Target, list[Area], date, date]]:
    return [(t, scope_of(t), *period_of(t)) for t in campaign.targets
            if t.kind is TargetKind.STATION_WEEKLY_AIRINGS]


def _target_for(targets: list[tuple[Target, list[Area], date, date]], station: Station, week: date) -> Target | None:
    """The target owed by this station this week: the smallest area covering it, then the larger value."""
    sunday = week + timedelta(days=6)
    found: list[tuple[int, float, Target]] = []
    for target, scope, first, last in targets:
        if first > sunday or last < week:
            continue
        depths = [len(a.path) for a in scope if is_within(station.area, a)]
        if depths:
            found.append((max(depths), target.value, target))
    return max(found, key=lambda f: (f[0], f[1]))[2] if found else None


def _planned(session: Session, campaign: Campaign, station_ids: list[int], first: date, last: date,
             zone: ZoneInfo) -> Counter[tuple[int, date]]:
    """Deliveries of the campaign's messages still meant for the air, per station and local week."""
    start, end = utc_bounds(first, last, zone)
    rows = session.execute(
        select(Delivery.station_id, Delivery.due_at).where(
            Delivery.station_id.in_(station_ids), Delivery.status.in_(ON_AIR_STATUSES),
            Delivery.due_at >= start, Delivery.due_at < end, of_campaign(campaign, Delivery.message_id)))
    return Counter((station_id, monday_of(due_at.astimezone(zone).date())) for station_id, due_at in rows
                   if station_id is not None)


def _status(week: date, confirmed: int, required: int | None, today: date) -> CellStatus:
    if required is None:
        return CellStatus.NO_REQUIREMENT
    if week > today:
        return CellStatus.NOT_YET
    if confirmed >= required:
        return CellStatus.MET
    return CellStatus.IN_PROGRESS if week == monday_of(today) else CellStatus.MISSED


def compliance_grid(session: Session, campaign: Campaign, *, first: date, last: date, today: date, zone: ZoneInfo,
                    within: Area | None) -> ComplianceGrid:
    """Active stations of the campaign's areas (limited to `within`'s subtree) × the ISO weeks of [first, last]."""
    weeks = iso_weeks(first, last) if first <= last else []
    if len(weeks) > MAX_WEEKS:
        raise ValueError(f"a compliance grid covers at most {MAX_WEEKS} weeks")
    stations = active_stations(session, list(campaign.areas) or [campaign.owner_area], within) if weeks else []
    ids = [s.id for s in stations]
    monday, sunday = (weeks[0], weeks[-1] + timedelta(days=6)) if weeks else (first, first)
    aired = Counter((station_id, monday_of(day))
                    for station_id, day in confirmed_airings(session, campaign, ids, monday, sunday, zone))
    planned = _planned(session, campaign, ids, monday, sunday, zone) if ids else Counter()
    targets = _weekly_targets(campaign)
    covered = station_villages(session, ids)
    reached = villages_reached(session, campaign, covered, monday, sunday, zone)
    rows = []
    for station in stations:
        cells = []
        for week in weeks:
            target = _target_for(targets, station, week)
            required, basis = ((math.ceil(target.value), Basis.TARGET) if target is not None
                               else (planned[station.id, week], Basis.PLANNED) if planned[station.id, week]
                               else (None, None))
            confirmed = aired[station.id, week]
            cells.append(WeekCell(week, confirmed, required, basis, _status(week, confirmed, required, today),
                                  reached.get((station.id, week), 0)))
        own = covered.get(station.id)
        rows.append(StationRow(station, phone_number(station.contact), tuple(cells),
                               own.clusters if own else 0, len(own.villages) if own else 0))
    return ComplianceGrid(campaign, tuple(weeks), tuple(rows), today)


def default_period(campaign: Campaign, today: date, weeks: int = 8) -> tuple[date, date]:
    """The last `weeks` ISO weeks up to today's, kept inside the campaign (its first weeks before it starts)."""
    last = min(max(today, campaign.starts_on), campaign.ends_on)
    first = max(monday_of(last) - timedelta(weeks=weeks - 1), campaign.starts_on)
    return first, last

