"""The one error a backup or a restore raises on purpose: what is wrong, and what to do about it."""

from __future__ import annotations

from content.errors import LoaError


class BackupError(LoaError):
    """Refused or failed; nothing the restore would replace has been touched."""
