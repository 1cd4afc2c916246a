"""The load test's world: what each loaded address reads, and the two messages whose deliveries the workers send.

A province with one commune and its eight villages (the tip-off form's choices), a topic, 20 published articles
(the home page, a message page, the topic's page and feeds), the commune's loudspeaker station with a token and
today's script (two slots, six items), a webhook channel to the receiver process with a short link to the first
article (the tracking redirect), and one approved message per dispatch round.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bench.dispatch import SECRET, approved_message, people
from bench.fakes.webhook import ReceiverProcess

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
ARTICLES = 20
VILLAGES = 8
TOPIC = "lua-dao"
COMMUNE = "B99-1"  # tipoff_burst.send picks villages B99-1-1 … B99-1-8


@dataclass(frozen=True)
class LoadWorld:
    province_id: int
    approver_id: int
    channel_id: int  # the webhook channel every round's deliveries go to
    round_message_ids: tuple[int, int]  # (alone, under load)
    message_slug: str
    station_id: int
    station_token: str
    short_code: str
    today: date  # the station's local day, whose script the radio address asks for


def build_world(factory: sessionmaker[Session], receiver: ReceiverProcess, credentials_key: str) -> LoadWorld:
    from bench.articles import build_articles
    from campaigns.credentials import set_channel_secret
    from campaigns.links import short_link
    from campaigns.models import BroadcastSlot, Channel, ChannelKind, Station
    from campaigns.planning import plan_deliveries
    from campaigns.station_tokens import issue_station_token
    from content.messages import MessageInput, create_message, transition_message
    from content.models import Area, AreaKind, MessageKind, Topic
    from scheduler.dispatch import run_tick
    from scheduler.sending import DispatchSettings

    now = datetime.now(timezone.utc)
    today = now.astimezone(ZONE).date()
    with factory() as session:
        province, editor, approver = people(session)
        commune = Area(code=COMMUNE, name="Xã Suối Ngọc", kind=AreaKind.COMMUNE, parent=province,
                       path=f"/B99/{COMMUNE}/", population=14_200)
        villages = [Area(code=f"{COMMUNE}-{n}", name=f"Thôn Khe {n}", kind=AreaKind.RESIDENTIAL, parent=commune,
                         path=f"/B99/{COMMUNE}/{COMMUNE}-{n}/") for n in range(1, VILLAGES + 1)]
        topic = Topic(slug=TOPIC, name="Phòng chống lừa đảo")
        portal = Channel(kind=ChannelKind.PORTAL, name="Cổng thông tin tỉnh", area=province)
        webhook = Channel(kind=ChannelKind.WEBHOOK, name="Webhook cổng tỉnh bạn", settings={"url": receiver.url})
        set_channel_secret(webhook, credentials_key, SECRET)
        station = Station(name="Đài truyền thanh xã Suối Ngọc", area=commune, coverage_population=9_000,
                          slots=[BroadcastSlot(starts_at=time(6), minutes=15), BroadcastSlot(starts_at=time(17), minutes=15)])
        session.add_all([commune, *villages, topic, portal, webhook, station])
        session.flush()
        written = now - timedelta(hours=2)
        articles = []
        for n, article in enumerate(build_articles()[:ARTICLES]):
            message = create_message(session, editor, MessageInput(
                kind=MessageKind.ARTICLE, title=article.title, summary=article.summary, body_md=article.source,
                area_id=province.id, topic_ids=(topic.id,)), now=written)
            transition_message(session, message, "submit", actor=editor, now=written)
            transition_message(session, message, "approve", actor=approver, now=written)
            plan_deliveries(session, message, actor=approver, due_at=written + timedelta(minutes=n), now=written,
                            channels=[portal])
            articles.append(message)
        token = issue_station_token(station, now=now)
        link = short_link(session, articles[0], webhook, now=now)
        rounds = (approved_message(session, province, editor, approver, 1).id,
                  approved_message(session, province, editor, approver, 2).id)
        session.commit()
        world = LoadWorld(province.id, approver.id, webhook.id, rounds, articles[0].slug, station.id, token, link.code,
                          today)
        article_ids = [m.id for m in articles]
    published = run_tick(factory, now=now, worker="bench", settings=DispatchSettings(batch=1000)).sent
    if published != ARTICLES:
        raise AssertionError(f"dispatch published {published} articles, expected {ARTICLES}")
    add_todays_script(factory, world, article_ids[:6])
    return world


def add_todays_script(factory: sessionmaker[Session], world: LoadWorld, message_ids: list[int]) -> None:
    """Three items in each of today's slots, already handed to the station (sent), so no worker touches them."""
    import uuid

    from sqlalchemy import insert

    from campaigns.models import Delivery, DeliveryStatus

    def at(hour: int, minute: int) -> datetime:
        return datetime.combine(world.today, time(hour, minute), tzinfo=ZONE).astimezone(timezone.utc)

    created = datetime.now(timezone.utc)
    rows = [{"message_id": message_id, "station_id": world.station_id, "due_at": at(6 if n < 3 else 17, n % 3),
             "status": DeliveryStatus.SENT, "sent_at": created, "attempts": 1, "idempotency_key": f"loa-{uuid.uuid4().hex}",
             "created_at": created, "created_by_id": world.approver_id} for n, message_id in enumerate(message_ids)]
    with factory() as session:
        session.execute(insert(Delivery), rows)
        session.commit()
