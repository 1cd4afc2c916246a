"""The demo's season of reach: eight weeks of readers, clicks, airings and platform figures, recorded by the real code.

Nothing here writes a reach event itself. Portal visits go through `campaigns.visits` (a visitor is the
salted hash of an invented address and user agent, one salt per local day, forgotten the next day),
tracked-link clicks through `campaigns.clicks`, the stations' answers through `campaigns.airings`
(a few "not aired", with the reason a station would give; the station without a coverage figure
estimates nobody), the Facebook and Zalo posts go out through the dispatcher's claim and send steps
(to a stand-in for the platforms: the demo has no token for them), and their figures are recorded at
+1 h, +24 h and +7 d by `campaigns.platform_metrics`. Two milestones are recorded with their decisions,
then the rollup job runs, so every dashboard is full at once.

Seeded: the same `now` gives the same season. The addresses come from the documentation ranges
(RFC 5737), never a real reader's; they are hashed on the way in, as a real request's would be.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from campaigns.airings import AiringInput, confirm_airing
from campaigns.clicks import ClickBuffer, record_clicks
from campaigns.links import BOT_CLICK, ShortLink, find_target
from campaigns.milestones import MilestoneInput, record_milestone
from campaigns.models import (
    Campaign,
    Channel,
    ChannelKind,
    Delivery,
    DeliveryStatus,
    Station,
    TargetKind,
    campaign_messages,
)
from campaigns.planning import plan_deliveries
from campaigns.platform_metrics import SLOTS, record_platform_reading
from campaigns.reach_rollups import LAG, roll_up_new_events
from campaigns.visits import VisitBuffer, make_salts, read_salt, record_visits, visitor_id
from content.models import Message, MessageStatus, User
from scheduler.channels import REGISTRY
from scheduler.channels.contract import Outgoing
from scheduler.channels.facebook import API_VERSION as FACEBOOK_VERSION
from scheduler.channels.zalo_metrics import API_VERSION as ZALO_VERSION
from scheduler.dispatch import claim_due, run_tick
from scheduler.sending import DispatchSettings, send_one

SEED = 2026
WORKER = "demo"
READERS = 420
PHONES = ("Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v} Mobile "
          "Safari/537.36", "Mozilla/5.0 (Linux; Android 13; Redmi Note 12) AppleWebKit/537.36 (KHTML, like Gecko) "
          "Chrome/{v} Mobile Safari/537.36 Zalo/24.1", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
          "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1 v{v}",
          "Mozilla/5.0 (Linux; Android 12; OPPO A57) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v} Mobile "
          "Safari/537.36 [FBAN/FB4A;FBAV/470.0]")
OPERATORS = ("Đinh Văn Toản", "Lò Thị Hiền", "Bùi Quang Vinh", "Vũ Thị Nguyệt")
NOT_AIRED = ("Mất điện cả buổi theo lịch cắt điện của điện lực.", "Loa cụm thôn Đồng Chùa hỏng, đang chờ thay.",
             "Phát thông báo khẩn của xã về phòng chống rét đậm, rét hại thay cho tin này.")
# Per station: the chance an item is aired, the rest split between "not aired" and no answer at all.
RELIABILITY = (0.96, 0.93, 0.9, 0.72)
MILESTONES = (("Quyết định số 2154/QĐ-UBND", 40, "Công nhận xã đạt tiêu chuẩn an toàn về an ninh, trật tự năm 2026."),
              ("Quyết định số 2371/QĐ-UBND", 12, "Công nhận sau đợt kiểm tra, đánh giá của Ban Chỉ đạo phong trào cấp tỉnh."))


@dataclass
class SeasonReport:
    views: int = 0
    clicks: int = 0
    airings: int = 0
    readings: int = 0


class _StandInPlatform:
    """Where the demo's Facebook and Zalo posts go: the demo holds no token, so nothing leaves the machine."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def send(self, outgoing: Outgoing) -> str:
        return f"demo-{self.kind}-{outgoing.delivery_id}"


def _stopped_at(moment: datetime) -> Callable[[], datetime]:
    """The dispatcher's clock for a send in the past: it reads `moment`, however long the send takes."""
    return lambda: moment


def _local(day: date, at: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=zone).astimezone(timezone.utc)


def _published(session: Session) -> list[Message]:
    return list(session.scalars(select(Message).where(Message.status == MessageStatus.PUBLISHED)
                                .order_by(Message.published_at, Message.id)))


def _user(session: Session, username: str) -> User:
    return session.scalars(select(User).where(User.username == username)).one()


def _air(factory: sessionmaker[Session], *, now: datetime, zone: ZoneInfo) -> None:
    """Each published message read on every station's loudspeakers in the days after publication: a plan's
    messages for a week, one slot a day, the others on three days."""
    with factory() as session:
        approver, stations = _user(session, "pheduyet"), list(session.scalars(select(Station).order_by(Station.id)))
        in_plans = set(session.scalars(select(campaign_messages.c.message_id)))
        due_times = set()
        for n, message in enumerate(_published(session)):
            assert message.published_at is not None
            first = message.published_at.astimezone(zone).date() + timedelta(days=1)
            for k in range(7 if message.id in in_plans else 3):
                due = _local(first + timedelta(days=k), time(6) if (n + k) % 2 else time(17), zone)
                planned = plan_deliveries(session, message, actor=approver, due_at=due, now=message.published_at,
                                          stations=stations, zone=zone)
                due_times |= {delivery.due_at for delivery in planned}
        session.commit()
    for moment in sorted(t for t in due_times if t <= now):
        run_tick(factory, now=moment, worker=WORKER, settings=DispatchSettings())


def _confirm(session: Session, rng: random.Random, *, now: datetime) -> int:
    """The stations' answers for what they were sent: aired, not aired with a reason, or no answer yet."""
    stations = list(session.scalars(select(Station).order_by(Station.id)))
    confirmed = 0
    for n, station in enumerate(stations):
        items = session.scalars(select(Delivery).where(Delivery.station_id == station.id,
                                                       Delivery.status == DeliveryStatus.SENT,
                                                       Delivery.due_at <= now - timedelta(hours=2))
                                .order_by(Delivery.due_at, Delivery.id)).all()
        for delivery in items:
            roll = rng.random()
            answered = delivery.due_at + timedelta(minutes=rng.randrange(25, 240))
            if roll < RELIABILITY[n % len(RELIABILITY)]:
                data = AiringInput(delivery.id, "aired", aired_at=delivery.due_at + timedelta(minutes=rng.randrange(0, 9)),
                                   operator_name=OPERATORS[n % len(OPERATORS)])
            elif roll < RELIABILITY[n % len(RELIABILITY)] + 0.05:
                data = AiringInput(delivery.id, "not_aired", operator_name=OPERATORS[n % len(OPERATORS)],
                                   reason=rng.choice(NOT_AIRED))
            else:
                continue  # the station never answered: the compliance grid shows it unconfirmed
            # Answered before the rollup below looks (events younger than its lag wait for the next run).
            confirm_airing(session, station, data, now=min(answered, now - LAG - timedelta(minutes=1)))
            confirmed += 1
    return confirmed


def _post(factory: sessionmaker[Session], *, now: datetime, zone: ZoneInfo, base_url: str) -> list[int]:
    """The province's Facebook Page and Zalo OA, and every published message posted to both, then switched off."""
    with factory() as session:
        portal = session.scalars(select(Channel).where(Channel.kind == ChannelKind.PORTAL)).first()
        assert portal is not None
        area = portal.area  # the province's, as the demo's other channels
        facebook = Channel(kind=ChannelKind.FACEBOOK, name="Trang Facebook Công an tỉnh (minh họa)", area=area,
                           settings={"page_id": "104829375610293"})
        zalo = Channel(kind=ChannelKind.ZALO, name="Zalo OA An ninh cơ sở (minh họa)", area=area,
                       settings={"author": "Công an tỉnh"})
        session.add_all([facebook, zalo])
        session.flush()
        approver, due_times = _user(session, "pheduyet"), set()
        for message in _published(session):
            assert message.published_at is not None
            due = message.published_at + timedelta(minutes=45)
            # An emergency notice also takes every station's next slot (campaigns.planning): those go out too.
            planned = plan_deliveries(session, message, actor=approver, due_at=due, now=message.published_at,
                                      channels=[facebook, zalo], zone=zone)
            due_times |= {delivery.due_at for delivery in planned}
        session.commit()
        kinds = {facebook.id: "facebook", zalo.id: "zalo"}
    settings = DispatchSettings(base_url=base_url)
    for moment in sorted(t for t in due_times if t <= now):
        clock = _stopped_at(moment)
        while True:  # a claim is one destination's group: claim until nothing is due at this moment
            with factory() as session:
                claims = claim_due(session, now=moment, worker=WORKER, limit=100)
            if not claims:
                break
            for delivery_id, (kind, channel_id) in claims:
                connector = _StandInPlatform(kind) if channel_id in kinds else REGISTRY[kind](settings.endpoints)
                send_one(factory, delivery_id, connector, clock=clock, worker=WORKER, settings=settings)
    with factory() as session:
        for channel in session.scalars(select(Channel).where(Channel.id.in_(kinds))):
            channel.is_enabled = False  # until an admin enters the Page's and the OA's tokens
        session.commit()
    return list(kinds)


def _figures(kind: ChannelKind, reach: float) -> tuple[dict[str, float], str]:
    if kind is ChannelKind.FACEBOOK:
        return ({"post_total_media_view_unique": round(reach), "post_media_view": round(reach * 1.6),
                 "reactions": round(reach * 0.045), "comments": round(reach * 0.006),
                 "shares": round(reach * 0.011)}, FACEBOOK_VERSION)
    return {"total_view": round(reach * 0.7), "total_share": round(reach * 0.008)}, ZALO_VERSION


def _read_platforms(session: Session, rng: random.Random, channel_ids: list[int], *, now: datetime) -> int:
    """What Facebook and Zalo would answer at +1 h, +24 h and +7 d: running totals that grow and level off."""
    readings = 0
    sent = session.scalars(select(Delivery).where(Delivery.channel_id.in_(channel_ids),
                                                  Delivery.status == DeliveryStatus.SENT).order_by(Delivery.id)).all()
    for delivery in sent:
        assert delivery.sent_at is not None and delivery.channel is not None
        audience = rng.randrange(600, 4_200)
        for (slot, after), share in zip(SLOTS, (0.22, 0.78, 1.0), strict=True):
            moment = delivery.sent_at + after
            if moment > now:
                break
            values, version = _figures(delivery.channel.kind, audience * share)
            record_platform_reading(session, delivery.id, slot, values=values, api_version=version, now=moment)
            readings += 1
    return readings


def invented_readers(rng: random.Random) -> list[tuple[str, str]]:
    ranges = ("192.0.2", "198.51.100", "203.0.113")
    return [(f"{ranges[n % 3]}.{1 + n // 3 % 250}", rng.choice(PHONES).format(v=118 + n % 9)) for n in range(READERS)]


def _visit_and_click(session: Session, rng: random.Random, *, now: datetime, zone: ZoneInfo) -> tuple[int, int]:
    """Day by day, as the web process would: each day's views and clicks written in that day's batches."""
    readers, published = invented_readers(rng), _published(session)
    appeal = {m.id: rng.uniform(0.5, 1.8) for m in published}
    links = list(session.scalars(select(ShortLink).order_by(ShortLink.id)))
    # Where a link leads is the web layer's to say and is not recorded with a click: any path will do here.
    targets = [find_target(session, link.code, message_path=lambda m: m.slug) for link in links]
    first = min(m.published_at for m in published if m.published_at).astimezone(zone).date()
    views = clicks = 0
    day = first
    while day <= now.astimezone(zone).date():
        cutoff = min(_local(day, time(23, 50), zone), now - LAG - timedelta(minutes=5))
        make_salts(session, day)
        salt = read_salt(session, day)
        assert salt is not None
        visits, taps = VisitBuffer(zone), ClickBuffer()
        weekend = 0.7 if day.weekday() >= 5 else 1.0
        for message in published:
            assert message.published_at is not None
            age = (day - message.published_at.astimezone(zone).date()).days
            if age < 0:
                continue
            wanted = round(38 * appeal[message.id] * weekend * 0.78 ** age + rng.random() * 2)
            # Some readers come back to the same page the same day: a view, not a new visitor.
            regulars = rng.sample(readers, max(1, round(wanted * 0.75))) if wanted else []
            for _ in range(wanted):
                at = _local(day, time(rng.randrange(5, 23), rng.randrange(60)), zone)
                if message.published_at <= at < cutoff:
                    address, agent = rng.choice(regulars)
                    visits.add(message.id, visitor=visitor_id(salt, address, agent), at=at)
                    views += 1
            if age == 0:
                visits.add(message.id, visitor=None, at=message.published_at)  # a preview fetcher's visit
        for _ in range(round(60 * weekend)):  # the front page
            at = _local(day, time(rng.randrange(6, 22), rng.randrange(60)), zone)
            if at < cutoff:
                address, agent = rng.choice(readers)
                visits.add(None, visitor=visitor_id(salt, address, agent), at=at)
        for target, link in zip(targets, links, strict=True):
            if target is None or link.created_at.astimezone(zone).date() > day:
                continue
            age = (day - link.created_at.astimezone(zone).date()).days
            for _ in range(round(14 * appeal[target.message_id] * 0.7 ** age * rng.random())):
                at = _local(day, time(rng.randrange(6, 22), rng.randrange(60)), zone)
                if link.created_at <= at < cutoff:
                    taps.add(target, at)
                    clicks += 1
            if age == 0:
                taps.add(target, link.created_at + timedelta(minutes=1), metric=BOT_CLICK)
        record_visits(session, visits.drain(cutoff, final=True), zone=zone, now=cutoff)
        record_clicks(session, taps.drain(cutoff, final=True), now=cutoff)
        day += timedelta(days=1)
    return views, clicks


def _milestones(session: Session, *, now: datetime, zone: ZoneInfo) -> None:
    officer = _user(session, "bientap")
    for campaign in session.scalars(select(Campaign).order_by(Campaign.id)):
        for target in campaign.targets:
            if target.kind is not TargetKind.MILESTONES:
                continue
            communes = [s.area for s in session.scalars(select(Station).order_by(Station.id))]
            for commune, (decision, days_ago, note) in zip(communes, MILESTONES, strict=False):
                reached = (now - timedelta(days=days_ago)).astimezone(zone).date()
                record_milestone(session, officer, target, MilestoneInput(commune.id, reached, decision, note),
                                 now=now - timedelta(days=days_ago - 2), today=now.astimezone(zone).date())


def record_reach_season(factory: sessionmaker[Session], *, now: datetime, zone: ZoneInfo,
                        base_url: str) -> SeasonReport:
    """Record the season up to `now` and roll it up; to be called once the demo's past has been published."""
    rng = random.Random(SEED)
    report = SeasonReport()
    _air(factory, now=now, zone=zone)
    social = _post(factory, now=now, zone=zone, base_url=base_url)
    with factory() as session:
        report.airings = _confirm(session, rng, now=now)
        report.readings = _read_platforms(session, rng, social, now=now)
        report.views, report.clicks = _visit_and_click(session, rng, now=now, zone=zone)
        _milestones(session, now=now, zone=zone)
        session.commit()
    with factory() as session:
        roll_up_new_events(session, now=now, zone=zone)
        session.commit()
    return report

