"""The reach benchmark's world and its events: a province, its communes and hamlets, three campaigns,
200 published messages, channels and loudspeaker stations, then millions of reach events as Loa writes them.

The tree is the one Vietnam has had since July 2025 (province → commune → hamlet; no districts): the
"district-level" reads of the dashboard are therefore a commune's, whose children are its hamlets.

Events (`generate_events`) follow what the real writers record, with the same metric names and keys:
portal views per message and minute, and daily first visitors, as `campaigns.visits` writes them
(no channel, no area); tracked-link clicks per message, channel and minute, in the message's area
(`campaigns.clicks`); bots apart; one estimated listeners event per confirmed airing, at the station's
area, with the odd correction taken back by an opposite event (`campaigns.airings`); platform snapshots
at +1 h, +24 h and +7 d for Facebook and Zalo (`campaigns.platform_metrics`). A message is read mostly in
the days after it is published, and interest decays; one message is much more popular than another.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
LAST_DAY = date(2026, 11, 30)
DAYS = 90
FIRST_DAY = LAST_DAY - timedelta(days=DAYS - 1)
COMMUNES = 100
HAMLETS_PER_COMMUNE = 5
MESSAGES = 200
CAMPAIGN_SIZES = (80, 60, 40)  # the last 20 messages belong to no campaign
ACTIVE_DAYS = 30
SEED = 20261130
PASSWORD = "mat-khau-do-hieu-nang"
COLUMNS = ("message_id", "channel_id", "station_id", "area_id", "metric", "source", "api_version", "value",
           "occurred_at", "recorded_at")
Row = tuple[int, int | None, int | None, int | None, str, str, str | None, float, datetime, datetime]

_FIRST = ("An", "Bình", "Đông", "Hòa", "Tân", "Phú", "Thạnh", "Hưng", "Long", "Mỹ")
_SECOND = ("Lạc", "Thịnh", "Sơn", "Điền", "Phong", "Quang", "Tiến", "Lợi", "Xuân", "Khánh")


@dataclass(frozen=True)
class World:
    """Ids of what the events refer to, and where the dashboard reads from."""

    province_id: int
    commune_ids: list[int]
    area_of_message: dict[int, int]  # message → its area
    path_of_area: dict[int, str]
    stations: list[tuple[int, int, str, int | None]]  # (id, area id, area path, coverage population)
    channels: dict[str, int]  # kind → channel id
    campaign_ids: list[int]
    page_slug: str  # the published message whose portal page the HTTP part reads
    busiest_commune_id: int


def build_world(factory: sessionmaker[Session]) -> World:
    """Areas, users, campaigns, channels, stations and 200 messages written, approved and published."""
    from bench.articles import build_articles
    from campaigns.models import BroadcastSlot, Campaign, Channel, ChannelKind, Station
    from campaigns.planning import plan_deliveries
    from content.messages import MessageInput, create_message, transition_message
    from content.models import Area, AreaKind, MessageKind, Role, Topic
    from content.users import create_user
    from scheduler.dispatch import run_tick
    from scheduler.sending import DispatchSettings

    rng = random.Random(SEED)
    articles = build_articles()
    written = datetime.combine(FIRST_DAY - timedelta(days=2), time(8), tzinfo=ZONE).astimezone(timezone.utc)
    with factory() as session:
        province = Area(code="R01", name="Tỉnh Sông Lam", kind=AreaKind.PROVINCE, path="/R01/", population=1_250_000)
        communes, hamlets = [], []
        for n in range(COMMUNES):
            code = f"R01{n:03d}"
            commune = Area(code=code, name=f"{'Phường' if n % 7 == 0 else 'Xã'} {_FIRST[n // 10]} {_SECOND[n % 10]}",
                           kind=AreaKind.COMMUNE, division_type="phường" if n % 7 == 0 else "xã", parent=province,
                           path=f"/R01/{code}/", population=rng.randrange(8_000, 26_000))
            communes.append(commune)
            for k in range(HAMLETS_PER_COMMUNE):
                hamlets.append(Area(code=f"{code}-T{k + 1}", name=f"Thôn {k + 1}", kind=AreaKind.RESIDENTIAL,
                                    division_type="thôn", parent=commune, path=f"{commune.path}{code}-T{k + 1}/",
                                    population=rng.randrange(1_200, 4_000)))
        topics = [Topic(slug="lua-dao", name="Phòng chống lừa đảo"), Topic(slug="pccc", name="Phòng cháy chữa cháy"),
                  Topic(slug="an-ninh", name="An ninh trật tự cơ sở")]
        channels = {kind: Channel(kind=kind, name=f"Kênh {kind.value} của tỉnh", area=province) for kind in (
            ChannelKind.PORTAL, ChannelKind.FEED, ChannelKind.FACEBOOK, ChannelKind.ZALO, ChannelKind.TELEGRAM)}
        # A commune station each (a few without a coverage figure), and a loudspeaker cluster in every other
        # commune's first hamlet.
        stations = [Station(name=f"Đài truyền thanh {c.name}", area=c,
                            coverage_population=None if n % 11 == 5 else int((c.population or 0) * 0.7),
                            slots=[BroadcastSlot(starts_at=time(6), minutes=15), BroadcastSlot(starts_at=time(17),
                                                                                               minutes=15)])
                    for n, c in enumerate(communes)]
        stations += [Station(name=f"Cụm loa {hamlets[n * HAMLETS_PER_COMMUNE].name} {c.name}",
                             area=hamlets[n * HAMLETS_PER_COMMUNE], coverage_population=1_500)
                     for n, c in enumerate(communes) if n % 2 == 0]
        session.add_all([province, *communes, *hamlets, *topics, *channels.values(), *stations])
        session.flush()
        editor = create_user(session, actor=None, username="bientap", password=PASSWORD, role=Role.EDITOR,
                             area=province, full_name="Trần Thị Biên")
        approver = create_user(session, actor=None, username="pheduyet", password=PASSWORD, role=Role.APPROVER,
                               area=province, full_name="Lê Văn Duyệt")
        campaigns = [Campaign(plan_number=f"Kế hoạch số {30 + n}/KH-UBND", issuing_body="Ủy ban nhân dân tỉnh",
                              title=title, slug=f"ke-hoach-{30 + n}", description="Kế hoạch giả định cho đo hiệu năng.",
                              starts_on=FIRST_DAY - timedelta(days=30), ends_on=LAST_DAY + timedelta(days=180),
                              owner_area=province, areas=[province], topics=[topics[n]])
                     for n, title in enumerate(("Phòng chống lừa đảo trên không gian mạng",
                                                "Phòng cháy, chữa cháy trong khu dân cư",
                                                "Xây dựng khu dân cư an toàn về an ninh, trật tự"))]
        session.add_all(campaigns)
        owners = [c for c, size in zip(campaigns, CAMPAIGN_SIZES, strict=True) for _ in range(size)]
        area_of_message: dict[int, int] = {}
        due = written + timedelta(hours=4)
        messages = []
        for i in range(MESSAGES):
            article = articles[i % len(articles)]
            roll = rng.random()
            area = province if roll < 0.2 else communes[rng.randrange(COMMUNES)] if roll < 0.8 else \
                hamlets[rng.randrange(len(hamlets))]
            message = create_message(session, editor, MessageInput(
                kind=MessageKind.ARTICLE, title=f"{article.title} (bản tin số {i + 1})", summary=article.summary,
                body_md=article.source, area_id=area.id, topic_ids=(topics[i % 3].id,)), now=written)
            transition_message(session, message, "submit", actor=editor, now=written + timedelta(minutes=5))
            transition_message(session, message, "approve", actor=approver, now=written + timedelta(minutes=30))
            plan_deliveries(session, message, actor=approver, due_at=due, now=written + timedelta(minutes=31),
                            channels=[channels[ChannelKind.PORTAL]])
            if i < len(owners):
                owners[i].messages.append(message)
            area_of_message[message.id] = area.id
            messages.append(message)
        session.commit()
        world = World(
            province_id=province.id, commune_ids=[c.id for c in communes], area_of_message=area_of_message,
            path_of_area={a.id: a.path for a in (province, *communes, *hamlets)},
            stations=[(s.id, s.area_id, s.area.path, s.coverage_population) for s in stations],
            channels={kind.value: channel.id for kind, channel in channels.items()},
            campaign_ids=[c.id for c in campaigns], page_slug=messages[0].slug, busiest_commune_id=communes[0].id)
    sent = run_tick(factory, now=due, worker="bench", settings=DispatchSettings(batch=1000)).sent
    if sent != MESSAGES:
        raise AssertionError(f"dispatch published {sent} messages, expected {MESSAGES}")
    return world


def _local_start(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=ZONE).astimezone(timezone.utc)


def _popularity(rng: random.Random, world: World) -> tuple[list[tuple[int, int]], list[float]]:
    """(message, day index) pairs a reader may land on, with cumulative weights: interest decays after publication."""
    pairs: list[tuple[int, int]] = []
    cumulative: list[float] = []
    total = 0.0
    for message_id in sorted(world.area_of_message):
        published = rng.randrange(0, DAYS - 5)
        appeal = rng.lognormvariate(0, 0.8)
        for d in range(published, min(published + ACTIVE_DAYS, DAYS)):
            total += appeal * (0.85 ** (d - published) + 0.02)
            pairs.append((message_id, d))
            cumulative.append(total)
    return pairs, cumulative


def _airings(rng: random.Random, world: World, active: dict[int, list[int]]) -> Iterator[Row]:
    """Two airings a day per station, each of a message meant for the station's area; some corrected later."""
    for station_id, area_id, path, coverage in world.stations:
        meant = {m for m, a in world.area_of_message.items() if path.startswith(world.path_of_area[a])}
        for d in range(DAYS):
            candidates = [m for m in active.get(d, ()) if m in meant]
            if coverage is None or not candidates:
                continue  # no population: the real code records no estimate rather than a 0
            for slot in (time(6, 2), time(17, 1)):
                aired = datetime.combine(FIRST_DAY + timedelta(days=d), slot, tzinfo=ZONE).astimezone(timezone.utc)
                recorded = aired + timedelta(minutes=rng.randrange(20, 600))
                row: Row = (rng.choice(candidates), None, station_id, area_id, "loudspeaker_listeners", "estimated",
                            None, float(coverage), aired, recorded)
                yield row
                if rng.random() < 0.01:  # "not aired after all": the estimate is taken back, never deleted
                    yield row[:7] + (-float(coverage), aired, recorded + timedelta(hours=3))


def _snapshots(rng: random.Random, world: World, first_day: dict[int, int]) -> Iterator[Row]:
    metrics = {"facebook": ("reactions", "comments", "shares", "post_media_view", "post_total_media_view_unique"),
               "zalo": ("total_view", "total_share")}
    for message_id, d in sorted(first_day.items()):
        sent = datetime.combine(FIRST_DAY + timedelta(days=d), time(7), tzinfo=ZONE).astimezone(timezone.utc)
        for kind, names in metrics.items():
            scale = rng.randrange(200, 5_000)
            for after, share in ((timedelta(hours=1), 0.2), (timedelta(hours=24), 0.7), (timedelta(days=7), 1.0)):
                read = sent + after
                if read.astimezone(ZONE).date() > LAST_DAY:
                    continue
                for n, name in enumerate(names):
                    yield (message_id, world.channels[kind], None, None, name, "reported",
                           "v25.0" if kind == "facebook" else "v2.0", float(int(scale * share / (n + 1))), read, read)


def generate_events(world: World, total: int, *, chunk: int = 50_000) -> Iterator[list[Row]]:
    """`total` events in chunks (airings and platform snapshots first, then readers), always the same for a seed."""
    rng = random.Random(SEED + total)
    pairs, cumulative = _popularity(rng, world)
    active: dict[int, list[int]] = {}
    first_day: dict[int, int] = {}
    for message_id, d in pairs:
        active.setdefault(d, []).append(message_id)
        first_day.setdefault(message_id, d)
    fixed = list(_airings(rng, world, active)) + list(_snapshots(rng, world, first_day))
    if len(fixed) > total // 4:  # a quick run: airings and snapshots thinned to a quarter of the events
        fixed = fixed[::-(-len(fixed) // max(total // 4, 1))][:total]
    for start in range(0, len(fixed), chunk):
        yield fixed[start:start + chunk]
    day_starts = [_local_start(FIRST_DAY + timedelta(days=d)) for d in range(DAYS)]
    social = (world.channels["facebook"],) * 10 + (world.channels["zalo"],) * 7 + (world.channels["telegram"],) * 3
    left = total - len(fixed)
    while left > 0:
        size = min(chunk, left)
        rows: list[Row] = []
        for message_id, d in rng.choices(pairs, cum_weights=cumulative, k=size):
            roll = rng.random()
            minute = day_starts[d] + timedelta(minutes=rng.randrange(1440))
            written = minute + timedelta(seconds=rng.randrange(5, 70))  # the write-behind batch after that minute
            if roll < 0.62:
                rows.append((message_id, None, None, None, "portal_view", "measured", None,
                             float(rng.choice((1, 1, 1, 2, 2, 3, 5))), minute, written))
            elif roll < 0.67:
                rows.append((message_id, None, None, None, "portal_bot_view", "measured", None, 1.0, minute, written))
            elif roll < 0.75:  # first visitors of the day, stamped with the local day's start
                rows.append((message_id, None, None, None, "portal_visitor", "measured", None,
                             float(rng.choice((1, 1, 2, 3))), day_starts[d], written))
            elif roll < 0.97:
                rows.append((message_id, rng.choice(social), None, world.area_of_message[message_id], "link_click",
                             "measured", None, float(rng.choice((1, 1, 1, 2))), minute, written))
            else:
                rows.append((message_id, rng.choice(social), None, world.area_of_message[message_id],
                             "link_bot_click", "measured", None, 1.0, minute, written))
        left -= size
        yield rows


def load_events(engine: Engine, world: World, total: int) -> int:
    """Bulk-load the events: PostgreSQL's COPY, SQLite's executemany of one INSERT; returns the count."""
    from campaigns.models import ReachEvent

    loaded = 0
    if engine.dialect.name == "postgresql":
        raw: Any = engine.raw_connection()
        try:
            with raw.cursor() as cursor:
                with cursor.copy(f"COPY reach_events ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                    for rows in generate_events(world, total):
                        for row in rows:
                            copy.write_row(row)
                        loaded += len(rows)
            raw.commit()
        finally:
            raw.close()
    else:
        with engine.begin() as connection:
            for rows in generate_events(world, total):
                connection.execute(insert(ReachEvent), [dict(zip(COLUMNS, row, strict=True)) for row in rows])
                loaded += len(rows)
    with engine.begin() as connection:
        connection.execute(text("ANALYZE"))  # what autovacuum (PostgreSQL) or `PRAGMA optimize` (SQLite) would do
    return loaded
