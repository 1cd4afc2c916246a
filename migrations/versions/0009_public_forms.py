"""each revision stores what the public reads of it: masked title, summary, HTML, person, deed, caption, spoken text

Existing revisions are filled here, with the application's own derivation (content.public_forms) run
on plain rows: a lazy fill would leave every reader a second path (stored form or mask-at-read) for
as long as one old row stays unsaved, and a text the public reads would depend on which path ran.
Rows are read with SQL, not the ORM models, so a later model change cannot break this migration;
the derivation gets unsaved model objects built from those rows.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 02:00:00
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import sqlalchemy as sa
from alembic import op

if TYPE_CHECKING:
    from content.spoken.rules import SpokenRules

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

TEXT_COLUMNS = ('public_title', 'public_summary', 'public_html', 'spoken_text')
NULLABLE_COLUMNS = ('public_person', 'public_deed', 'public_image_alt')


def upgrade() -> None:
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        for name in TEXT_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=''))
        for name in NULLABLE_COLUMNS:
            batch_op.add_column(sa.Column(name, sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('spoken_stamp', sa.String(length=64), nullable=False, server_default=''))
    _derive_existing_revisions()


def _rules(connection: sa.Connection) -> SpokenRules:
    from content.spoken.dictionary import LINK_POINTER
    from content.spoken.rules import DEFAULT_RULES

    abbreviations = sa.table('spoken_abbreviations', sa.column('abbreviation', sa.String),
                             sa.column('expansion', sa.String))
    settings = sa.table('spoken_settings', sa.column('key', sa.String), sa.column('value', sa.String))
    pointer = connection.scalar(sa.select(settings.c.value).where(settings.c.key == LINK_POINTER))
    return DEFAULT_RULES.with_changes(
        abbreviations=dict(connection.execute(sa.select(abbreviations.c.abbreviation, abbreviations.c.expansion)).all()),
        link_pointer=pointer)


def _derive_existing_revisions() -> None:
    from content.models import MediaItem, Message, MessageKind, Revision
    from content.public_forms import derive_public_forms

    connection = op.get_bind()
    rules = _rules(connection)
    messages = sa.table('messages', *(sa.column(name) for name in (
        'id', 'kind', 'summary', 'spoken_override', 'person_name', 'deed', 'name_consent', 'image_id')))
    media = sa.table('media_items', sa.column('id'), sa.column('alt_text'), sa.column('hidden_names', sa.JSON))
    revisions = sa.table('revisions', sa.column('id'), sa.column('message_id'), sa.column('title'),
                         sa.column('body_html'), sa.column('fields', sa.JSON),
                         *(sa.column(name) for name in (*TEXT_COLUMNS, *NULLABLE_COLUMNS, 'spoken_stamp')))
    images = {row.id: MediaItem(alt_text=row.alt_text, hidden_names=list(row.hidden_names or []))
              for row in connection.execute(sa.select(media.c.id, media.c.alt_text, media.c.hidden_names))}
    owners = {row.id: Message(kind=MessageKind(row.kind), summary=row.summary or '', spoken_override=row.spoken_override,
                               person_name=row.person_name, deed=row.deed, name_consent=bool(row.name_consent),
                               image=images.get(row.image_id))
               for row in connection.execute(sa.select(messages))}
    rows = connection.execute(sa.select(revisions.c.id, revisions.c.message_id, revisions.c.title,
                                        revisions.c.body_html, revisions.c.fields)).all()
    for row in rows:
        message = owners[row.message_id]
        forms = derive_public_forms(message, Revision(title=row.title, body_html=row.body_html,
                                                      fields=row.fields or {}), rules=rules)
        connection.execute(revisions.update().where(revisions.c.id == row.id).values(
            public_title=forms.title, public_summary=forms.summary, public_html=forms.html,
            public_person=forms.person, public_deed=forms.deed, public_image_alt=forms.image_alt,
            spoken_text=forms.spoken, spoken_stamp=forms.spoken_stamp))


def downgrade() -> None:
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        for name in ('spoken_stamp', *reversed(NULLABLE_COLUMNS), *reversed(TEXT_COLUMNS)):
            batch_op.drop_column(name)
