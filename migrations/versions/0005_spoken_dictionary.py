"""the loudspeaker's reading dictionary: admins' abbreviations and the spoken form's settings

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 12:10:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('spoken_abbreviations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('abbreviation', sa.String(length=40), nullable=False),
    sa.Column('expansion', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_spoken_abbreviations_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spoken_abbreviations')),
    sa.UniqueConstraint('abbreviation', name=op.f('uq_spoken_abbreviations_abbreviation'))
    )
    op.create_table('spoken_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=300), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'], name=op.f('fk_spoken_settings_updated_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spoken_settings')),
    sa.UniqueConstraint('key', name=op.f('uq_spoken_settings_key'))
    )


def downgrade() -> None:
    op.drop_table('spoken_settings')
    op.drop_table('spoken_abbreviations')
