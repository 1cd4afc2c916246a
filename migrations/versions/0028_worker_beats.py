"""worker beats: each worker's last tick, so `loa check` sees workers that hold no claims

A new table only; nothing watched by the public-changes triggers is altered.

Revision ID: 0028_worker_beats
Revises: 0027_commendations
Create Date: 2026-12-07 20:15:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0028_worker_beats'
down_revision = '0027_commendations'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'workers',
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_workers')),
    )
    op.create_index(op.f('ix_workers_last_seen_at'), 'workers', ['last_seen_at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_workers_last_seen_at'), table_name='workers')
    op.drop_table('workers')
