"""message_search: ranked, whole-word, accent-insensitive search over messages

messages.search_title holds the folded title (search_text already holds folded title, summary and body), so a
title match can rank above a body match. SQLite gets an FTS5 external-content index over those two columns,
kept current by triggers so every writer (the app, scripts, a migration) leaves it right; PostgreSQL gets a GIN
index over the same weighted tsvector expression content.search queries with. The 'simple' configuration and
unicode61 tokenizer see text already folded by content.vietnamese.fold, so "đ" and the accents are handled
there, once, the same way on both databases.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 11:10:00
"""
from __future__ import annotations

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

# Must stay identical to content.search's PostgreSQL expression, or the planner will not use the index.
PG_VECTOR = ("(setweight(to_tsvector('simple'::regconfig, search_title), 'A'::\"char\") || "
             "setweight(to_tsvector('simple'::regconfig, search_text), 'B'::\"char\"))")


def _fold(text: str) -> str:
    # A copy of content.vietnamese.fold as it is today: migrations do not import app code.
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def upgrade() -> None:
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_title', sa.Text(), server_default='', nullable=False))
    bind = op.get_bind()
    messages = sa.table('messages', sa.column('id', sa.Integer), sa.column('title', sa.String),
                        sa.column('search_title', sa.Text))
    for message_id, title in bind.execute(sa.select(messages.c.id, messages.c.title)).all():
        bind.execute(messages.update().where(messages.c.id == message_id).values(search_title=_fold(title)))
    if bind.dialect.name == 'sqlite':
        op.execute("CREATE VIRTUAL TABLE message_search USING fts5(search_title, search_text, "
                   "content='messages', content_rowid='id', tokenize='unicode61')")
        op.execute("CREATE TRIGGER message_search_insert AFTER INSERT ON messages BEGIN "
                   "INSERT INTO message_search(rowid, search_title, search_text) "
                   "VALUES (new.id, new.search_title, new.search_text); END")
        op.execute("CREATE TRIGGER message_search_delete AFTER DELETE ON messages BEGIN "
                   "INSERT INTO message_search(message_search, rowid, search_title, search_text) "
                   "VALUES ('delete', old.id, old.search_title, old.search_text); END")
        op.execute("CREATE TRIGGER message_search_update AFTER UPDATE OF search_title, search_text ON messages "
                   "BEGIN "
                   "INSERT INTO message_search(message_search, rowid, search_title, search_text) "
                   "VALUES ('delete', old.id, old.search_title, old.search_text); "
                   "INSERT INTO message_search(rowid, search_title, search_text) "
                   "VALUES (new.id, new.search_title, new.search_text); END")
        op.execute("INSERT INTO message_search(message_search) VALUES ('rebuild')")
    elif bind.dialect.name == 'postgresql':
        op.execute(f"CREATE INDEX ix_messages_search ON messages USING gin ({PG_VECTOR})")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        for trigger in ('message_search_insert', 'message_search_delete', 'message_search_update'):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS message_search")
    elif bind.dialect.name == 'postgresql':
        op.execute("DROP INDEX IF EXISTS ix_messages_search")
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_column('search_title')
