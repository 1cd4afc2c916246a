"""targets get a kind Loa can measure (and its parameter); milestones recorded with their decision

A kind written as free text before ("safe_communes", "khac", …) becomes "other": kept, shown as not
measurable, never lost — its old name goes into the description when that was empty, so the officer
still reads what the row meant and can pick the right kind.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 03:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

# The TargetKind values at this revision, written out so a later change to the enum cannot move this migration.
KINDS = ('station_weekly_airings', 'commune_share', 'portal_visitor_days', 'messages_published', 'milestones',
         'other')


def upgrade() -> None:
    targets = sa.table('targets', sa.column('id', sa.Integer), sa.column('kind', sa.String),
                       sa.column('description', sa.Text))
    connection = op.get_bind()
    for target_id, kind, description in connection.execute(
            sa.select(targets.c.id, targets.c.kind, targets.c.description)).all():
        if kind in KINDS:
            continue
        connection.execute(targets.update().where(targets.c.id == target_id).values(
            kind='other', description=description if (description or '').strip() else kind))
    with op.batch_alter_table('targets', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=sa.String(length=80), type_=sa.Enum(*KINDS, name='targetkind', native_enum=False, length=32), existing_nullable=False)
        batch_op.add_column(sa.Column('min_airings', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('message_kind', sa.Enum('article', 'story', 'notice', name='messagekind', native_enum=False, length=32), nullable=True))
    op.create_table('target_milestones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('area_id', sa.Integer(), nullable=False),
    sa.Column('reached_on', sa.Date(), nullable=False),
    sa.Column('decision_number', sa.String(length=120), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_target_milestones_area_id_areas')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_target_milestones_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['target_id'], ['targets.id'], name=op.f('fk_target_milestones_target_id_targets'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_target_milestones')),
    sa.UniqueConstraint('target_id', 'area_id', name=op.f('uq_target_milestones_target_id'))
    )
    op.create_index(op.f('ix_target_milestones_target_id'), 'target_milestones', ['target_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_target_milestones_target_id'), table_name='target_milestones')
    op.drop_table('target_milestones')
    with op.batch_alter_table('targets', schema=None) as batch_op:
        batch_op.drop_column('message_kind')
        batch_op.drop_column('min_airings')
        batch_op.alter_column('kind', existing_type=sa.Enum(*KINDS, name='targetkind', native_enum=False, length=32), type_=sa.String(length=80), existing_nullable=False)
