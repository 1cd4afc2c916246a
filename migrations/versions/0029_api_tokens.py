"""api_tokens: integration API tokens for users and stations, stored as hashes, scoped, expiring, revocable

A new table only; nothing watched by the public-changes triggers is altered.

Revision ID: 0029_api_tokens
Revises: 0027_commendations (the coordinator re-chains)
Create Date: 2026-12-07 20:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0029_api_tokens'
down_revision = '0027_commendations'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'api_tokens',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=120), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('station_id', sa.Integer(), nullable=True),
        sa.Column('secret_hash', sa.String(length=64), nullable=False),
        sa.Column('prefix', sa.String(length=16), nullable=False),
        sa.Column('scopes', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('revoked_by_id', sa.Integer(), nullable=True),
        sa.Column('last_used_at', sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint('(user_id IS NULL) <> (station_id IS NULL)', name=op.f('ck_api_tokens_one_owner')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_api_tokens_user_id_users'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_api_tokens_station_id_stations'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_api_tokens_created_by_id_users'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['revoked_by_id'], ['users.id'], name=op.f('fk_api_tokens_revoked_by_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
        sa.UniqueConstraint('secret_hash', name=op.f('uq_api_tokens_secret_hash')),
    )
    op.create_index(op.f('ix_api_tokens_user_id'), 'api_tokens', ['user_id'], unique=False)
    op.create_index(op.f('ix_api_tokens_station_id'), 'api_tokens', ['station_id'], unique=False)
    op.create_index(op.f('ix_api_tokens_prefix'), 'api_tokens', ['prefix'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_api_tokens_prefix'), table_name='api_tokens')
    op.drop_index(op.f('ix_api_tokens_station_id'), table_name='api_tokens')
    op.drop_index(op.f('ix_api_tokens_user_id'), table_name='api_tokens')
    op.drop_table('api_tokens')
