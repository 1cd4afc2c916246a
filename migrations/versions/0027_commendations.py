"""commendations: the year's commendations, each with its level, decision and the story and nomination it came from

A new table only; nothing watched by the public-changes triggers is altered.

Revision ID: 0027_commendations
Revises: 0024_tipoff_desk, 0025_nominations, 0026_models (the coordinator re-chains)
Create Date: 2026-12-07 17:15:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0027_commendations'
down_revision = '0026_models'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'commendations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('area_id', sa.Integer(), nullable=False),
        sa.Column('recipient', sa.String(length=300), nullable=False),
        sa.Column('is_collective', sa.Boolean(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('level', sa.Enum('commune', 'provincial_police', 'province', 'ministry', 'government',
                                   name='commendationlevel', native_enum=False, length=32), nullable=False),
        sa.Column('decision_number', sa.String(length=120), nullable=False),
        sa.Column('decided_on', sa.Date(), nullable=False),
        sa.Column('message_id', sa.Integer(), nullable=True),
        sa.Column('nomination_id', sa.Integer(), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_commendations_area_id_areas')),
        sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_commendations_message_id_messages'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['nomination_id'], ['nominations.id'],
                                name=op.f('fk_commendations_nomination_id_nominations'), ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_commendations_recorded_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_commendations')),
    )
    op.create_index('ix_commendations_year_area', 'commendations', ['year', 'area_id'])
    op.create_index(op.f('ix_commendations_message_id'), 'commendations', ['message_id'])
    op.create_index(op.f('ix_commendations_nomination_id'), 'commendations', ['nomination_id'])


def downgrade() -> None:
    op.drop_table('commendations')
