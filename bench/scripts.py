"""Tomorrow's radio scripts for every commune of the country, on SQLite and on PostgreSQL.

3,321 stations (one per commune, as many as Vietnam has had since 2025), two slots each and ten items
each for tomorrow, as a province's campaign cascades to its communes: three national messages, six of
its province's, and either one of the commune's own (every fourth commune) or a seventh provincial one —
1,072 distinct messages, 33,210 deliveries, plus other days' rows the query must leave out.

- cold: `build_scripts` for every station, each distinct message's spoken text read afresh, what the
  first build after an admin edits the reading dictionary costs (the messages' stored spoken texts are
  stamped with another dictionary here, see content.public_forms);
- warm: the same with the spoken texts kept from an earlier build (scheduler.radio_scripts.spoken_cache), what
  every later build and every poll costs (and about what every build costs while the stored texts are current);
each against the bare query for the same rows: the deliveries joined to their messages' columns, and
the slots, fetched as plain tuples — the least any build has to do.

PostgreSQL comes from LOA_BENCH_DATABASE_URL (default postgresql+psycopg://postgres@127.0.0.1:5432/test).
Its public schema is DROPPED and recreated: never point it at a database you need.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import event, insert, select
from sqlalchemy.orm import Session, sessionmaker

from bench.articles import build_articles
from bench.postgres import fresh_database
from bench.timing import Comparison, measure_pair

TITLE = "Daily radio scripts (3,321 stations × 10 items)"
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
PROVINCES = 34
COMMUNES = 3_321
ITEMS = 10
NATIONAL, PROVINCIAL = 3, 7
OWN_EVERY = 4  # one commune in four has an item of its own tomorrow
TODAY = date(2026, 1, 5)
TOMORROW = TODAY + timedelta(days=1)
CREATED = datetime(2026, 1, 4, 1, 0, tzinfo=timezone.utc)
ROUNDS = int(os.environ.get("LOA_BENCH_SCRIPT_ROUNDS", "3"))


def run() -> list[Comparison]:
    rows: list[Comparison] = []
    with tempfile.TemporaryDirectory(prefix="loa-bench-") as tmpdir:
        rows += bench_database(f"sqlite:///{Path(tmpdir) / 'scripts.db'}", "SQLite")
    url = fresh_database()  # None (after saying why) when PostgreSQL is not reachable: the SQLite rows stand
    return rows if url is None else rows + bench_database(url, "PostgreSQL")


def bench_database(url: str, name: str) -> list[Comparison]:
    from content.db import make_engine, make_session_factory
    from content.schema import upgrade_database

    if url.startswith("sqlite"):
        upgrade_database(url)
    engine = make_engine(url)
    try:
        factory = make_session_factory(engine)
        station_ids = populate(factory)
        check_build(factory, engine, station_ids)
        return [bench_cold(factory, name), bench_warm(factory, name)]
    finally:
        engine.dispose()


# --- the timed work -----------------------------------------------------------------------------------------

def build_all(factory: sessionmaker[Session], spoken: Any = None) -> dict:
    """What a nightly job does: load the active stations, build each one's script for tomorrow."""
    from campaigns.models import Station
    from scheduler.radio_scripts.building import build_scripts

    with factory() as session:
        stations = session.scalars(select(Station).where(Station.is_active)).all()
        return build_scripts(session, stations, [TOMORROW], zone=ZONE, spoken=spoken)


def bare_query(factory: sessionmaker[Session]) -> int:
    """The same rows, and the slots, as plain tuples: no ORM objects, no text, no assembly."""
    from campaigns.models import ON_AIR_STATUSES, BroadcastSlot, Delivery, Station
    from content.models import Message
    from content.workflow import SENDABLE

    start = datetime.combine(TOMORROW, time(0), tzinfo=ZONE)
    with factory() as session:
        stations = select(Station.id).where(Station.is_active)
        slots = session.execute(select(BroadcastSlot.station_id, BroadcastSlot.starts_at, BroadcastSlot.minutes)
                                .where(BroadcastSlot.station_id.in_(stations))).all()
        rows = session.execute(
            select(Delivery.id, Delivery.station_id, Delivery.due_at, Delivery.variant, *Message.__table__.columns)
            .join(Message, Delivery.message_id == Message.id)
            .where(Delivery.station_id.in_(stations), Delivery.due_at >= start,
                   Delivery.due_at < start + timedelta(days=1), Delivery.status.in_(ON_AIR_STATUSES),
                   Message.status.in_(SENDABLE))
        ).all()
    return len(rows) + len(slots)


def bench_cold(factory: sessionmaker[Session], name: str) -> Comparison:
    # No warm-up call: check_build has just run the same cold build, and each one costs seconds.
    loa, baseline = measure_pair(lambda: build_all(factory), lambda: bare_query(factory), ops_per_call=COMMUNES,
                                 calls_per_round=1, rounds=ROUNDS, warmup_calls=0)
    return Comparison(f"{name}: cold, per station (whole build {loa.median * COMMUNES:.1f} s)", loa,
                      "bare query, same rows", baseline, "µs")


def bench_warm(factory: sessionmaker[Session], name: str) -> Comparison:
    from scheduler.radio_scripts.spoken_cache import SpokenCache

    spoken = SpokenCache()
    loa, baseline = measure_pair(lambda: build_all(factory, spoken), lambda: bare_query(factory),
                                 ops_per_call=COMMUNES, calls_per_round=1, rounds=ROUNDS, warmup_calls=1)
    return Comparison(f"{name}: warm, per station (whole build {loa.median * COMMUNES:.2f} s)", loa,
                      "bare query, same rows", baseline, "µs")


def check_build(factory: sessionmaker[Session], engine: Any, station_ids: list[int]) -> None:
    """The figures only mean something if the build is complete, right, and a fixed number of queries."""
    from content.models import Priority

    statements: list[str] = []

    def count(connection: Any, cursor: Any, statement: str, *_: Any) -> None:
        if not statement.startswith("BEGIN"):  # SQLite's explicit transaction start is not a query
            statements.append(statement[:60])

    event.listen(engine, "before_cursor_execute", count)
    try:
        scripts = build_all(factory)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    if len(scripts) != COMMUNES or {s.item_count for s in scripts.values()} != {ITEMS}:
        raise AssertionError(f"{len(scripts)} scripts with {sorted({s.item_count for s in scripts.values()})} items")
    # Stations, the spoken dictionary (where the spoken form keeps one), slots, deliveries, the places' own
    # wordings of those messages (campaigns.local_wordings): never one per station.
    if len(statements) > 5:
        raise AssertionError(f"building every script took {len(statements)} queries: {statements}")
    morning, evening = scripts[station_ids[0], TOMORROW].slots
    if morning.items[0].priority is not Priority.PRIORITY or not morning.opening or not evening.items:
        raise AssertionError("tomorrow's first script is not assembled as the data says")


# --- the country, in bulk -----------------------------------------------------------------------------------

def populate(factory: sessionmaker[Session]) -> list[int]:
    """Provinces, communes, stations, slots, messages and deliveries, each in one bulk insert."""
    from campaigns.models import BroadcastSlot, Delivery, DeliveryStatus, Station
    from content.models import Area, AreaKind, Message, MessageKind, MessageStatus, Priority, Revision, Role, User
    from content.rendering import render_markdown

    bodies = radio_bodies()
    with factory() as session:
        session.execute(insert(User), [{"username": "bientap", "full_name": "Trần Thị Biên", "role": Role.EDITOR,
                                        "password_hash": "!", "is_active": True, "created_at": CREATED}])
        author = session.scalar(select(User.id))
        session.execute(insert(Area), [{"code": f"B{p:02d}", "name": f"Tỉnh Đo Hiệu Năng {p}",
                                        "kind": AreaKind.PROVINCE, "path": f"/B{p:02d}/"}
                                       for p in range(1, PROVINCES + 1)])
        provinces = dict(session.execute(select(Area.code, Area.id).where(Area.kind == AreaKind.PROVINCE)).all())
        communes = [(f"B{n % PROVINCES + 1:02d}", f"B{n % PROVINCES + 1:02d}{n:05d}") for n in range(COMMUNES)]
        session.execute(insert(Area), [{"code": code, "name": f"Xã Thử {n}", "kind": AreaKind.COMMUNE,
                                        "parent_id": provinces[parent], "path": f"/{parent}/{code}/"}
                                       for n, (parent, code) in enumerate(communes)])
        area_ids = dict(session.execute(select(Area.code, Area.id).where(Area.kind == AreaKind.COMMUNE)).all())
        session.execute(insert(Station), [{"name": f"Đài truyền thanh xã Thử {n}", "area_id": area_ids[code],
                                           "is_active": True, "contact": ""}
                                          for n, (_, code) in enumerate(communes)])
        station_rows = session.execute(select(Station.id, Station.area_id).order_by(Station.id)).all()
        session.execute(insert(BroadcastSlot), [{"station_id": sid, "starts_at": at, "minutes": 15}
                                                for sid, _ in station_rows for at in (time(6), time(17))])

        def message(n: int, area_id: int, priority: Priority = Priority.NORMAL) -> dict[str, Any]:
            title, body = bodies[n % len(bodies)]
            return {"kind": MessageKind.ARTICLE, "status": MessageStatus.SCHEDULED, "title": f"{title} (số {n})",
                    "slug": f"tin-{n}", "summary": "", "body_md": body, "body_html": render_markdown(body),
                    "priority": priority,
                    "area_id": area_id, "author_id": author, "search_text": "", "version": 1, "name_consent": False,
                    "created_at": CREATED, "updated_at": CREATED}

        specs = [message(n, provinces["B01"]) for n in range(NATIONAL)]
        for p, code in enumerate(sorted(provinces)):
            # Each province's first item is a priority one: it must open the morning slot.
            specs += [message(NATIONAL + p * PROVINCIAL + k, provinces[code],
                              Priority.PRIORITY if k == 0 else Priority.NORMAL) for k in range(PROVINCIAL)]
        own_start = len(specs)
        specs += [message(own_start + n, area_ids[code]) for n, (_, code) in enumerate(communes) if n % OWN_EVERY == 0]
        session.execute(insert(Message), specs)
        ids = session.scalars(select(Message.id).order_by(Message.id)).all()
        # Public forms as a save stores them, but stamped with a dictionary no build has: every one is read afresh.
        session.execute(insert(Revision), [
            {"message_id": message_id, "number": 1, "title": spec["title"], "body_md": spec["body_md"],
             "body_html": spec["body_html"], "fields": {}, "author_id": author, "created_at": CREATED,
             "public_title": spec["title"], "public_html": spec["body_html"], "spoken_stamp": "before-an-edit"}
            for message_id, spec in zip(ids, specs)])
        national, own = ids[:NATIONAL], iter(ids[own_start:])
        provincial = {code: ids[NATIONAL + p * PROVINCIAL:NATIONAL + (p + 1) * PROVINCIAL]
                      for p, code in enumerate(sorted(provinces))}

        def at(day: date, hour: int) -> datetime:
            return datetime.combine(day, time(hour), tzinfo=ZONE).astimezone(timezone.utc)

        def delivery(station_id: int, message_id: int, due: datetime,
                     status: DeliveryStatus = DeliveryStatus.PLANNED) -> dict[str, Any]:
            return {"message_id": message_id, "station_id": station_id, "due_at": due, "status": status,
                    "attempts": 0, "idempotency_key": f"loa-{uuid.uuid4().hex}", "created_at": CREATED}

        rows = []
        for n, ((station_id, _), (parent, _)) in enumerate(zip(station_rows, communes)):
            mine = provincial[parent]
            items = [(m, 6) for m in national] + [(m, 6 if k < 3 else 17) for k, m in enumerate(mine[:6])]
            items.append((next(own), 17) if n % OWN_EVERY == 0 else (mine[6], 17))
            rows += [delivery(station_id, m, at(TOMORROW, hour)) for m, hour in items]
            # Other days, which the query must leave out: today's, already sent, and the day after's.
            rows += [delivery(station_id, national[0], at(TODAY, 6), DeliveryStatus.SENT),
                     delivery(station_id, national[1], at(TOMORROW + timedelta(days=1), 6))]
        session.execute(insert(Delivery), rows)
        session.commit()
    return [sid for sid, _ in station_rows]


def radio_bodies() -> list[tuple[str, str]]:
    """Radio-length notices (80 words or more) cut from the benchmark articles, keeping their Markdown."""
    bodies = []
    for article in build_articles():
        kept: list[str] = []
        for paragraph in article.source.split("\n\n"):
            if paragraph.startswith("#"):
                continue
            kept.append(paragraph)
            if len(" ".join(kept).split()) >= 80:
                break
        bodies.append((article.title, "\n\n".join(kept)))
    return bodies


