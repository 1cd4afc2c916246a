"""notifications: missing-confirmation alerts, one per station and day, and each person's copy of one

confirmation_alerts: a station's local day with a slot left unconfirmed past its end plus the grace; the unique
(station_id, day) key is what keeps two workers from both raising it. notifications: one row per person told,
read or unread, with its e-mail's state (pending, sent, failed after retries). users.email: where notices are
also mailed. Plain ADD COLUMN, never a batch copy (a copied table on SQLite would lose its triggers).

Revision ID: 0022_notifications
Revises: 0018
Create Date: 2026-12-07 16:10:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0022_notifications'
down_revision = '0021_station_wording'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('users', sa.Column('email', sa.String(length=254), nullable=True))
    op.create_table(
        'confirmation_alerts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('station_id', sa.Integer(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('slots', sa.JSON(), nullable=False),
        sa.Column('items', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_confirmation_alerts_station_id_stations'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_confirmation_alerts')),
        sa.UniqueConstraint('station_id', 'day', name=op.f('uq_confirmation_alerts_station_id')),
    )
    op.create_table(
        'notifications',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('alert_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.Enum('missed_confirmation', 'confirmation_reminder', name='noticekind',
                                  native_enum=False, length=32), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('email_to', sa.String(length=254), nullable=True),
        sa.Column('email_status', sa.Enum('none', 'pending', 'sending', 'sent', 'failed', name='emailstatus',
                                          native_enum=False, length=32), nullable=False),
        sa.Column('email_attempts', sa.Integer(), nullable=False),
        sa.Column('email_next_attempt_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('email_lease_until', sa.DateTime(timezone=True), nullable=True),
        sa.Column('email_last_error', sa.Text(), nullable=True),
        sa.Column('emailed_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['alert_id'], ['confirmation_alerts.id'],
                                name=op.f('fk_notifications_alert_id_confirmation_alerts'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications')),
        sa.UniqueConstraint('alert_id', 'user_id', name=op.f('uq_notifications_alert_id')),
    )
    op.create_index('ix_notifications_alert_id', 'notifications', ['alert_id'])
    op.create_index('ix_notifications_user_read', 'notifications', ['user_id', 'read_at'])
    op.create_index('ix_notifications_email_due', 'notifications', ['email_status', 'email_next_attempt_at'])


def downgrade() -> None:
    op.drop_table('notifications')
    op.drop_table('confirmation_alerts')
    # SQLite 3.35+ drops a column in place (no copy, so the triggers stay).
    op.drop_column('users', 'email')
