"""The outbox in numbers for monitoring (`/metrics`): read from the database, so right whichever process sends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from campaigns.models import Delivery, DeliveryStatus
from campaigns.outbox_status import read_outbox_status


@dataclass(frozen=True)
class OutboxFigures:
    by_kind: dict[tuple[str, DeliveryStatus], int]  # (channel kind or "station", status): a bounded set of labels
    due: int  # planned and due: backoffs and held-back channels included
    ready: int  # what a tick would take now
    retrying: int  # planned again after a failed attempt
    late_by: timedelta | None  # of the oldest due delivery


def read_outbox_figures(session: Session, *, now: datetime, lease: timedelta) -> OutboxFigures:
    status = read_outbox_status(session, now=now, lease=lease)
    by_kind: dict[tuple[str, DeliveryStatus], int] = {}
    for destination in status.by_destination:
        for state, count in destination.counts.items():
            by_kind[destination.kind, state] = by_kind.get((destination.kind, state), 0) + count
    retrying = session.scalar(select(func.count()).where(Delivery.status == DeliveryStatus.PLANNED,
                                                         Delivery.attempts > 0)) or 0
    return OutboxFigures(by_kind=by_kind, due=status.waiting, ready=status.ready, retrying=retrying,
                         late_by=status.late_by)
