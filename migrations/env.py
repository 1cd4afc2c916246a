"""Alembic environment: the metadata of every layer, one connection, batch mode for SQLite."""

from __future__ import annotations

from alembic import context

import campaigns.commendation_models
import campaigns.feedback_models
import campaigns.local_wording_models
import campaigns.models  # (registers the campaigns tables on Base.metadata)
import campaigns.nomination_models
import campaigns.notice_models
import campaigns.programme_models
import campaigns.selfmanaged_models
import campaigns.target_models
import campaigns.tipoff_history_models
import campaigns.tipoff_models
import campaigns.village_models
import campaigns.visitor_models
import campaigns.websub_models
import campaigns.worker_models  # noqa: F401
import content.models  # noqa: F401
from content.db import Base, make_engine
from content.schema import is_model_object

config = context.config


def render_item(type_: str, obj, autogen_context):  # type: ignore[no-untyped-def]
    """Write Loa's own column types as plain SQLAlchemy ones, so migrations never import app code."""
    from content.db import UTCDateTime

    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False

target_metadata = Base.metadata


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        # SQLite can only ALTER a table by copying it; batch mode does that for us.
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=connection.dialect.name == "sqlite", compare_type=True,
                          render_item=render_item, include_name=is_model_object)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
