"""The reach world (tests/reach_world.py) with tip-offs received in it: for the tip-off figures beside reach.

Three in Tỉnh Thanh Thủy (Thôn Đông, valuable after 4 hours; Phường An Lạc, untouched; Xã Bình Minh, valuable
after 2 hours) and one in Tỉnh Hà Sơn, each sealed with words no figure may ever show.
"""

from __future__ import annotations

from datetime import datetime, timezone
from itertools import count

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.tipoff_history_models import TipoffEvent, TipoffStep
from campaigns.tipoff_models import Tipoff, TipoffKind, TipoffStatus
from campaigns.tipoff_sealing import generate_tipoff_key, seal_text
from content.models import Area
from tests.reach_world import ReachWorld, reach_world

KEY = generate_tipoff_key()
SECRET = "Nội dung bí mật của người dân."
_receipts = count()


def tipoff(session: Session, area: Area, kind: TipoffKind, day: int, *,
           valuable_after_hours: int | None = None) -> Tipoff:
    received = datetime(2026, 11, day, 2, tzinfo=timezone.utc)
    row = Tipoff(receipt_hash=f"{next(_receipts):064d}", kind=kind, area_id=area.id, received_at=received,
                 body_ciphertext=seal_text(KEY, SECRET))
    session.add(row)
    session.flush()
    if valuable_after_hours is not None:
        handled = received.replace(hour=2 + valuable_after_hours)
        row.status, row.first_handled_at = TipoffStatus.VALUABLE, handled
        session.add(TipoffEvent(tipoff_id=row.id, step=TipoffStep.STATUS, old_value="new", new_value="valuable",
                                at=handled))
    return row


def world_with_tipoffs(session: Session) -> ReachWorld:
    w = reach_world(session)
    areas = {a.name: a for a in session.scalars(select(Area))}
    tipoff(session, areas["Thôn Đông"], TipoffKind.DENUNCIATION, 5, valuable_after_hours=4)
    tipoff(session, areas["Phường An Lạc"], TipoffKind.REPORT, 6)
    tipoff(session, areas["Xã Bình Minh"], TipoffKind.SUGGESTION, 7, valuable_after_hours=2)
    tipoff(session, areas["Xã Tân Tiến"], TipoffKind.REPORT, 7)  # another province's
    session.commit()
    return w
