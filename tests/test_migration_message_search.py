"""Migration 0015 (message search): messages saved before it are found by title, whole words, best match first."""

from __future__ import annotations

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from content.schema import alembic_config, upgrade_database
from content.search import search_messages

AT = "2026-11-23 01:00:00"


def insert(connection, table: str, **values: object) -> int:  # type: ignore[no-untyped-def]
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    return connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({marks}) RETURNING id"), values).scalar_one()


def test_messages_saved_before_the_migration_are_indexed_and_the_downgrade_removes_the_index(tmp_path):
    from alembic import command

    url = f"sqlite:///{tmp_path / 'before.db'}"
    upgrade_database(url, "0014")
    engine = create_engine(url)
    with engine.begin() as connection:
        area = insert(connection, "areas", code="01", name="Tỉnh Thử", kind="province", division_type="", path="/01/")
        user = insert(connection, "users", username="bientap", full_name="", password_hash="x", role="editor",
                      is_active=True, created_at=AT, session_version=1)
        for slug, title, body, folded in (
                ("a", "Thông báo của xã", "Cảnh giác lừa đảo qua mạng", "thong bao cua xa canh giac lua dao qua mang"),
                ("b", "Lừa đảo qua mạng", "", "lua dao qua mang")):
            insert(connection, "messages", kind="article", status="draft", title=title, slug=slug, summary="",
                   body_md=body, body_html=f"<p>{body}</p>", priority="normal", area_id=area, author_id=user, search_text=folded,
                   version=1, created_at=AT, updated_at=AT, name_consent=False)
    upgrade_database(url)
    with Session(engine) as session:
        found = search_messages(session, "lừa đảo")
        assert [hit.message.title for hit in found.items] == ["Lừa đảo qua mạng", "Thông báo của xã"]
    command.downgrade(alembic_config(url), "0014")
    with engine.connect() as connection:
        left = connection.execute(text("SELECT name FROM sqlite_master WHERE name LIKE 'message_search%'")).all()
        columns = [row.name for row in connection.execute(text("PRAGMA table_info(messages)"))]
    engine.dispose()
    assert left == [] and "search_title" not in columns
