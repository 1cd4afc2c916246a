"""programmes: a station's weekly columns, and deliveries planned into them

programmes: a named column of a station on chosen ISO weekdays ("4" every Thursday), its local start and
length, the words that open and close it, whether it rests on public holidays, and an active flag (retired,
never deleted). deliveries.programme_id: a delivery read inside that frame; NULL for every existing row, which
keeps them in the daily slots exactly as before.

deliveries has triggers (public_changes): a plain ADD COLUMN, never a batch copy. SQLite cannot add a foreign
key after the fact, but it takes one written into the new column's definition. It cannot drop that column
again (a foreign key names it), nor the table it names without breaking every write to deliveries, so a
downgrade on SQLite keeps both, empty of links, and an upgrade after it finds them there.

Revision ID: 0019_programmes
Revises: 0018
Create Date: 2026-12-07 16:10:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0019_programmes'
down_revision = '0018'
branch_labels = None
depends_on = None


def _create_programmes() -> None:
    op.create_table(
        'programmes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('station_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('weekdays', sa.String(length=7), nullable=False),
        sa.Column('starts_at', sa.Time(), nullable=False),
        sa.Column('minutes', sa.Integer(), nullable=False),
        sa.Column('opening', sa.Text(), nullable=False),
        sa.Column('closing', sa.Text(), nullable=False),
        sa.Column('skips_holidays', sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column('is_active', sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['station_id'], ['stations.id'], name=op.f('fk_programmes_station_id_stations'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_programmes')),
        sa.UniqueConstraint('station_id', 'name', name=op.f('uq_programmes_station_id')),
    )
    op.create_index(op.f('ix_programmes_station_id'), 'programmes', ['station_id'], unique=False)


def upgrade() -> None:
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    if bind.dialect.name != 'sqlite':
        _create_programmes()
        op.add_column('deliveries', sa.Column('programme_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_deliveries_programme_id_programmes'), 'deliveries', 'programmes',
                              ['programme_id'], ['id'])
        return
    if 'programmes' not in inspector.get_table_names():
        _create_programmes()
    if 'programme_id' not in {column['name'] for column in inspector.get_columns('deliveries')}:
        op.execute('ALTER TABLE deliveries ADD COLUMN programme_id INTEGER '
                   'CONSTRAINT fk_deliveries_programme_id_programmes REFERENCES programmes (id)')


def downgrade() -> None:
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('UPDATE deliveries SET programme_id = NULL')
        return
    op.drop_constraint(op.f('fk_deliveries_programme_id_programmes'), 'deliveries', type_='foreignkey')
    op.drop_column('deliveries', 'programme_id')
    op.drop_index(op.f('ix_programmes_station_id'), table_name='programmes')
    op.drop_table('programmes')
