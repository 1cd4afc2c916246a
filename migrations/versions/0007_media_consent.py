"""an image carries the consent of the people in it: names to mask in its alt text wherever it is used

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 09:00:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('media_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('hidden_names', sa.JSON(), nullable=False, server_default='[]'))
    _protect_pictures_of_unconsented_stories()


def _protect_pictures_of_unconsented_stories() -> None:
    """Every picture already used by a story whose person did not consent starts out protecting them."""
    messages = sa.table("messages", sa.column("image_id", sa.Integer), sa.column("kind", sa.String),
                        sa.column("person_name", sa.String), sa.column("name_consent", sa.Boolean))
    media = sa.table("media_items", sa.column("id", sa.Integer), sa.column("hidden_names", sa.JSON))
    connection = op.get_bind()
    names: dict[int, list[str]] = {}
    for row in connection.execute(sa.select(messages.c.image_id, messages.c.person_name).where(
            messages.c.kind == "story", messages.c.image_id.is_not(None), messages.c.person_name.is_not(None),
            messages.c.name_consent.is_(False))):
        if row.person_name.strip() and row.person_name.strip() not in names.setdefault(row.image_id, []):
            names[row.image_id].append(row.person_name.strip())
    for image_id, hidden in names.items():
        connection.execute(sa.update(media).where(media.c.id == image_id).values(hidden_names=hidden))


def downgrade() -> None:
    with op.batch_alter_table('media_items', schema=None) as batch_op:
        batch_op.drop_column('hidden_names')
