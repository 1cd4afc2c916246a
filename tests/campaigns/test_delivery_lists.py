"""Deliveries listed across messages: the viewer's area, a station, a platform, a status, a window of due times."""

from __future__ import annotations

from datetime import timedelta

from campaigns.delivery_lists import DELIVERY_ORDER, STATION_PLATFORM, DeliveryFilter, select_deliveries
from campaigns.models import ChannelKind, DeliveryStatus
from campaigns.planning import plan_deliveries
from content.messages import MessageInput, create_message, transition_message
from content.models import MessageKind, Role
from tests.factories import make_area, make_channel, make_station, make_user


def _world(session, now):  # type: ignore[no-untyped-def]
    province = make_area(session, name="Tỉnh Sông Lam")
    commune = make_area(session, parent=province, name="Xã Hòa Bình")
    other = make_area(session, name="Tỉnh Núi Hồng")
    station = make_station(session, commune, name="Đài xã Hòa Bình")
    zalo = make_channel(session, ChannelKind.ZALO, name="Zalo Công an tỉnh")
    portal = make_channel(session, ChannelKind.PORTAL, name="Cổng thông tin")
    planned = {}
    for area, title in ((commune, "Cảnh giác trộm chó ban đêm"), (other, "Phòng cháy rừng mùa khô")):
        editor = make_user(session, role=Role.EDITOR, area=area)
        approver = make_user(session, role=Role.APPROVER, area=area)
        message = create_message(session, editor, MessageInput(kind=MessageKind.ARTICLE, title=title,
                                                               body_md="Khóa cổng trước khi ngủ.", area_id=area.id),
                                 now=now)
        transition_message(session, message, "submit", actor=editor, now=now)
        transition_message(session, message, "approve", actor=approver, now=now)
        stations = [station] if area is commune else []
        planned[area.id] = plan_deliveries(session, message, actor=approver, due_at=now + timedelta(hours=2),
                                           now=now, channels=[zalo, portal], stations=stations)
    session.commit()
    return province, commune, other, station, planned


def _ids(session, within, criteria=DeliveryFilter()) -> list[int]:  # type: ignore[no-untyped-def]
    return [d.id for d in session.scalars(select_deliveries(within, criteria))]


def test_a_viewer_sees_the_deliveries_of_messages_in_their_area_only(session, now):
    province, commune, other, _station, planned = _world(session, now)
    mine = sorted(d.id for d in planned[commune.id])
    assert sorted(_ids(session, province)) == mine and sorted(_ids(session, commune)) == mine
    assert sorted(_ids(session, None)) == sorted(mine + [d.id for d in planned[other.id]])


def test_filters_narrow_by_platform_station_status_and_due_window(session, now):
    province, commune, _other, station, planned = _world(session, now)
    by_target = {(d.channel.kind.value if d.channel else STATION_PLATFORM): d for d in planned[commune.id]}
    assert _ids(session, province, DeliveryFilter(platforms=("zalo",))) == [by_target["zalo"].id]
    assert sorted(_ids(session, province, DeliveryFilter(platforms=("zalo", STATION_PLATFORM)))) == sorted(
        [by_target["zalo"].id, by_target[STATION_PLATFORM].id])
    assert _ids(session, None, DeliveryFilter(station_id=station.id)) == [by_target[STATION_PLATFORM].id]
    by_target["portal"].status = DeliveryStatus.FAILED
    session.flush()
    assert _ids(session, province, DeliveryFilter(statuses=(DeliveryStatus.FAILED,))) == [by_target["portal"].id]
    due = now + timedelta(hours=2)
    assert _ids(session, province, DeliveryFilter(due_before=due)) == []
    assert len(_ids(session, province, DeliveryFilter(due_after=due, due_before=due + timedelta(seconds=1)))) == 3


def test_the_order_is_a_unique_key_soonest_first(session, now):
    province, _commune, _other, _station, _planned = _world(session, now)
    rows = list(session.scalars(select_deliveries(province, DeliveryFilter()).order_by(*DELIVERY_ORDER)))
    keys = [(d.due_at, d.id) for d in rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys) == 3
