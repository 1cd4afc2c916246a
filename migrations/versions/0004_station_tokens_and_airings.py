"""station token revocation; airing confirmations: one per delivery, a reason, who read it, its reach

Nothing wrote airings before this revision, so the unique delivery_id cannot meet duplicates.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 11:39:20
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('airings', schema=None) as batch_op:
        batch_op.add_column(sa.Column('operator_name', sa.String(length=200), server_default='', nullable=False))
        batch_op.add_column(sa.Column('reason', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('reach_event_id', sa.Integer(), nullable=True))
        batch_op.drop_index(batch_op.f('ix_airings_delivery_id'))
        batch_op.create_unique_constraint(batch_op.f('uq_airings_delivery_id'), ['delivery_id'])
        batch_op.create_foreign_key(batch_op.f('fk_airings_reach_event_id_reach_events'), 'reach_events', ['reach_event_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('token_revoked_at', sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('stations', schema=None) as batch_op:
        batch_op.drop_column('token_revoked_at')

    with op.batch_alter_table('airings', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_airings_reach_event_id_reach_events'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_airings_delivery_id'), type_='unique')
        batch_op.create_index(batch_op.f('ix_airings_delivery_id'), ['delivery_id'], unique=False)
        batch_op.drop_column('reach_event_id')
        batch_op.drop_column('reason')
        batch_op.drop_column('operator_name')

