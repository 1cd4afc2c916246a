"""feed_subscriber_reports: subscriber counts feed services announce in their User-Agent

Feed fetches and their unique clients per local day are portal_counts rows (page = the feed's path); this
table keeps what each service says its subscriber count is: one row per service, feed and local day (that day's
newest), the newest row per service and feed being the figure.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 10:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'feed_subscriber_reports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('service', sa.String(length=40), nullable=False),
        sa.Column('feed', sa.String(length=40), nullable=False),
        sa.Column('subscribers', sa.Integer(), nullable=False),
        sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_feed_subscriber_reports')),
    )
    with op.batch_alter_table('feed_subscriber_reports', schema=None) as batch_op:
        batch_op.create_index('ix_feed_subscriber_reports_latest', ['service', 'feed', 'seen_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('feed_subscriber_reports', schema=None) as batch_op:
        batch_op.drop_index('ix_feed_subscriber_reports_latest')
    op.drop_table('feed_subscriber_reports')
