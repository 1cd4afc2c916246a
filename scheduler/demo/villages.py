"""The demo's loudspeaker clusters, and one notice planned for a single village, so both show in the demo.

Each station gets a cluster per village of its commune ("Cụm loa Thôn Đồng Sen"), and the first station's
first village gets a meeting notice of its own tomorrow evening: its script then says which cluster to switch
on, and the planning page shows villages to choose from.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from campaigns.models import Station
from campaigns.planning import PlanRequest, plan_message
from campaigns.village_models import LoudspeakerCluster
from content.messages import MessageInput, create_message, transition_message
from content.models import Area, MessageKind, User

VILLAGE_NOTICE = MessageInput(
    kind=MessageKind.NOTICE, area_id=0, title="Họp tổ an ninh tự quản tối thứ Sáu",
    summary="Tổ an ninh tự quản mời các hộ dự họp bàn việc tuần tra ban đêm.",
    body_md=("Tổ an ninh tự quản mời đại diện các hộ gia đình dự họp lúc **19 giờ 30 tối thứ Sáu** tại nhà văn hóa "
             "thôn.\n\nNội dung: phân công tuần tra ban đêm dịp cuối năm, nhắc các hộ khóa cửa, cất xe máy vào nhà "
             "và báo ngay cho Công an xã khi thấy người lạ dò xét."))


def add_clusters(session: Session, stations: list[Station], villages: list[Area], *, now: datetime) -> None:
    """A cluster per village, on the station of the village's commune."""
    by_commune = {station.area_id: station for station in stations}
    for village in villages:
        station = by_commune.get(village.parent_id or 0)
        if station is not None:
            session.add(LoudspeakerCluster(station=station, name=f"Cụm loa {village.name}", villages=[village],
                                           created_at=now))
    session.flush()


def plan_village_notice(session: Session, village: Area, *, editor: User, approver: User, now: datetime,
                        zone: ZoneInfo) -> None:
    """The first village's own notice, at 17:00 tomorrow on the clusters that cover it."""
    commune = village.parent
    assert commune is not None  # a demo village always sits under its commune
    message = create_message(session, editor, replace(VILLAGE_NOTICE, area_id=commune.id),
                             now=now - timedelta(hours=5))
    transition_message(session, message, "submit", actor=editor, now=now - timedelta(hours=4))
    transition_message(session, message, "approve", actor=approver, now=now - timedelta(hours=3))
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    plan_message(session, message, PlanRequest(village_ids=(village.id,),
                                                due_at=datetime.combine(tomorrow, time(17), tzinfo=zone)),
                 actor=approver, now=now - timedelta(hours=2), zone=zone)
