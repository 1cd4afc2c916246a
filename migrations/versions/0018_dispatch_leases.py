"""dispatch leases: a destination's pause on the channel, urgent deliveries claimed first

channels.paused_until and pause_reason: the dispatcher stops claiming a destination's deliveries on evidence it is
down or throttling, shows why on the dispatch board, and resumes by itself. deliveries.urgent: an emergency's
deliveries, copied from the message's priority when planned, with an index the claim reads them first by.
The status 'uncertain' needs nothing here: statuses are stored as text.

Plain ALTER TABLE ADD COLUMN, never a batch copy: copying a table on SQLite would drop its triggers
(public_changes, message_search).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 13:20:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('channels', sa.Column('paused_until', sa.DateTime(timezone=True), nullable=True))
    op.add_column('channels', sa.Column('pause_reason', sa.Text(), nullable=True))
    op.add_column('deliveries', sa.Column('urgent', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_index('ix_deliveries_urgent_due', 'deliveries', ['status', 'urgent', 'due_at'])
    bind = op.get_bind()
    deliveries = sa.table('deliveries', sa.column('urgent', sa.Boolean), sa.column('message_id', sa.Integer),
                          sa.column('status', sa.String))
    messages = sa.table('messages', sa.column('id', sa.Integer), sa.column('priority', sa.String))
    emergencies = sa.select(messages.c.id).where(messages.c.priority == 'emergency')
    bind.execute(deliveries.update().where(deliveries.c.message_id.in_(emergencies),
                                           deliveries.c.status.in_(['planned', 'claimed'])).values(urgent=True))


def downgrade() -> None:
    op.drop_index('ix_deliveries_urgent_due', table_name='deliveries')
    # SQLite 3.35+ drops a column in place (no copy, so the triggers stay).
    op.drop_column('deliveries', 'urgent')
    op.drop_column('channels', 'pause_reason')
    op.drop_column('channels', 'paused_until')
