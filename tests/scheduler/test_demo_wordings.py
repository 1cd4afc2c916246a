"""The demo shows a local wording: the first commune's station reads province-wide notices with its own police line."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select

from campaigns.local_wording_models import LocalWording
from campaigns.models import Station
from content.area_import import import_areas
from scheduler.demo import load_demo
from scheduler.radio_scripts.building import build_scripts

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 12, 7, 3, 0, tzinfo=timezone.utc)


def test_the_first_station_reads_its_own_words_and_the_others_the_general_text(session, session_factory):
    import_areas(session, province_code="37")
    session.commit()
    load_demo(session_factory, province_code="37", now=NOW, zone=ZONE)
    session.expire_all()
    wordings = session.scalars(select(LocalWording)).all()
    assert len(wordings) == 3 and {w.station_id for w in wordings} == {wordings[0].station_id}
    stations = session.scalars(select(Station).order_by(Station.id)).all()
    first, others = stations[0], stations[1:]
    assert wordings[0].station_id == first.id
    today = NOW.astimezone(ZONE).date()
    days = [today + timedelta(days=1), today + timedelta(days=2)]
    scripts = build_scripts(session, stations, days, zone=ZONE)
    own = [i for day in days for s in scripts[first.id, day].slots for i in s.items if i.wording_for]
    assert len(own) == 3 and all(i.wording_for == first.name for i in own)
    assert all("không chín một hai, ba bốn năm, sáu bảy chín" in i.text for i in own)  # its own placeholder line
    assert all(f"Công an {first.area.name[:1].lower()}{first.area.name[1:]}" in i.text for i in own)
    elsewhere = [i for st in others for day in days for s in scripts[st.id, day].slots for i in s.items]
    assert elsewhere and not any(i.wording_for or "sáu bảy chín" in i.text for i in elsewhere)
