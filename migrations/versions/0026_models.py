"""self-management models (mô hình tự quản), the messages featuring them, and model-commune criteria and assessments

targets.kind gains "model_share" (a string column, so nothing to alter).

Revision ID: 0026_models
Revises: 0022_notifications
Create Date: 2026-12-07 17:15:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0026_models'
down_revision = '0022_notifications'
branch_labels = None
depends_on = None

KINDS = ('drug_free', 'cameras', 'clan', 'other')
STATUSES = ('active', 'paused', 'replicated')


def upgrade() -> None:
    op.create_table(
        'self_models',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('area_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.Enum(*KINDS, name='modelkind', native_enum=False, length=32), nullable=False),
        sa.Column('started_on', sa.Date(), nullable=False),
        sa.Column('members', sa.Integer(), nullable=True),
        sa.Column('households', sa.Integer(), nullable=True),
        sa.Column('status', sa.Enum(*STATUSES, name='modelstatus', native_enum=False, length=32), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_self_models_area_id_areas')),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_self_models_created_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_self_models')),
    )
    op.create_index(op.f('ix_self_models_area_id'), 'self_models', ['area_id'], unique=False)
    op.create_table(
        'self_model_messages',
        sa.Column('model_id', sa.Integer(), nullable=False),
        sa.Column('message_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_self_model_messages_message_id_messages'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['model_id'], ['self_models.id'], name=op.f('fk_self_model_messages_model_id_self_models'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('model_id', 'message_id', name=op.f('pk_self_model_messages')),
    )
    op.create_table(
        'model_criteria',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('campaign_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('title', sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'], name=op.f('fk_model_criteria_campaign_id_campaigns'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_model_criteria')),
    )
    op.create_index(op.f('ix_model_criteria_campaign_id'), 'model_criteria', ['campaign_id'], unique=False)
    op.create_table(
        'model_assessments',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('campaign_id', sa.Integer(), nullable=False),
        sa.Column('area_id', sa.Integer(), nullable=False),
        sa.Column('assessed_on', sa.Date(), nullable=False),
        sa.Column('meets_standard', sa.Boolean(), nullable=False),
        sa.Column('decision_number', sa.String(length=120), nullable=False),
        sa.Column('evidence', sa.Text(), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_model_assessments_area_id_areas')),
        sa.ForeignKeyConstraint(['campaign_id'], ['campaigns.id'],
                                name=op.f('fk_model_assessments_campaign_id_campaigns'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_model_assessments_recorded_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_model_assessments')),
        sa.UniqueConstraint('campaign_id', 'area_id', name=op.f('uq_model_assessments_campaign_id')),
    )
    op.create_index(op.f('ix_model_assessments_campaign_id'), 'model_assessments', ['campaign_id'], unique=False)
    op.create_table(
        'model_assessment_results',
        sa.Column('assessment_id', sa.Integer(), nullable=False),
        sa.Column('criterion_id', sa.Integer(), nullable=False),
        sa.Column('met', sa.Boolean(), nullable=False),
        sa.Column('evidence', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['assessment_id'], ['model_assessments.id'],
                                name=op.f('fk_model_assessment_results_assessment_id_model_assessments'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['criterion_id'], ['model_criteria.id'],
                                name=op.f('fk_model_assessment_results_criterion_id_model_criteria'), ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('assessment_id', 'criterion_id', name=op.f('pk_model_assessment_results')),
    )


def downgrade() -> None:
    op.drop_table('model_assessment_results')
    op.drop_index(op.f('ix_model_assessments_campaign_id'), table_name='model_assessments')
    op.drop_table('model_assessments')
    op.drop_index(op.f('ix_model_criteria_campaign_id'), table_name='model_criteria')
    op.drop_table('model_criteria')
    op.drop_table('self_model_messages')
    op.drop_index(op.f('ix_self_models_area_id'), table_name='self_models')
    op.drop_table('self_models')
