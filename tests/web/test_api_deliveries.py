"""Plans and deliveries through the API: the desk's checks, its field errors, its area rule; cursor pages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from campaigns.models import Channel, ChannelKind, Delivery, DeliveryStatus, Station
from campaigns.planning import plan_deliveries
from content.messages import MessageInput, create_message, transition_message
from content.models import Area, Message, MessageKind, Role, User
from tests.api_calls import bearer, call, fields, ok, problem, walk
from tests.factories import make_area, make_channel, make_station, make_user


@dataclass
class World:
    province: Area
    commune: Area
    editor: User  # the province's
    stranger: User  # another province's editor
    station: Station
    zalo: Channel
    message: Message  # approved, the commune's, planned three times
    planned: list[Delivery]


def _message(session, area: Area, now, title: str, *, approve: bool = True) -> Message:  # type: ignore[no-untyped-def]
    editor = make_user(session, role=Role.EDITOR, area=area)
    approver = make_user(session, role=Role.APPROVER, area=area)
    message = create_message(session, editor, MessageInput(kind=MessageKind.ARTICLE, title=title,
                                                           body_md="Khóa cổng, khóa xe trước khi ngủ.",
                                                           area_id=area.id), now=now)
    if approve:
        transition_message(session, message, "submit", actor=editor, now=now)
        transition_message(session, message, "approve", actor=approver, now=now)
    return message


@pytest.fixture
def world(session, now) -> World:  # type: ignore[no-untyped-def]
    province = make_area(session, name="Tỉnh Sông Lam")
    commune = make_area(session, parent=province, name="Xã Hòa Bình")
    other = make_area(session, name="Tỉnh Núi Hồng")
    editor = make_user(session, role=Role.EDITOR, area=province, username="bientap_song_lam")
    stranger = make_user(session, role=Role.EDITOR, area=other, username="bientap_nui_hong")
    station = make_station(session, commune, name="Đài truyền thanh xã Hòa Bình")
    zalo = make_channel(session, ChannelKind.ZALO, name="Zalo Công an tỉnh Sông Lam")
    portal = make_channel(session, ChannelKind.PORTAL, name="Cổng thông tin tỉnh Sông Lam")
    message = _message(session, commune, now, "Cảnh giác trộm chó ban đêm")
    planned = plan_deliveries(session, message, actor=editor, due_at=now + timedelta(hours=2), now=now,
                              channels=[zalo, portal], stations=[station])
    planned += plan_deliveries(session, message, actor=editor, due_at=now + timedelta(days=1), now=now,
                               stations=[station])
    session.commit()
    return World(province, commune, editor, stranger, station, zalo, message, planned)


def test_a_message_s_deliveries_come_soonest_first_page_by_page(client, session, world):
    headers = bearer(session, "deliveries:read", user=world.editor)
    pages = walk(client, f"/messages/{world.message.id}/deliveries", headers, limit=1)
    expected = [d.id for d in sorted(world.planned, key=lambda d: (d.due_at, d.id))]
    assert pages == [[n] for n in expected]
    first = ok(call(client, "GET", f"/messages/{world.message.id}/deliveries", headers))["items"][0]
    assert first["status"] == "planned" and first["message_id"] == world.message.id
    assert first["due_at"] == "2026-11-23T03:00:00Z" or first["due_at"].startswith("2026-11-23T03:00:00")


def test_the_outbox_is_filtered_by_status_platform_station_and_due_window(client, session, world):
    headers = bearer(session, "deliveries:read", user=world.editor)
    zalo = next(d for d in world.planned if d.channel_id == world.zalo.id)
    zalo.status = DeliveryStatus.FAILED
    session.commit()

    def ids(**query) -> list[int]:  # type: ignore[no-untyped-def]
        return [item["id"] for item in ok(call(client, "GET", "/deliveries", headers, query_string=query))["items"]]

    assert ids(status="failed") == [zalo.id]
    assert walk(client, "/deliveries", headers, limit=3) == [
        [d.id for d in sorted(world.planned, key=lambda d: (d.due_at, d.id))][:3], [world.planned[-1].id]]
    assert ids(platform=["zalo", "portal"], status=["failed", "planned"]) == sorted(
        d.id for d in world.planned if d.channel_id is not None)
    at_station = sorted(d.id for d in world.planned if d.station_id == world.station.id)
    assert ids(platform="station") == at_station == ids(station_id=world.station.id)
    assert ids(due_after="2026-11-24T00:00:00+07:00") == [world.planned[-1].id]
    assert len(ids(due_before="2026-11-23T10:30:00+07:00", due_after="2026-11-23T02:30:00Z")) == 3


def test_an_officer_of_another_area_sees_none_of_it(client, session, world):
    headers = bearer(session, "deliveries:read", "deliveries:write", user=world.stranger)
    assert ok(call(client, "GET", "/deliveries", headers))["items"] == []
    problem(call(client, "GET", f"/messages/{world.message.id}/deliveries", headers), 403)
    problem(call(client, "POST", f"/deliveries/{world.planned[0].id}/cancel", headers), 403)
    problem(call(client, "POST", f"/messages/{world.message.id}/plans", headers,
                 json={"station_ids": [world.station.id], "due_at": "2026-11-30T06:00:00+07:00"}), 403)


def test_a_token_without_the_scope_is_refused(client, session, world):
    reader = bearer(session, "messages:read", user=world.editor)
    document = problem(call(client, "GET", "/deliveries", reader), 403)
    assert document["scope"] == "deliveries:read"
    only_reads = bearer(session, "deliveries:read", user=world.editor)
    assert problem(call(client, "POST", f"/deliveries/{world.planned[0].id}/cancel", only_reads), 403)[
        "scope"] == "deliveries:write"
    station = bearer(session, "stations:read", station=world.station)
    problem(call(client, "GET", "/deliveries", station), 403)


def test_bad_times_and_unknown_ids_are_problems(client, session, world):
    headers = bearer(session, "deliveries:read", user=world.editor)
    assert fields(problem(call(client, "GET", "/deliveries", headers, query_string={"due_after": "hôm qua"}),
                          422)) == {"query.due_after"}
    # A time without its offset names no instant.
    problem(call(client, "GET", "/deliveries", headers, query_string={"due_before": "2026-11-23T06:00"}), 422)
    backwards = {"due_after": "2026-11-24T00:00:00Z", "due_before": "2026-11-23T00:00:00Z"}
    assert fields(problem(call(client, "GET", "/deliveries", headers, query_string=backwards), 422)) == {
        "due_before"}
    problem(call(client, "GET", "/deliveries", headers, query_string={"status": "lost"}), 422)
    problem(call(client, "GET", "/messages/999999/deliveries", headers), 404)
    problem(call(client, "GET", "/deliveries", headers, query_string={"cursor": "khong-phai-con-tro"}), 400)


def _count(session) -> int:  # type: ignore[no-untyped-def]
    session.rollback()  # see what the app committed since this session's last read
    return session.scalar(select(func.count()).select_from(Delivery))


def test_planning_queues_deliveries_as_the_desk_does(client, session, world):
    headers = bearer(session, "deliveries:write", user=world.editor)
    before = _count(session)
    body = {"station_ids": [world.station.id], "channel_ids": [world.zalo.id],
            "channel_times": [{"channel_id": world.zalo.id, "due_at": "2026-11-25T19:30:00+07:00"}],
            "daily": [{"first_day": "2026-11-24", "last_day": "2026-11-26", "times": ["06:00", "17:00"]}]}
    summary = ok(call(client, "POST", f"/messages/{world.message.id}/plans", headers, json=body), 201)
    assert summary["count"] == 7 and summary["stations"] == 1 and summary["channels"] == 1
    assert summary["first_due"].startswith("2026-11-23T23:00:00")  # 06:00 on 24 November in Hà Nội
    assert _count(session) == before + 7


def test_planning_answers_the_planning_form_s_field_errors(client, session, world, now):
    headers = bearer(session, "deliveries:write", user=world.editor)
    path = f"/messages/{world.message.id}/plans"
    past = problem(call(client, "POST", path, headers, json={"station_ids": [world.station.id],
                                                             "due_at": "2026-11-22T06:00:00+07:00"}), 422)
    assert fields(past) == {"due_at"} and "đã qua" in past["errors"][0]["message"]
    assert fields(problem(call(client, "POST", path, headers, json={"due_at": "2026-11-30T06:00:00+07:00"}),
                          422)) == {"destinations"}
    assert fields(problem(call(client, "POST", path, headers, json={
        "station_ids": [999999], "due_at": "2026-11-30T06:00:00+07:00"}), 422)) == {"station_ids"}
    assert fields(problem(call(client, "POST", path, headers, json={
        "station_ids": [world.station.id], "due_at": "2026-11-30T06:00"}), 422)) == {"body.due_at"}
    assert fields(problem(call(client, "POST", path, headers, json={
        "station_ids": [world.station.id],
        "daily": [{"first_day": "2026-11-30", "last_day": "2026-11-24", "times": ["06:00"]}]}), 422)) == {"daily"}
    problem(call(client, "POST", path, headers, json={"station_ids": [world.station.id], "mode": "daily"}), 422)
    # Year 1 at +07:00 is before year 1 in UTC: refused as a field, never an overflow.
    assert fields(problem(call(client, "POST", path, headers, json={
        "station_ids": [world.station.id], "due_at": "0001-01-01T00:00:00+07:00"}), 422)) == {"body.due_at"}
    assert _count(session) == 4


def test_a_message_not_yet_approved_cannot_be_planned(client, session, world, now):
    draft = _message(session, world.commune, now, "Bản nháp về an toàn giao thông", approve=False)
    session.commit()
    headers = bearer(session, "deliveries:write", user=world.editor)
    problem(call(client, "POST", f"/messages/{draft.id}/plans", headers,
                 json={"station_ids": [world.station.id], "due_at": "2026-11-30T06:00:00+07:00"}), 409)
    problem(call(client, "POST", "/messages/999999/plans", headers, json={}), 404)


def test_cancel_and_retry_follow_the_dispatch_board_s_rules(client, session, world):
    headers = bearer(session, "deliveries:write", user=world.editor)
    first, failed = world.planned[0], world.planned[1]
    failed.status = DeliveryStatus.FAILED
    session.commit()
    assert ok(call(client, "POST", f"/deliveries/{first.id}/cancel", headers))["status"] == "cancelled"
    assert "không thể hủy" in problem(call(client, "POST", f"/deliveries/{first.id}/cancel", headers), 409)["detail"]
    problem(call(client, "POST", f"/deliveries/{world.planned[2].id}/retry", headers), 409)  # planned: nothing to retry
    retried = ok(call(client, "POST", f"/deliveries/{failed.id}/retry", headers))
    assert retried["status"] == "planned" and retried["attempts"] == 0
    problem(call(client, "POST", "/deliveries/999999/retry", headers), 404)
