"""websub_pings: the outbox of WebSub publish pings

A row is one feed a hub must be told changed, written in the transaction that changed it; the scheduler sends
it (scheduler.websub_job) and sets done_at once the hub took it or it gave up (last_error then says why).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 11:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'websub_pings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('topic_url', sa.String(length=600), nullable=False),
        sa.Column('due_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_websub_pings')),
    )
    with op.batch_alter_table('websub_pings', schema=None) as batch_op:
        batch_op.create_index('ix_websub_pings_pending', ['done_at', 'due_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_websub_pings_topic_url'), ['topic_url'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('websub_pings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_websub_pings_topic_url'))
        batch_op.drop_index('ix_websub_pings_pending')
    op.drop_table('websub_pings')
