"""The audit trail: every state change and every refusal, with who, what, when and from where."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from content.models import AuditLog, User


def record_audit(
    session: Session,
    *,
    actor: User | None,
    action: str,
    object_type: str,
    object_id: int | None,
    now: datetime,
    detail: dict[str, Any] | None = None,
    remote_addr: str | None = None,
) -> AuditLog:
    entry = AuditLog(
        at=now,
        actor_id=actor.id if actor else None,
        action=action,
        object_type=object_type,
        object_id=object_id,
        detail=detail or {},
        remote_addr=remote_addr,
    )
    session.add(entry)
    session.flush()
    return entry
