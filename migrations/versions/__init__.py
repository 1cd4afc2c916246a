"""One module per schema change; Alembic reads them by path (this file is skipped)."""
