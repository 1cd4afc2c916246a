"""Alembic's migrations, installed with Loa so `loa db upgrade` works from a wheel (content.schema finds them here)."""
