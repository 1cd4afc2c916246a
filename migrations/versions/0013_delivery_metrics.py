"""delivery_metric_pulls: which scheduled reads of a sent post's platform figures happened

The figures themselves are ReachEvent rows (source 'reported', metric and API version named); this
table only records the +1 h / +24 h / +7 d pulls per delivery, their attempts and last error.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 03:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'delivery_metric_pulls',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('delivery_id', sa.Integer(), nullable=False),
        sa.Column('slot', sa.String(length=8), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['delivery_id'], ['deliveries.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('delivery_id', 'slot', name='uq_delivery_metric_pull'),
    )


def downgrade() -> None:
    op.drop_table('delivery_metric_pulls')
