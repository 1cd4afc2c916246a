"""villages and loudspeaker clusters

areas.retired_at: a village (thôn, tổ dân phố) is retired, never deleted. loudspeaker_clusters and
cluster_villages: a station's clusters and the villages each covers. delivery_villages: the villages a
delivery was planned for; none means the whole station.

Plain ALTER TABLE ADD COLUMN on areas, never a batch copy: copying the table on SQLite would drop its
public_changes triggers.

Revision ID: 0020_villages
Revises: 0018
Create Date: 2026-12-07 16:10:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0020_villages'
down_revision = '0019_programmes'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('areas', sa.Column('retired_at', sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        'loudspeaker_clusters',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('station_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('retired_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_loudspeaker_clusters_station_id_stations'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_loudspeaker_clusters')),
    )
    op.create_index(op.f('ix_loudspeaker_clusters_station_id'), 'loudspeaker_clusters', ['station_id'])
    op.create_table(
        'cluster_villages',
        sa.Column('cluster_id', sa.Integer(), nullable=False),
        sa.Column('area_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['cluster_id'], ['loudspeaker_clusters.id'],
                                name=op.f('fk_cluster_villages_cluster_id_loudspeaker_clusters'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_cluster_villages_area_id_areas')),
        sa.PrimaryKeyConstraint('cluster_id', 'area_id', name=op.f('pk_cluster_villages')),
    )
    op.create_index(op.f('ix_cluster_villages_area_id'), 'cluster_villages', ['area_id'])
    op.create_table(
        'delivery_villages',
        sa.Column('delivery_id', sa.Integer(), nullable=False),
        sa.Column('area_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['delivery_id'], ['deliveries.id'],
                                name=op.f('fk_delivery_villages_delivery_id_deliveries'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_delivery_villages_area_id_areas')),
        sa.PrimaryKeyConstraint('delivery_id', 'area_id', name=op.f('pk_delivery_villages')),
    )


def downgrade() -> None:
    op.drop_table('delivery_villages')
    op.drop_index(op.f('ix_cluster_villages_area_id'), table_name='cluster_villages')
    op.drop_table('cluster_villages')
    op.drop_index(op.f('ix_loudspeaker_clusters_station_id'), table_name='loudspeaker_clusters')
    op.drop_table('loudspeaker_clusters')
    # SQLite 3.35+ drops a column in place (no copy, so the triggers stay).
    op.drop_column('areas', 'retired_at')
