"""Backups: one compressed archive of the database, the uploaded files and a manifest, and restoring it whole."""
