"""channels belong to an area; platform API addresses leave the channels' settings

Channels already had a nullable area_id; it now decides who manages a channel, so it is indexed
for the admin list. Existing channels keep NULL, which now means "nationwide, managed only by a
nationwide admin": nothing recorded says which area an old channel served, and guessing could
hand a channel (and its stored token) to the admins of the wrong area.

`api_base` and `api_version` are dropped from every channel's settings: the connectors take the
platform's address from operator settings only, so a stored one would be dead data that reads as
if it still mattered.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24 09:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

PLATFORM_ADDRESS = ('api_base', 'api_version')
channels = sa.table('channels', sa.column('id', sa.Integer()), sa.column('settings', sa.JSON()))


def upgrade() -> None:
    op.create_index(op.f('ix_channels_area_id'), 'channels', ['area_id'], unique=False)
    connection = op.get_bind()
    for channel_id, settings in connection.execute(sa.select(channels.c.id, channels.c.settings)).all():
        if isinstance(settings, dict) and any(key in settings for key in PLATFORM_ADDRESS):
            kept = {key: value for key, value in settings.items() if key not in PLATFORM_ADDRESS}
            connection.execute(channels.update().where(channels.c.id == channel_id).values(settings=kept))


def downgrade() -> None:
    # The dropped addresses are not restored: they were the hole this revision closes.
    op.drop_index(op.f('ix_channels_area_id'), table_name='channels')
