"""tipoff desk: readers' feedback on messages, who may read tip-offs, and each tip-off's handling history

message_feedback: one reader's "useful?" and optional note, with no identifier. users.reads_tipoffs: the
per-user grant an admin sets (plain ADD COLUMN, never a batch copy). tipoff_events: status, assignee and
note steps, values as codes only.

Revision ID: 0024_tipoff_desk
Revises: 0023_tipoffs
Create Date: 2026-12-07 17:20:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0024_tipoff_desk'
down_revision = '0023_tipoffs'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'message_feedback',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('message_id', sa.Integer(), nullable=False),
        sa.Column('is_useful', sa.Boolean(), nullable=False),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_message_feedback_message_id_messages'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_message_feedback')),
    )
    op.create_index('ix_message_feedback_message_created', 'message_feedback', ['message_id', 'created_at'])
    op.add_column('users', sa.Column('reads_tipoffs', sa.Boolean(), server_default=sa.false(), nullable=False))
    op.create_table(
        'tipoff_events',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('tipoff_id', sa.Integer(), nullable=False),
        sa.Column('actor_id', sa.Integer(), nullable=True),
        sa.Column('step', sa.Enum('status', 'assignee', 'note', name='tipoffstep', native_enum=False, length=32),
                  nullable=False),
        sa.Column('old_value', sa.String(length=40), nullable=True),
        sa.Column('new_value', sa.String(length=40), nullable=True),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_tipoff_events_actor_id_users'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['tipoff_id'], ['tipoffs.id'], name=op.f('fk_tipoff_events_tipoff_id_tipoffs'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tipoff_events')),
    )
    op.create_index(op.f('ix_tipoff_events_tipoff_id'), 'tipoff_events', ['tipoff_id'])


def downgrade() -> None:
    op.drop_table('tipoff_events')
    # SQLite 3.35+ drops a column in place (no copy, so the triggers stay).
    op.drop_column('users', 'reads_tipoffs')
    op.drop_table('message_feedback')
