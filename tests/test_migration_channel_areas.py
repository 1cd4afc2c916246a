"""Migration 0008 (channel areas): channels saved with a platform address in their settings lose it."""

from __future__ import annotations

import json

from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from content.schema import alembic_config, upgrade_database

REVISION = "0008"


def test_a_stored_api_address_is_dropped_and_the_rest_kept(tmp_path):
    url = f"sqlite:///{tmp_path / 'before.db'}"
    before = ScriptDirectory.from_config(alembic_config(url)).get_revision(REVISION).down_revision
    upgrade_database(url, str(before))
    engine = create_engine(url)
    rows = [("telegram", {"chat_id": "@anninh_dongsay", "api_base": "https://thu-token.example.com"}),
            ("facebook", {"page_id": "1029384756", "api_base": "https://graph.example.com", "api_version": "v1.0"}),
            ("webhook", {"url": "https://nhan.example.vn/loa"})]
    with engine.begin() as connection:
        for kind, settings in rows:
            connection.execute(text("INSERT INTO channels (kind, name, settings, is_enabled, created_at) "
                                    "VALUES (:kind, :name, :settings, 1, '2026-11-23 01:00:00')"),
                               {"kind": kind, "name": f"Kênh {kind}", "settings": json.dumps(settings)})
    upgrade_database(url, REVISION)
    with engine.connect() as connection:
        stored = {kind: json.loads(settings) for kind, settings in connection.execute(
            text("SELECT kind, settings FROM channels"))}
        area_ids = connection.execute(text("SELECT area_id FROM channels")).scalars().all()
    engine.dispose()
    assert stored == {"telegram": {"chat_id": "@anninh_dongsay"}, "facebook": {"page_id": "1029384756"},
                      "webhook": {"url": "https://nhan.example.vn/loa"}}
    assert area_ids == [None, None, None]  # nationwide: only a nationwide admin manages them until one assigns an area
