"""The public content version moves on every change the public pages show, whoever writes it, and on nothing it
must not wait for: database triggers, checked on both databases."""

from __future__ import annotations

import importlib.util
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import delete, func, insert, inspect, select, text, update

from campaigns import public_version as public_version_module
from campaigns.models import Campaign, ChannelKind, Delivery, DeliveryStatus, PublicChanges, campaign_messages
from campaigns.public_version import WATCHED, prune_public_changes, public_version
from content.models import Area, Topic
from tests.factories import make_area, make_channel, make_published_message

MIGRATION = Path(__file__).resolve().parents[2] / "migrations" / "versions" / "0017_public_changes.py"


def _moves(session, change) -> bool:  # type: ignore[no-untyped-def]
    before = public_version(session).token
    change()
    session.commit()
    return public_version(session).token != before


def _campaign(session, area: Area) -> Campaign:  # type: ignore[no-untyped-def]
    campaign = Campaign(plan_number="KH-07/2026", issuing_body="Công an tỉnh Thử Nghiệm",
                        title="Tháng cao điểm phòng chống lừa đảo", slug="thang-cao-diem-lua-dao",
                        starts_on=date(2026, 12, 1), ends_on=date(2026, 12, 31), owner_area=area)
    session.add(campaign)
    session.commit()
    return campaign


def test_edits_the_old_computed_version_could_not_see_now_move_it(session):
    area = make_area(session, name="Tỉnh Sông Mây")
    topic = Topic(slug="lua-dao", name="Lừa đảo")
    session.add(topic)
    campaign = _campaign(session, area)
    assert _moves(session, lambda: setattr(campaign, "title", "Tháng cao điểm phòng, chống lừa đảo trực tuyến"))
    assert _moves(session, lambda: setattr(topic, "name", "Lừa đảo qua mạng"))
    assert _moves(session, lambda: setattr(area, "name", "Tỉnh Sông Mây Mới"))
    assert _moves(session, lambda: campaign.topics.append(topic))


def test_a_message_going_public_or_leaving_moves_it(session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    session.expire_all()
    campaign = _campaign(session, make_area(session))
    assert _moves(session, lambda: session.execute(
        insert(campaign_messages).values(campaign_id=campaign.id, message_id=message.id)))
    portal = session.scalar(select(Delivery).join(Delivery.channel).where(Delivery.message_id == message.id,
                                                                          Delivery.channel.has(kind=ChannelKind.PORTAL)))
    assert _moves(session, lambda: setattr(portal, "status", DeliveryStatus.FAILED))
    assert _moves(session, lambda: setattr(portal, "status", DeliveryStatus.SENT))


def test_a_social_delivery_being_sent_leaves_it_alone(session, session_factory, now):
    message = make_published_message(session, session_factory, now, kinds=(ChannelKind.FACEBOOK, ChannelKind.WEBHOOK))
    social = update(Delivery).where(Delivery.message_id == message.id)
    assert not _moves(session, lambda: session.execute(social.values(status=DeliveryStatus.SENT)))
    assert not _moves(session, lambda: session.execute(social.values(status=DeliveryStatus.FAILED)))
    channel = make_channel(session, ChannelKind.TELEGRAM)
    assert not _moves(session, lambda: session.execute(social.values(channel_id=channel.id,
                                                                     status=DeliveryStatus.SENT)))


def test_pruning_keeps_the_newest_changes_and_tokens_are_never_reused(session, monkeypatch):
    monkeypatch.setattr(public_version_module, "PRUNE_ABOVE", 5)
    monkeypatch.setattr(public_version_module, "KEEP", 2)
    area = make_area(session)
    session.commit()
    for n in range(8):
        area.name = f"Xã Đổi Tên {n}"
        session.commit()
    seen = public_version(session).token
    assert prune_public_changes(session) > 0
    session.commit()
    assert session.scalar(select(func.count()).select_from(PublicChanges)) == 2
    assert public_version(session).token != seen
    session.execute(delete(PublicChanges))
    session.commit()
    assert public_version(session).token == "0"
    area.name = "Xã Sau Cùng"
    session.commit()
    assert public_version(session).token not in ("0", seen)  # ids go on from where they were


def test_triggers_only_add_rows_so_writers_never_wait_on_each_other(engine):
    """One row updated by every trigger made two PostgreSQL transactions touching watched tables deadlock: rows are
    only added, never updated; and where writers run side by side (PostgreSQL), one never waits on the other."""
    with engine.connect() as first:
        first.execute(text("INSERT INTO topics (slug, name) VALUES ('mot', 'Một')"))
        first.commit()
        before = first.execute(text("SELECT id, changed_epoch FROM public_changes ORDER BY id")).all()
        first.execute(text("UPDATE topics SET name = 'Một (sửa)' WHERE slug = 'mot'"))
        first.commit()
        after = first.execute(text("SELECT id, changed_epoch FROM public_changes ORDER BY id")).all()
        assert after[:len(before)] == before and len(after) > len(before)
        if engine.dialect.name != "postgresql":
            return  # SQLite lets one writer at a time: the side-by-side half has nothing to run on
        first.execute(text("INSERT INTO topics (slug, name) VALUES ('ba', 'Ba')"))  # a change, not committed
        with engine.connect() as second:
            second.execute(text("SET LOCAL lock_timeout = '3s'"))
            second.execute(text("INSERT INTO topics (slug, name) VALUES ('hai', 'Hai')"))  # would wait on one row
            second.commit()
        first.commit()


def test_last_modified_is_when_it_moved(session, now):
    make_area(session)
    session.commit()
    modified = public_version(session).modified
    assert abs(modified - datetime.now(modified.tzinfo)) < timedelta(minutes=1)


def test_every_watched_table_has_its_triggers_at_head(engine):
    """A later SQLite migration that copies a table (batch mode) drops its triggers: this notices."""
    spec = importlib.util.spec_from_file_location("public_changes_migration", MIGRATION)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    assert migration.WATCHED == WATCHED
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            found = {row[0]: row[1] for row in connection.execute(
                text("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'public_changes_%'"))}
            expected = {f"public_changes_{t}_{e}" for t in (*WATCHED, "deliveries") for e in ("insert", "update", "delete")}
        else:
            found = {row[0]: row[1] for row in connection.execute(text(
                "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE 'public_changes_%'"))}
            expected = {f"public_changes_{t}" for t in WATCHED} | {
                f"public_changes_deliveries_{e}" for e in ("insert", "update", "delete")}
        assert set(found) == expected
        assert set(inspect(connection).get_table_names()) >= set(WATCHED)
