"""nominations: good-deed nominations from the portal or an officer, their story draft and the recorded consent

One row per nomination: the person, the area, the deed and its date, the nominator's optional contact, where
it came from, its status, the story message made from it (SET NULL if the story goes), and the consent to name
the person: how and when it was given, who recorded it and when, and a scanned form's hash, type and name.

Revision ID: 0025_nominations
Revises: 0022_notifications
Create Date: 2026-12-07 17:15:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0025_nominations'
down_revision = '0022_notifications'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'nominations',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('person_name', sa.String(length=200), nullable=False),
        sa.Column('area_id', sa.Integer(), nullable=False),
        sa.Column('deed', sa.Text(), nullable=False),
        sa.Column('deed_on', sa.Date(), nullable=True),
        sa.Column('nominator_name', sa.String(length=200), nullable=True),
        sa.Column('nominator_contact', sa.String(length=200), nullable=True),
        sa.Column('source', sa.Enum('public', 'officer', name='nominationsource', native_enum=False, length=32),
                  nullable=False),
        sa.Column('entered_by_id', sa.Integer(), nullable=True),
        sa.Column('status', sa.Enum('new', 'story', 'set_aside', name='nominationstatus', native_enum=False,
                                    length=32), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('message_id', sa.Integer(), nullable=True),
        sa.Column('consent_method', sa.Enum('signed_form', 'in_person', 'phone', 'written_message',
                                            name='consentmethod', native_enum=False, length=32), nullable=True),
        sa.Column('consent_given_on', sa.Date(), nullable=True),
        sa.Column('consent_recorded_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('consent_recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('consent_note', sa.String(length=500), nullable=True),
        sa.Column('consent_scan_sha256', sa.String(length=64), nullable=True),
        sa.Column('consent_scan_mime', sa.String(length=40), nullable=True),
        sa.Column('consent_scan_name', sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_nominations_area_id_areas')),
        sa.ForeignKeyConstraint(['entered_by_id'], ['users.id'], name=op.f('fk_nominations_entered_by_id_users')),
        sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_nominations_message_id_messages'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['consent_recorded_by_id'], ['users.id'],
                                name=op.f('fk_nominations_consent_recorded_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_nominations')),
        sa.UniqueConstraint('message_id', name=op.f('uq_nominations_message_id')),
    )
    op.create_index(op.f('ix_nominations_area_id'), 'nominations', ['area_id'])
    op.create_index(op.f('ix_nominations_status'), 'nominations', ['status'])
    op.create_index(op.f('ix_nominations_created_at'), 'nominations', ['created_at'])


def downgrade() -> None:
    op.drop_table('nominations')
