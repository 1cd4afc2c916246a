"""Missing-confirmation alerts: raised once per station and day after a slot's end plus the grace, to the
officers answerable for the station and its operators; never when everything was confirmed in time."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

import scheduler.alerts.missed as missed_module
from campaigns.airings import AiringInput, confirm_airing
from campaigns.models import DeliveryStatus
from campaigns.notice_models import ConfirmationAlert, EmailStatus, NoticeKind, Notification
from content.models import Role
from scheduler.alerts.missed import find_missed_days, raise_alerts
from tests.alert_world import DAY, GRACE, AlertWorld, local, person
from tests.radio_scenarios import ZONE


def run(session_factory, at, *, email: bool = False):  # type: ignore[no-untyped-def]
    return raise_alerts(session_factory, now=at, zone=ZONE, grace=GRACE, email_enabled=email)


def notices(session) -> dict[str, NoticeKind]:  # type: ignore[no-untyped-def]
    session.rollback()  # a fresh read: the workers wrote in sessions of their own
    session.expire_all()
    return {n.user.username: n.kind for n in session.scalars(select(Notification))}


def alerts(session) -> list[ConfirmationAlert]:  # type: ignore[no-untyped-def]
    session.rollback()  # a fresh read: the workers wrote in sessions of their own
    session.expire_all()
    return list(session.scalars(select(ConfirmationAlert)))


def test_nothing_is_raised_before_the_slot_ends_plus_the_grace(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    # The 06:00 slot lasts 15 minutes: its deadline is 06:45.
    assert run(session_factory, local(6, 44)).raised == 0
    assert alerts(session) == []


def test_an_unconfirmed_slot_tells_the_communes_officers_and_reminds_its_operator(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    world.item(local(5, 30), title="Phòng chống đuối nước cho trẻ em")
    report = run(session_factory, local(6, 45))
    assert (report.raised, report.notices) == (1, 3)
    [alert] = alerts(session)
    assert (alert.station_id, alert.day, alert.slots, alert.items) == (world.station.id, DAY, ["06:00"], 2)
    # Not the approver, not the province's editor: the commune has officers of its own.
    assert notices(session) == {"bientap_minhtan": NoticeKind.MISSED_CONFIRMATION,
                                "quantri_minhtan": NoticeKind.MISSED_CONFIRMATION,
                                "phatthanh_minhtan": NoticeKind.CONFIRMATION_REMINDER}


def test_one_alert_per_station_and_day_however_many_slots_are_missed(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    world.item(local(17))
    assert run(session_factory, local(6, 50)).raised == 1
    assert run(session_factory, local(7)).raised == 0
    assert run(session_factory, local(18)).raised == 0
    assert len(alerts(session)) == 1
    assert session.scalar(select(func.count()).select_from(Notification)) == 3


def test_the_next_day_raises_its_own_alert(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    world.item(local(6, day=1))
    run(session_factory, local(7))
    run(session_factory, local(7, day=1))
    assert sorted(a.day for a in alerts(session)) == [DAY, DAY + timedelta(days=1)]


def test_nothing_is_raised_when_every_item_was_confirmed_in_time(session, session_factory):
    world = AlertWorld(session)
    aired, skipped = world.item(local(6)), world.item(local(6), title="Tuyên truyền an toàn giao thông")
    confirm_airing(session, world.station, AiringInput(delivery_id=aired.id, status="aired", aired_at=local(6, 2)),
                   now=local(6, 20), actor=world.operator)
    # "Not aired, with a reason" is an answer too: what is chased is silence.
    confirm_airing(session, world.station, AiringInput(delivery_id=skipped.id, status="not_aired",
                                                       reason="Mất điện cả thôn"), now=local(6, 20),
                   actor=world.operator)
    session.commit()
    assert run(session_factory, local(23)).raised == 0
    assert alerts(session) == []


def test_one_confirmed_item_does_not_cover_another_left_unconfirmed(session, session_factory):
    world = AlertWorld(session)
    aired = world.item(local(6))
    world.item(local(6), title="Phòng cháy chữa cháy trong khu dân cư")
    confirm_airing(session, world.station, AiringInput(delivery_id=aired.id, status="aired", aired_at=local(6, 2)),
                   now=local(6, 20), actor=world.operator)
    session.commit()
    run(session_factory, local(7))
    [alert] = alerts(session)
    assert alert.items == 1


def test_held_and_cancelled_items_are_owed_no_confirmation(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6), status=DeliveryStatus.HELD)
    world.item(local(6), status=DeliveryStatus.CANCELLED)
    assert run(session_factory, local(9)).raised == 0


def test_a_retired_station_raises_nothing(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    world.station.is_active = False
    session.commit()
    assert run(session_factory, local(9)).raised == 0


def test_an_item_planned_after_the_last_slot_is_not_late_before_its_own_time(session, session_factory):
    world = AlertWorld(session)
    # The script puts it in the 17:00 slot, the day's last, but it was planned for 21:00.
    world.item(local(21))
    assert run(session_factory, local(21, 29)).raised == 0
    assert run(session_factory, local(21, 30)).raised == 1
    assert alerts(session)[0].slots == ["17:00"]


def test_a_station_without_slots_is_late_at_each_items_own_time(session, session_factory):
    world = AlertWorld(session)
    station = world.station_without_slots()
    world.item(local(10), station=station)
    assert run(session_factory, local(10, 29)).raised == 0
    assert run(session_factory, local(10, 30)).raised == 1
    assert alerts(session)[0].slots == [""]


def test_a_slot_late_in_the_evening_is_raised_after_midnight_for_its_own_day(session, session_factory):
    world = AlertWorld(session)
    world.station.slots[1].starts_at = local(23, 30).time()
    session.commit()
    world.item(local(23, 30))
    assert run(session_factory, local(0, 14, day=1)).raised == 0
    assert run(session_factory, local(0, 15, day=1)).raised == 1
    assert alerts(session)[0].day == DAY


def test_days_before_yesterday_are_left_alone(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    assert run(session_factory, local(7, day=2)).raised == 0


def test_a_commune_without_officers_falls_back_to_the_province(session, session_factory):
    world = AlertWorld(session, commune_officers=False)
    world.item(local(6))
    run(session_factory, local(7))
    assert notices(session) == {"bientap_tinh": NoticeKind.MISSED_CONFIRMATION,
                                "phatthanh_minhtan": NoticeKind.CONFIRMATION_REMINDER}


def test_with_nobody_in_the_tree_nationwide_officers_hear_of_it(session, session_factory):
    world = AlertWorld(session, commune_officers=False)
    world.province_editor.is_active = False
    person(session, role=Role.ADMIN, area=None, username="quantri_toanquoc")
    session.commit()
    world.item(local(6))
    run(session_factory, local(7))
    assert notices(session)["quantri_toanquoc"] is NoticeKind.MISSED_CONFIRMATION


def test_a_second_worker_that_found_the_same_day_raises_nothing_more(session, session_factory, monkeypatch):
    world = AlertWorld(session)
    world.item(local(6))
    with session_factory() as other:
        found_by_both = find_missed_days(other, now=local(7), zone=ZONE, grace=GRACE)
    assert len(found_by_both) == 1
    assert run(session_factory, local(7)).raised == 1
    # The other worker read before the first one committed; its insert meets the unique key.
    monkeypatch.setattr(missed_module, "find_missed_days", lambda *_a, **_k: found_by_both)
    report = run(session_factory, local(7))
    assert (report.raised, report.already) == (0, 1)
    assert len(alerts(session)) == 1
    assert session.scalar(select(func.count()).select_from(Notification)) == 3


def test_mail_waits_only_for_people_with_an_address_when_smtp_is_on(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    run(session_factory, local(7), email=True)
    session.rollback()  # a fresh read: the workers wrote in sessions of their own
    session.expire_all()
    states = {n.user.username: (n.email_status, n.email_to) for n in session.scalars(select(Notification))}
    assert states == {"bientap_minhtan": (EmailStatus.PENDING, "bientap.minhtan@example.vn"),
                      "quantri_minhtan": (EmailStatus.NONE, None),
                      "phatthanh_minhtan": (EmailStatus.PENDING, "dai.minhtan@example.vn")}


def test_without_smtp_no_mail_waits(session, session_factory):
    world = AlertWorld(session)
    world.item(local(6))
    run(session_factory, local(7), email=False)
    session.rollback()  # a fresh read: the workers wrote in sessions of their own
    session.expire_all()
    assert {n.email_status for n in session.scalars(select(Notification))} == {EmailStatus.NONE}


def test_two_workers_checking_at_the_same_moment_raise_one_alert(session, session_factory, monkeypatch):
    import threading

    world = AlertWorld(session)
    world.item(local(6))
    # Both read before either writes: the unique key, not luck in timing, keeps it to one.
    both_read = threading.Barrier(2)
    real_find = missed_module.find_missed_days

    def find_then_wait(*args, **kwargs):  # type: ignore[no-untyped-def]
        found = real_find(*args, **kwargs)
        both_read.wait(timeout=20)
        return found

    monkeypatch.setattr(missed_module, "find_missed_days", find_then_wait)
    reports = []
    workers = [threading.Thread(target=lambda: reports.append(run(session_factory, local(7)))) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert sorted((r.raised, r.already) for r in reports) == [(0, 1), (1, 0)]
    assert len(alerts(session)) == 1
    assert session.scalar(select(func.count()).select_from(Notification)) == 3
