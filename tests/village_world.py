"""A province with two communes, their stations, villages and loudspeaker clusters, for the village tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from campaigns.clusters import ClusterInput, create_cluster
from campaigns.models import Station
from campaigns.village_models import LoudspeakerCluster
from content.messages import MessageInput, create_message, transition_message
from content.models import Area, Message, MessageKind, Role, User
from content.villages import VillageInput, add_village
from tests.factories import make_area, make_station, make_user

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 1, 0, tzinfo=timezone.utc)


@dataclass
class VillageWorld:
    session: Session
    province: Area
    commune: Area  # Xã Hòa Phong: station with two clusters over three villages
    other: Area  # Xã Bến Sỏi: a station and a village of its own
    station: Station
    other_station: Station
    villages: dict[str, Area]
    clusters: dict[str, LoudspeakerCluster]
    admin: User  # the province's admin
    commune_admin: User
    editor: User  # a province officer who plans

    def message(self, title: str = "Phòng chống đuối nước cho trẻ em", area: Area | None = None) -> Message:
        """An approved message of `area` (the province unless said) written by the world's editor."""
        session, area = self.session, area or self.province
        approver = make_user(session, role=Role.APPROVER, area=area)
        message = create_message(session, self.editor, MessageInput(
            kind=MessageKind.ARTICLE, title=title, body_md="Không cho trẻ em tắm sông một mình.",
            area_id=area.id), now=NOW - timedelta(days=1))
        transition_message(session, message, "submit", actor=self.editor, now=NOW - timedelta(days=1))
        transition_message(session, message, "approve", actor=approver, now=NOW - timedelta(days=1))
        return message


def village_world(session) -> VillageWorld:  # type: ignore[no-untyped-def]
    province = make_area(session, name="Tỉnh Sông Lam Thử")
    commune = make_area(session, parent=province, name="Xã Hòa Phong", population=8_400)
    other = make_area(session, parent=province, name="Xã Bến Sỏi", population=6_100)
    station = make_station(session, commune, name="Đài xã Hòa Phong", coverage_population=7_000)
    other_station = make_station(session, other, name="Đài xã Bến Sỏi", coverage_population=5_500)
    admin = make_user(session, role=Role.ADMIN, area=province, username="quantri_tinh")
    commune_admin = make_user(session, role=Role.ADMIN, area=commune, username="quantri_hoaphong")
    editor = make_user(session, role=Role.EDITOR, area=province, username="bientap_tinh")
    villages = {}
    for name, population in (("Thôn Đồng Cháy", "1.250"), ("Thôn Rú Mít", "930"), ("Thôn Bãi Ngang", ""),
                             ("Xóm Chợ Cũ", "610")):
        villages[name] = add_village(session, commune_admin, commune, VillageInput(name, population), now=NOW)
    villages["Thôn Cây Đa"] = add_village(session, admin, other, VillageInput("Thôn Cây Đa", "1.400"), now=NOW)
    clusters = {
        "Cụm loa Bắc": create_cluster(session, commune_admin, station, ClusterInput(
            "Cụm loa Bắc", (villages["Thôn Đồng Cháy"].id, villages["Thôn Rú Mít"].id)), now=NOW),
        "Cụm loa Nam": create_cluster(session, commune_admin, station, ClusterInput(
            "Cụm loa Nam", (villages["Thôn Rú Mít"].id, villages["Thôn Bãi Ngang"].id)), now=NOW),
        "Cụm loa Cây Đa": create_cluster(session, admin, other_station, ClusterInput(
            "Cụm loa Cây Đa", (villages["Thôn Cây Đa"].id,)), now=NOW),
    }
    return VillageWorld(session, province, commune, other, station, other_station, villages, clusters, admin, commune_admin,
                        editor)
