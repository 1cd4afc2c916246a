"""Daily reach rollups equal the raw events they summarise: after the job, a recompute, late events, a purge."""

from __future__ import annotations

import random
import threading
import time as time_module
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Date, cast, func, select
from sqlalchemy.orm import Session

from campaigns.airings import AiringInput, confirm_airing
from campaigns.models import Campaign, ChannelKind, ReachDaily, ReachEvent, ReachSource
from campaigns.reach_reads import DayRange, reach_by_area, reach_by_channel, reach_by_day, reach_by_message
from campaigns.reach_rollups import LAG, purge_raw_events, recompute_day, roll_up_new_events
from content.errors import InvalidInput
from content.models import Role
from tests.factories import make_area, make_channel, make_station, make_user
from tests.radio_scenarios import radio_item
from tests.scenarios import approved_message

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
FIRST_DAY = date(2026, 11, 16)
NOW = datetime(2026, 11, 23, 5, 0, tzinfo=timezone.utc)


def local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZONE).astimezone(timezone.utc)


def raw_sums(session: Session) -> dict[tuple, float]:
    """The raw GROUP BY, its local day computed by the database itself (Hà Nội is UTC+7 all year)."""
    if session.get_bind().dialect.name == "sqlite":
        day = func.date(ReachEvent.occurred_at, "+7 hours")
    else:
        day = cast(func.timezone("Asia/Ho_Chi_Minh", ReachEvent.occurred_at), Date)
    keys = (day, ReachEvent.message_id, ReachEvent.channel_id, ReachEvent.station_id, ReachEvent.area_id,
            ReachEvent.metric, ReachEvent.source)
    rows = session.execute(select(*keys, func.sum(ReachEvent.value)).group_by(*keys))
    return {(str(r[0]), *r[1:7]): float(r[7]) for r in rows}


def rollup_sums(session: Session) -> dict[tuple, float]:
    rows = session.scalars(select(ReachDaily))
    return {(r.day.isoformat(), r.message_id, r.channel_id, r.station_id, r.area_id, r.metric, r.source): r.value
            for r in rows}


class World:
    def __init__(self, session: Session):
        self.province = make_area(session, name="Tỉnh Thanh Thủy")
        self.commune = make_area(session, parent=self.province, name="Xã An Lạc")
        self.ward = make_area(session, parent=self.province, name="Phường Bình Minh")
        self.other_province = make_area(session, name="Tỉnh Hà Sơn")
        self.other_commune = make_area(session, parent=self.other_province, name="Xã Tân Tiến")
        self.portal = make_channel(session, ChannelKind.PORTAL)
        self.facebook = make_channel(session, ChannelKind.FACEBOOK)
        self.station = make_station(session, self.commune, coverage_population=4_000)
        self.message, *_ = approved_message(session, NOW, title="Cảnh giác lừa đảo qua mạng")
        self.other_message, *_ = approved_message(session, NOW, title="Phòng chống cháy nổ")

    def random_event(self, rng: random.Random, *, recorded_at: datetime | None = None,
                     day: date | None = None) -> ReachEvent:
        day = day or FIRST_DAY + timedelta(days=rng.randrange(7))
        occurred = local(day, 0) + timedelta(minutes=rng.randrange(24 * 60))
        if rng.random() < 0.3:
            channel, station, metric, source = None, self.station.id, "loudspeaker_listeners", ReachSource.ESTIMATED
        else:
            channel = rng.choice([self.portal, self.facebook]).id
            station = None
            metric, source = rng.choice([("click", ReachSource.MEASURED), ("page_view", ReachSource.MEASURED),
                                         ("reactions", ReachSource.REPORTED)])
        area = rng.choice([self.commune, self.ward, self.other_commune, self.province, None])
        return ReachEvent(message_id=rng.choice([self.message, self.other_message]).id, channel_id=channel,
                          station_id=station, area_id=area.id if area else None, metric=metric, source=source,
                          value=float(rng.randrange(1, 50)), occurred_at=occurred,
                          recorded_at=recorded_at or occurred + timedelta(minutes=rng.randrange(1, 60)))


@pytest.fixture
def world(session: Session) -> World:
    world = World(session)
    session.commit()
    return world


def add_random(session: Session, world: World, n: int, seed: int, **kwargs) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    session.add_all([world.random_event(rng, **kwargs) for _ in range(n)])
    session.commit()


def roll(session: Session, now: datetime = NOW) -> tuple[date, ...]:
    report = roll_up_new_events(session, now=now, zone=ZONE)
    session.commit()
    return report.days


def test_rollups_equal_the_raw_events_after_the_job_a_recompute_and_late_events(session, world):
    add_random(session, world, 400, seed=11)
    assert roll(session) and rollup_sums(session) == raw_sums(session)
    assert len(raw_sums(session)) > 50  # enough distinct keys that a mixed-up column would show

    recompute_day(session, FIRST_DAY + timedelta(days=2), zone=ZONE)
    session.commit()
    assert rollup_sums(session) == raw_sums(session)

    # Events for a past day, recorded only now (a platform's numbers pulled back a week later).
    later = NOW + timedelta(hours=2)
    add_random(session, world, 50, seed=12, recorded_at=later - timedelta(minutes=1), day=FIRST_DAY)
    assert roll(session, later) == ()  # still within LAG: a transaction may yet commit behind them
    assert rollup_sums(session) != raw_sums(session)
    assert roll(session, later + LAG) == (FIRST_DAY,)
    assert rollup_sums(session) == raw_sums(session)
    for n in range(7):
        recompute_day(session, FIRST_DAY + timedelta(days=n), zone=ZONE)
    session.commit()
    assert rollup_sums(session) == raw_sums(session)


def test_running_the_job_again_changes_nothing(session, world):
    add_random(session, world, 120, seed=3)
    roll(session)
    before = {(r.id, r.value) for r in session.scalars(select(ReachDaily))}
    assert roll(session) == () and roll(session, NOW + timedelta(hours=1)) == ()
    session.expire_all()
    assert {(r.id, r.value) for r in session.scalars(select(ReachDaily))} == before


def test_a_recompute_before_the_job_has_run_leaves_the_events_to_the_job(session, world):
    add_random(session, world, 60, seed=5)
    assert recompute_day(session, FIRST_DAY, zone=ZONE) == 0
    session.commit()
    roll(session)
    assert rollup_sums(session) == raw_sums(session)


def test_the_local_day_decides_not_the_utc_day(session, world):
    evening = local(FIRST_DAY, 23, 30)  # 16:30 UTC the same day
    after_midnight = local(FIRST_DAY + timedelta(days=1), 0, 30)  # 17:30 UTC, still the 16th in UTC
    assert evening.date() == after_midnight.date() == FIRST_DAY
    for moment, value in ((evening, 3.0), (after_midnight, 5.0)):
        session.add(ReachEvent(message_id=world.message.id, channel_id=world.portal.id, area_id=world.commune.id,
                               metric="click", source=ReachSource.MEASURED, value=value, occurred_at=moment,
                               recorded_at=moment))
    session.commit()
    roll(session)
    days = {(d.day, d.value) for d in reach_by_day(session, world.message, DayRange(FIRST_DAY, NOW.date()))}
    assert days == {(FIRST_DAY, 3.0), (FIRST_DAY + timedelta(days=1), 5.0)}


def event(world: World, area, metric: str, source: ReachSource, value: float, channel=None):  # type: ignore[no-untyped-def]
    return ReachEvent(message_id=world.message.id, channel_id=channel.id if channel else None,
                      area_id=area.id if area else None, metric=metric, source=source, value=value,
                      occurred_at=local(FIRST_DAY, 9), recorded_at=local(FIRST_DAY, 9))


def test_areas_total_their_subtree_and_kinds_stay_apart(session, world):
    session.add_all([
        event(world, world.commune, "click", ReachSource.MEASURED, 4, world.portal),
        event(world, world.ward, "click", ReachSource.MEASURED, 6, world.facebook),
        event(world, world.province, "click", ReachSource.MEASURED, 1, world.portal),
        event(world, world.other_commune, "click", ReachSource.MEASURED, 10, world.portal),
        event(world, world.commune, "loudspeaker_listeners", ReachSource.ESTIMATED, 4_000),
        event(world, world.ward, "reactions", ReachSource.REPORTED, 7, world.facebook),
        event(world, None, "click", ReachSource.MEASURED, 100, world.portal),
    ])
    session.commit()
    roll(session)
    days = DayRange(FIRST_DAY, FIRST_DAY)

    def table(rows):  # type: ignore[no-untyped-def]
        return {(r.area.name, r.metric, r.kind, r.value) for r in rows}

    assert table(reach_by_area(session, world.message, days, None)) == {
        ("Tỉnh Thanh Thủy", "click", ReachSource.MEASURED, 11.0),
        ("Tỉnh Thanh Thủy", "loudspeaker_listeners", ReachSource.ESTIMATED, 4_000.0),
        ("Tỉnh Hà Sơn", "click", ReachSource.MEASURED, 10.0)}
    assert table(reach_by_area(session, world.message, days, world.province)) == {
        ("Xã An Lạc", "click", ReachSource.MEASURED, 4.0),
        ("Xã An Lạc", "loudspeaker_listeners", ReachSource.ESTIMATED, 4_000.0),
        ("Phường Bình Minh", "click", ReachSource.MEASURED, 6.0)}
    assert {(r.metric, r.kind, r.value) for r in reach_by_day(session, world.message, days, world.province)} == {
        ("click", ReachSource.MEASURED, 11.0), ("loudspeaker_listeners", ReachSource.ESTIMATED, 4_000.0)}
    assert {(r.channel_id, r.metric, r.kind, r.value) for r in reach_by_channel(session, world.message, days)} == {
        (world.portal.id, "click", ReachSource.MEASURED, 115.0),
        (world.facebook.id, "click", ReachSource.MEASURED, 6.0),
        (None, "loudspeaker_listeners", ReachSource.ESTIMATED, 4_000.0)}
    assert reach_by_channel(session, world.other_message, days) == []
    # A platform's snapshots are running totals: summed they would count again at every read, so the
    # rollup reads leave them to campaigns.platform_metrics.
    assert all(r.kind is not ReachSource.REPORTED for r in reach_by_day(session, world.message, days))


def test_a_campaign_sums_its_own_messages_only(session, world):
    campaign = Campaign(plan_number="32/KH-UBND", issuing_body="UBND xã An Lạc", title="Phòng chống lừa đảo",
                        slug="phong-chong-lua-dao", starts_on=FIRST_DAY, ends_on=FIRST_DAY + timedelta(days=30),
                        owner_area=world.province, messages=[world.message])
    session.add(campaign)
    other = ReachEvent(message_id=world.other_message.id, channel_id=world.portal.id, area_id=world.commune.id,
                       metric="click", source=ReachSource.MEASURED, value=50, occurred_at=local(FIRST_DAY, 9),
                       recorded_at=local(FIRST_DAY, 9))
    session.add_all([event(world, world.commune, "click", ReachSource.MEASURED, 4, world.portal),
                     event(world, world.ward, "click", ReachSource.MEASURED, 6, world.facebook), other])
    session.commit()
    roll(session)
    days = DayRange(FIRST_DAY, FIRST_DAY)
    assert {(r.message_id, r.metric, r.value) for r in reach_by_message(session, campaign, days)} == {
        (world.message.id, "click", 10.0)}
    assert {(r.area.name, r.value) for r in reach_by_area(session, campaign, days, world.province)} == {
        ("Xã An Lạc", 4.0), ("Phường Bình Minh", 6.0)}
    assert [(r.value) for r in reach_by_day(session, campaign, days, within=world.ward)] == [6.0]


def test_the_purge_deletes_only_rolled_up_days_past_retention(session, world):
    add_random(session, world, 200, seed=21)
    roll(session)
    # Recorded after the watermark: the job has not added these yet, so they must survive the purge.
    unrolled_at = NOW + timedelta(minutes=1)
    add_random(session, world, 20, seed=22, recorded_at=unrolled_at, day=FIRST_DAY)
    rolled_before = rollup_sums(session)
    everything = raw_sums(session)

    purged = purge_raw_events(session, now=NOW, zone=ZONE, retention_days=4)
    session.commit()
    keep_from = NOW.astimezone(ZONE).date() - timedelta(days=4)
    assert purged > 0
    left = session.scalars(select(ReachEvent)).all()
    assert all(e.occurred_at >= local(keep_from, 0) or e.recorded_at == unrolled_at for e in left)
    assert sum(e.recorded_at == unrolled_at for e in left) == 20
    assert rollup_sums(session) == rolled_before

    with pytest.raises(InvalidInput):
        recompute_day(session, FIRST_DAY, zone=ZONE)
    session.rollback()
    roll(session, unrolled_at + LAG)
    assert rollup_sums(session) == everything


def test_the_purge_needs_a_rollup_first(session, world):
    add_random(session, world, 30, seed=8)
    assert purge_raw_events(session, now=NOW, zone=ZONE, retention_days=1) == 0
    session.commit()
    assert session.scalar(select(func.count()).select_from(ReachEvent)) == 30


def test_two_workers_at_once_count_every_event_once(session_factory, world, monkeypatch):
    import campaigns.reach_rollups as rollups

    summing = rollups._sums

    def slow_sums(*args, **kwargs):  # type: ignore[no-untyped-def]
        time_module.sleep(0.05)  # long enough that, unlocked, the second worker reads the same watermark
        return summing(*args, **kwargs)

    monkeypatch.setattr(rollups, "_sums", slow_sums)
    with session_factory() as session:
        roll(session, NOW - timedelta(days=30))  # the state row exists: the workers meet on its lock alone
        add_random(session, world, 300, seed=31)
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with session_factory() as own:
                barrier.wait()
                roll_up_new_events(own, now=NOW, zone=ZONE)
                own.commit()
        except BaseException as error:  # noqa: BLE001  (reported by the assertion below)
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with session_factory() as session:
        assert rollup_sums(session) == raw_sums(session)


def test_a_corrected_airing_moves_its_estimate_to_the_right_day(session):
    province = make_area(session, name="Tỉnh Thanh Thủy")
    commune = make_area(session, parent=province, name="Xã An Lạc", population=9_000)
    station = make_station(session, commune, coverage_population=5_600)
    operator = make_user(session, role=Role.RADIO_OPERATOR, area=commune)
    day = date(2026, 11, 24)
    delivery = radio_item(session, station, datetime.combine(day, time(6), tzinfo=ZONE))
    confirm_airing(session, station, AiringInput(delivery.id, "aired", local(day, 6, 5)), now=local(day, 7),
                   actor=operator)
    session.commit()
    roll(session, local(day, 8))
    confirm_airing(session, station, AiringInput(delivery.id, "aired", local(day - timedelta(days=1), 17)),
                   now=local(day, 9), actor=operator)
    session.commit()
    roll(session, local(day, 10))
    by_day = {(r.day, r.value) for r in reach_by_day(session, delivery.message, DayRange(day - timedelta(days=1), day))}
    assert by_day == {(day - timedelta(days=1), 5_600.0), (day, 0.0)}
    assert rollup_sums(session) == raw_sums(session)
