"""The demo shows villages: each station's clusters, and a notice planned for one village only."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select

from campaigns.models import Station
from campaigns.village_models import LoudspeakerCluster
from content.area_import import import_areas
from scheduler.demo import load_demo
from scheduler.radio_scripts.building import build_daily_script

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc)


def test_the_demo_has_clusters_and_a_village_notice_in_tomorrows_script(session, session_factory):
    import_areas(session, province_code="37")
    session.commit()
    load_demo(session_factory, province_code="37", now=NOW, zone=ZONE)
    session.expire_all()
    clusters = session.scalars(select(LoudspeakerCluster)).all()
    assert len(clusters) == 6 and all(len(c.villages) == 1 for c in clusters)
    first = clusters[0].villages[0]
    station = session.scalar(select(Station).where(Station.area_id == first.parent_id))
    tomorrow = build_daily_script(session, station, date(2026, 12, 8), zone=ZONE)
    [item] = [i for slot in tomorrow.slots for i in slot.items if i.villages]
    assert item.title == "Họp tổ an ninh tự quản tối thứ Sáu"
    assert item.villages == (first.name,) and item.clusters == (f"Cụm loa {first.name}",)
    others = session.scalars(select(Station).where(Station.id != station.id)).all()
    assert all(not i.villages for s in others for slot in build_daily_script(session, s, date(2026, 12, 8),
                                                                            zone=ZONE).slots for i in slot.items)
