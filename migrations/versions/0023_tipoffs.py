"""tipoffs: what citizens send from the portal (phản ánh, tố giác, góp ý), the sender's additions, officers' notes, photos

Every free text is a Fernet token (LOA_TIPOFF_KEY); the receipt code is kept only as its SHA-256; no column
identifies the sender.

Revision ID: 0023_tipoffs
Revises: 0022_notifications
Create Date: 2026-12-07 17:10:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0023_tipoffs'
down_revision = '0022_notifications'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'tipoffs',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('receipt_hash', sa.String(length=64), nullable=False),
        sa.Column('kind', sa.Enum('report', 'denunciation', 'suggestion', name='tipoffkind',
                                  native_enum=False, length=32), nullable=False),
        sa.Column('area_id', sa.Integer(), nullable=False),
        sa.Column('occurred_on', sa.Date(), nullable=True),
        sa.Column('occurred_time', sa.Time(), nullable=True),
        sa.Column('body_ciphertext', sa.Text(), nullable=False),
        sa.Column('contact_ciphertext', sa.Text(), nullable=True),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('status', sa.Enum('new', 'checking', 'valuable', 'not_valuable', 'forwarded', 'closed',
                                    name='tipoffstatus', native_enum=False, length=32), nullable=False),
        sa.Column('status_changed_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('assignee_id', sa.Integer(), nullable=True),
        sa.Column('first_handled_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_tipoffs_area_id_areas')),
        sa.ForeignKeyConstraint(['assignee_id'], ['users.id'], name=op.f('fk_tipoffs_assignee_id_users'),
                                ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tipoffs')),
        sa.UniqueConstraint('receipt_hash', name=op.f('uq_tipoffs_receipt_hash')),
    )
    op.create_index('ix_tipoffs_area_id', 'tipoffs', ['area_id'])
    op.create_index('ix_tipoffs_assignee_id', 'tipoffs', ['assignee_id'])
    op.create_index('ix_tipoffs_received_at', 'tipoffs', ['received_at'])
    op.create_index('ix_tipoffs_area_status', 'tipoffs', ['area_id', 'status'])
    op.create_table(
        'tipoff_additions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tipoff_id', sa.Integer(), nullable=False),
        sa.Column('body_ciphertext', sa.Text(), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['tipoff_id'], ['tipoffs.id'], name=op.f('fk_tipoff_additions_tipoff_id_tipoffs'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tipoff_additions')),
    )
    op.create_index('ix_tipoff_additions_tipoff_id', 'tipoff_additions', ['tipoff_id'])
    op.create_table(
        'tipoff_notes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tipoff_id', sa.Integer(), nullable=False),
        sa.Column('author_id', sa.Integer(), nullable=True),
        sa.Column('body_ciphertext', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_tipoff_notes_author_id_users'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['tipoff_id'], ['tipoffs.id'], name=op.f('fk_tipoff_notes_tipoff_id_tipoffs'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tipoff_notes')),
    )
    op.create_index('ix_tipoff_notes_tipoff_id', 'tipoff_notes', ['tipoff_id'])
    op.create_table(
        'tipoff_photos',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tipoff_id', sa.Integer(), nullable=False),
        sa.Column('addition_id', sa.Integer(), nullable=True),
        sa.Column('file_name', sa.String(length=64), nullable=False),
        sa.Column('mime_type', sa.String(length=40), nullable=False),
        sa.Column('byte_size', sa.Integer(), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['addition_id'], ['tipoff_additions.id'],
                                name=op.f('fk_tipoff_photos_addition_id_tipoff_additions'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['tipoff_id'], ['tipoffs.id'], name=op.f('fk_tipoff_photos_tipoff_id_tipoffs'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tipoff_photos')),
        sa.UniqueConstraint('file_name', name=op.f('uq_tipoff_photos_file_name')),
    )
    op.create_index('ix_tipoff_photos_tipoff_id', 'tipoff_photos', ['tipoff_id'])


def downgrade() -> None:
    op.drop_table('tipoff_photos')
    op.drop_table('tipoff_notes')
    op.drop_table('tipoff_additions')
    op.drop_table('tipoffs')
