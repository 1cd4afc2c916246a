"""The desk's notice "N stations did not air enough last week", for the officers answerable for them.

Answerable for a station of a campaign are the editors and approvers whose area lies between the
campaign's owner area and the station's area, both included: the province that owns the plan hears of
every commune's station, a commune's officers of their own, and a neighbouring commune of none. Admins and
analysts are left out (they manage and read; they do not follow stations up), and so is a nationwide account,
which owns no province's plan.

Computed when the desk is read, from the same grid the officer is sent to, so the two never disagree: a
few queries per campaign that ran last week, with no job to schedule and no stale notice to clear.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.compliance import CellStatus, compliance_grid
from campaigns.models import Campaign
from campaigns.station_airings import monday_of
from content.models import Area, Role, User

ANSWERABLE_ROLES = frozenset({Role.EDITOR, Role.APPROVER})
# A desk shows the notices of this many campaigns at most, the most recently started first.
MAX_CAMPAIGNS = 20


@dataclass(frozen=True)
class MissedWeek:
    campaign: Campaign
    week: date  # Monday of the last full ISO week
    stations: int  # how many stations did not confirm what they owed that week

    @property
    def sunday(self) -> date:
        return self.week + timedelta(days=6)


def _ancestor_paths(area: Area) -> list[str]:
    """"/A/B/C/" → ["/A/", "/A/B/", "/A/B/C/"]: the areas a campaign owning the user's area may belong to."""
    parts = [p for p in area.path.split("/") if p]
    return ["/" + "/".join(parts[:n]) + "/" for n in range(1, len(parts) + 1)]


def missed_last_week(session: Session, user: User, *, today: date, zone: ZoneInfo) -> list[MissedWeek]:
    """For each campaign that ran last week and is owned by the user's area or above it, the stations in the
    user's subtree that missed what they owed; campaigns where none did are left out."""
    if not user.is_active or user.role not in ANSWERABLE_ROLES or user.area is None:
        return []
    week = monday_of(today) - timedelta(weeks=1)
    sunday = week + timedelta(days=6)
    campaigns = session.scalars(
        select(Campaign).join(Area, Campaign.owner_area_id == Area.id)
        .where(Area.path.in_(_ancestor_paths(user.area)), Campaign.starts_on <= sunday, Campaign.ends_on >= week)
        .order_by(Campaign.starts_on.desc(), Campaign.id.desc()).limit(MAX_CAMPAIGNS))
    notices = []
    for campaign in campaigns:
        grid = compliance_grid(session, campaign, first=week, last=sunday, today=today, zone=zone, within=user.area)
        missed = sum(1 for row in grid.rows if row.cells[0].status is CellStatus.MISSED)
        if missed:
            notices.append(MissedWeek(campaign, week, missed))
    return notices
