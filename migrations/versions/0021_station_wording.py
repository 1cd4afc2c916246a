"""local_wordings: a message's spoken wording for one station or one area

A row is read instead of the message's spoken text by that station (or every station of that area) while the
message is still at the revision it was written against.

Revision ID: 0021_station_wording
Revises: 0018
Create Date: 2026-12-07 16:10:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0021_station_wording'
down_revision = '0020_villages'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'local_wordings',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('message_id', sa.Integer(), nullable=False),
        sa.Column('station_id', sa.Integer(), nullable=True),
        sa.Column('area_id', sa.Integer(), nullable=True),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('revision_number', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.CheckConstraint('(station_id IS NULL) <> (area_id IS NULL)', name=op.f('ck_local_wordings_one_place')),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_local_wordings_area_id_areas'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_local_wordings_message_id_messages'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_local_wordings_station_id_stations'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_local_wordings_updated_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_local_wordings')),
        sa.UniqueConstraint('message_id', 'area_id', name='uq_local_wordings_area'),
        sa.UniqueConstraint('message_id', 'station_id', name='uq_local_wordings_station'),
    )
    op.create_index(op.f('ix_local_wordings_message_id'), 'local_wordings', ['message_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_local_wordings_message_id'), table_name='local_wordings')
    op.drop_table('local_wordings')
