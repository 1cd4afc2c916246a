"""reach rollups: the rollup job's state row, and indexes for its incremental read and the dashboards

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 03:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reach_rollup_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('watermark', sa.DateTime(timezone=True), nullable=True),
    sa.Column('purged_before', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reach_rollup_state'))
    )
    with op.batch_alter_table('reach_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reach_events_recorded_at'), ['recorded_at'], unique=False)
    with op.batch_alter_table('reach_daily', schema=None) as batch_op:
        batch_op.create_index('ix_reach_daily_message_day', ['message_id', 'day'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('reach_daily', schema=None) as batch_op:
        batch_op.drop_index('ix_reach_daily_message_day')
    with op.batch_alter_table('reach_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reach_events_recorded_at'))
    op.drop_table('reach_rollup_state')
