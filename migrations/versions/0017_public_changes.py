"""public_changes: a row added by database triggers whenever something the public pages show may have changed

campaigns.public_version read counts and sums over messages and deliveries on every check: a cost that grew with
the tables, and blind to a campaign's, topic's or area's edit. Now every writer (the app, a script, an import)
adds a row to public_changes through triggers on the tables the public pages and feeds are built from; a
delivery only when a portal or feed delivery becomes sent or stops being sent, which is when a message goes
public or leaves. Rows are only ever added (and old ones pruned by the scheduler), never updated: one row
updated by every writer's trigger made PostgreSQL transactions touching two watched tables in different
orders deadlock on it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 13:40:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None

# Kept identical to campaigns.public_version.WATCHED: a test compares them.
WATCHED = ('messages', 'revisions', 'campaigns', 'campaign_messages', 'campaign_areas', 'campaign_topics',
           'message_topics', 'message_areas', 'topics', 'areas', 'media_items')
EVENTS = ('insert', 'update', 'delete')
SQLITE_BUMP = "INSERT INTO public_changes (changed_epoch) VALUES ((julianday('now') - 2440587.5) * 86400.0)"
PG_BUMP = "INSERT INTO public_changes (changed_epoch) VALUES (extract(epoch from clock_timestamp()))"
PUBLIC_KINDS = "('portal', 'feed')"


def _sqlite_delivery_triggers() -> list[str]:
    kind = "(SELECT kind FROM channels WHERE id = {row}.channel_id) IN " + PUBLIC_KINDS
    conditions = {
        'insert': "NEW.status = 'sent' AND " + kind.format(row='NEW'),
        'update': "(OLD.status = 'sent') <> (NEW.status = 'sent') AND " + kind.format(row='NEW'),
        'delete': "OLD.status = 'sent' AND " + kind.format(row='OLD'),
    }
    return [f"CREATE TRIGGER public_changes_deliveries_{event} AFTER {event.upper()} "
            f"{'OF status ' if event == 'update' else ''}ON deliveries WHEN {condition} "
            f"BEGIN {SQLITE_BUMP}; END" for event, condition in conditions.items()]


def upgrade() -> None:
    op.create_table(
        'public_changes',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
        sa.Column('changed_epoch', sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_public_changes')),
        sqlite_autoincrement=True,
    )
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        op.execute(SQLITE_BUMP)
        for table in WATCHED:
            for event in EVENTS:
                op.execute(f"CREATE TRIGGER public_changes_{table}_{event} AFTER {event.upper()} ON {table} "
                           f"BEGIN {SQLITE_BUMP}; END")
        for statement in _sqlite_delivery_triggers():
            op.execute(statement)
    elif bind.dialect.name == 'postgresql':
        op.execute(PG_BUMP)
        op.execute("CREATE FUNCTION public_changes_bump() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN {PG_BUMP}; RETURN NULL; END $$")
        # The channel is checked inside: a trigger's WHEN cannot read another table.
        op.execute("CREATE FUNCTION public_changes_bump_delivery() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   "DECLARE channel integer := CASE TG_OP WHEN 'DELETE' THEN OLD.channel_id ELSE NEW.channel_id END; "
                   f"BEGIN IF EXISTS (SELECT 1 FROM channels WHERE id = channel AND kind IN {PUBLIC_KINDS}) "
                   f"THEN {PG_BUMP}; END IF; RETURN NULL; END $$")
        for table in WATCHED:
            # Once per statement: an import of a thousand areas moves the row once, not a thousand times.
            op.execute(f"CREATE TRIGGER public_changes_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION public_changes_bump()")
        op.execute("CREATE TRIGGER public_changes_deliveries_insert AFTER INSERT ON deliveries FOR EACH ROW "
                   "WHEN (NEW.status = 'sent') EXECUTE FUNCTION public_changes_bump_delivery()")
        op.execute("CREATE TRIGGER public_changes_deliveries_update AFTER UPDATE OF status ON deliveries FOR EACH ROW "
                   "WHEN ((OLD.status = 'sent') IS DISTINCT FROM (NEW.status = 'sent')) "
                   "EXECUTE FUNCTION public_changes_bump_delivery()")
        op.execute("CREATE TRIGGER public_changes_deliveries_delete AFTER DELETE ON deliveries FOR EACH ROW "
                   "WHEN (OLD.status = 'sent') EXECUTE FUNCTION public_changes_bump_delivery()")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        for table in WATCHED:
            for event in EVENTS:
                op.execute(f"DROP TRIGGER IF EXISTS public_changes_{table}_{event}")
        for event in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS public_changes_deliveries_{event}")
    elif bind.dialect.name == 'postgresql':
        for table in WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS public_changes_{table} ON {table}")
        for event in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS public_changes_deliveries_{event} ON deliveries")
        op.execute("DROP FUNCTION IF EXISTS public_changes_bump_delivery()")
        op.execute("DROP FUNCTION IF EXISTS public_changes_bump()")
    op.drop_table('public_changes')
