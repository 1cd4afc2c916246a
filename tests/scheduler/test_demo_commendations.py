"""The demo shows the year's commendations: its stories' people, each linked to their story, and one group."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select

from campaigns.commendation_models import Commendation
from content.area_import import import_areas
from scheduler.demo import load_demo

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc)


def test_the_demo_commends_its_stories_people_this_year(session, session_factory):
    import_areas(session, province_code="37")
    session.commit()
    load_demo(session_factory, province_code="37", now=NOW, zone=ZONE)
    session.expire_all()
    commendations = session.scalars(select(Commendation).order_by(Commendation.id)).all()
    assert len(commendations) == 4 and {c.year for c in commendations} == {2026}
    people, group = commendations[:3], commendations[3]
    assert all(c.message is not None and c.recipient == c.message.person_name for c in people)
    assert group.is_collective and group.message is None
