"""A whole slot confirmed in one step: all aired, or the exceptions with their reasons; all or nothing."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from campaigns.airings import AiringInput, confirm_airing
from campaigns.models import Airing, AiringStatus, DeliveryStatus, ReachEvent
from campaigns.slot_confirmations import SlotConfirmation, confirm_slot, reason_field
from content.errors import InvalidInput, PermissionDenied
from content.models import AuditLog, Role
from tests.factories import make_area, make_station, make_user
from tests.radio_scenarios import radio_item, radio_world

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = date(2026, 11, 24)


def local(hour: int, minute: int = 0) -> datetime:
    return datetime.combine(DAY, time(hour, minute), tzinfo=ZONE)


@pytest.fixture
def slot(session):
    """The 06:00 slot of xã An Lạc with three items, and its operator."""
    _, _, station, operator = radio_world(session)
    items = [radio_item(session, station, local(6), title=title).id for title in (
        "Phòng chống cháy nổ mùa hanh khô", "Cảnh giác lừa đảo qua điện thoại", "Lịch tiêm phòng cho trẻ")]
    session.commit()
    return station, operator, items


def count(session, model) -> int:  # type: ignore[no-untyped-def]
    return session.scalar(select(func.count()).select_from(model))


def test_all_aired_records_every_item_at_the_slots_time_with_reach(session, slot):
    station, operator, items = slot
    airings = confirm_slot(session, station, SlotConfirmation(delivery_ids=tuple(items), aired_at=local(6)),
                           slot_items=items, now=local(6, 40), actor=operator).recorded
    assert [(a.delivery_id, a.status, a.aired_at, a.operator_name) for a in airings] == [
        (n, AiringStatus.AIRED, local(6), "Trần Thị Mai") for n in items]
    assert session.scalar(select(func.sum(ReachEvent.value))) == 3 * 5_600
    assert session.scalar(select(func.count()).where(AuditLog.action == "airing.confirm")) == 3


def test_the_exceptions_are_recorded_as_not_aired_with_their_reason_and_no_reach(session, slot):
    station, operator, items = slot
    data = SlotConfirmation(delivery_ids=tuple(items), not_aired={items[1]: "Mất điện từ 6 giờ 10"},
                            operator_name="Lò Thị Xuân")
    airings = confirm_slot(session, station, data, slot_items=items, now=local(6, 40), actor=operator).recorded
    assert [(a.status, a.reason) for a in airings] == [
        (AiringStatus.AIRED, None), (AiringStatus.NOT_AIRED, "Mất điện từ 6 giờ 10"), (AiringStatus.AIRED, None)]
    assert {a.operator_name for a in airings} == {"Lò Thị Xuân"}
    # Blank time means now; only the two aired items count listeners.
    assert airings[0].aired_at == local(6, 40)
    assert session.scalar(select(func.sum(ReachEvent.value))) == 2 * 5_600


def test_an_exception_without_a_reason_is_named_and_nothing_is_recorded(session, slot):
    station, operator, items = slot
    data = SlotConfirmation(delivery_ids=tuple(items), not_aired={items[0]: "  ", items[2]: "Hỏng loa thôn Đông"})
    with pytest.raises(InvalidInput) as refused:
        confirm_slot(session, station, data, slot_items=items, now=local(6, 40), actor=operator)
    assert set(refused.value.errors) == {reason_field(items[0])}
    assert count(session, Airing) == 0 and count(session, ReachEvent) == 0


def test_a_time_in_the_future_refuses_the_whole_slot(session, slot):
    station, operator, items = slot
    with pytest.raises(InvalidInput) as refused:
        confirm_slot(session, station, SlotConfirmation(delivery_ids=tuple(items), aired_at=local(9)),
                     slot_items=items, now=local(6, 40), actor=operator)
    assert set(refused.value.errors) == {"aired_at"}
    session.rollback()
    assert count(session, Airing) == 0


def test_only_the_items_the_operator_saw_are_confirmed(session, slot):
    station, operator, items = slot
    late = radio_item(session, station, local(6), title="Tin bổ sung lúc 5 giờ 50").id
    confirm_slot(session, station, SlotConfirmation(delivery_ids=tuple(items)), slot_items=[*items, late],
                 now=local(6, 40), actor=operator)
    assert session.scalar(select(Airing.id).where(Airing.delivery_id == late)) is None
    assert count(session, Airing) == 3


@pytest.mark.parametrize("listed", ["other_slot", "twice", "none", "reason_for_unlisted"])
def test_a_list_that_does_not_match_the_slot_is_refused_whole(session, slot, listed):
    station, operator, items = slot
    data = {"other_slot": SlotConfirmation(delivery_ids=(items[0], 9_999)),
            "twice": SlotConfirmation(delivery_ids=(items[0], items[0])),
            "none": SlotConfirmation(delivery_ids=()),
            "reason_for_unlisted": SlotConfirmation(delivery_ids=(items[0],), not_aired={items[1]: "Mất điện"}),
            }[listed]
    with pytest.raises(InvalidInput) as refused:
        confirm_slot(session, station, data, slot_items=items, now=local(6, 40), actor=operator)
    assert set(refused.value.errors) == {"slot"}
    assert count(session, Airing) == 0


def test_an_item_cancelled_since_the_page_opened_is_named_against_it(session, slot):
    station, operator, items = slot
    cancelled = radio_item(session, station, local(6), title="Tin đã hủy", status=DeliveryStatus.CANCELLED).id
    with pytest.raises(InvalidInput) as refused:
        confirm_slot(session, station, SlotConfirmation(delivery_ids=(items[0], cancelled)),
                     slot_items=[*items, cancelled], now=local(6, 40), actor=operator)
    assert set(refused.value.errors) == {f"delivery_id-{cancelled}"}


def test_an_operator_of_another_commune_may_not_confirm_the_slot(session, slot):
    station, _, items = slot
    elsewhere = make_area(session, parent=make_area(session, name="Tỉnh Khác"), name="Xã Bên Sông")
    make_station(session, elsewhere)
    stranger = make_user(session, role=Role.RADIO_OPERATOR, area=elsewhere)
    with pytest.raises(PermissionDenied):
        confirm_slot(session, station, SlotConfirmation(delivery_ids=tuple(items)), slot_items=items,
                     now=local(6, 40), actor=stranger)
    session.rollback()
    assert count(session, Airing) == 0


def test_an_item_a_colleague_confirmed_meanwhile_is_kept_not_overwritten_by_all_aired(session, slot):
    station, operator, items = slot
    confirm_airing(session, station, AiringInput(delivery_id=items[1], status="not_aired", reason="Mất điện"),
                   now=local(6, 30), actor=operator)
    result = confirm_slot(session, station, SlotConfirmation(delivery_ids=tuple(items)), slot_items=items,
                          now=local(6, 40), actor=operator)
    assert [a.delivery_id for a in result.recorded] == [items[0], items[2]] and result.kept == [items[1]]
    kept = session.scalar(select(Airing).where(Airing.delivery_id == items[1]))
    assert (kept.status, kept.reason, kept.recorded_at) == (AiringStatus.NOT_AIRED, "Mất điện", local(6, 30))


def test_pressing_the_button_twice_changes_nothing_the_second_time(session, slot):
    station, operator, items = slot
    data = SlotConfirmation(delivery_ids=tuple(items), aired_at=local(6))
    confirm_slot(session, station, data, slot_items=items, now=local(6, 40), actor=operator)
    again = confirm_slot(session, station, data, slot_items=items, now=local(6, 41), actor=operator)
    assert again.recorded == [] and again.kept == items
    assert count(session, Airing) == 3 and count(session, ReachEvent) == 3
