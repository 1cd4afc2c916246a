"""portal visits: the day's visitor salt, the day's seen visitors, site-wide portal counts

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 03:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('visitor_salts',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('salt', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('day', name=op.f('pk_visitor_salts'))
    )
    op.create_table('seen_visitors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('visitor', sa.String(length=32), nullable=False),
    sa.Column('scope', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_seen_visitors')),
    sa.UniqueConstraint('day', 'visitor', 'scope', name='uq_seen_visitors_key')
    )
    op.create_table('portal_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('page', sa.String(length=40), nullable=False),
    sa.Column('metric', sa.String(length=80), nullable=False),
    sa.Column('source', sa.Enum('measured', 'reported', 'estimated', name='reachsource', native_enum=False, length=32), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('occurred_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_portal_counts'))
    )
    with op.batch_alter_table('portal_counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_portal_counts_occurred_at'), ['occurred_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('portal_counts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_portal_counts_occurred_at'))
    op.drop_table('portal_counts')
    op.drop_table('seen_visitors')
    op.drop_table('visitor_salts')
