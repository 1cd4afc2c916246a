"""Domain errors: what went wrong in words a user can act on; web/errors.py maps them to HTTP.

Each message (and each field error of InvalidInput) is a content.wording.Text: str(error) is the Vietnamese,
for logs and the audit log, and web/ shows it in the visitor's language.
"""

from __future__ import annotations

from collections.abc import Mapping


class LoaError(Exception):
    """Base of every error the domain raises on purpose."""


class NotFound(LoaError):
    pass


class PermissionDenied(LoaError):
    """Refused; carries what was attempted so the refusal itself can be audited after rollback."""

    def __init__(self, reason: str, *, attempted: str = "", object_type: str = "", object_id: int | None = None):
        self.attempted, self.object_type, self.object_id = attempted, object_type, object_id
        super().__init__(reason)


class Conflict(LoaError):
    """Someone else changed the thing since the user loaded it."""


class InvalidTransition(LoaError):
    pass


class InvalidInput(LoaError):
    """Bad input, with a message per field so a form can show each next to its field."""

    def __init__(self, errors: Mapping[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {text}" for field, text in errors.items()))
