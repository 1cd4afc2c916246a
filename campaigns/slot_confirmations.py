"""A whole broadcast slot confirmed in one step: every item aired, except those marked with a reason.

Built on confirm_airing, so each item is recorded, audited and counted in reach exactly as if it had been
confirmed alone; what this adds is that the slot goes in whole or not at all, and that a missing reason is
named against its own item.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from campaigns.airings import AiringInput, airings_by_delivery, confirm_airing
from campaigns.models import Airing, AiringStatus, Station
from content.errors import InvalidInput
from content.models import User
from content.wording import Text


@dataclass(frozen=True)
class SlotConfirmation:
    """What the operator saw and said about one slot.

    :param delivery_ids: the items the form listed, in reading order; only these are confirmed, so an item
        added to the slot after the page was opened is never marked aired unseen.
    :param not_aired: the exceptions, each delivery id with its reason.
    """

    delivery_ids: tuple[int, ...]
    not_aired: Mapping[int, str] = field(default_factory=dict)
    aired_at: datetime | None = None  # aware; None means "just now"
    operator_name: str = ""


def reason_field(delivery_id: int) -> str:
    """The form field, and the error key, of one item's reason."""
    return f"reason-{delivery_id}"


def _checked(data: SlotConfirmation, slot_items: Sequence[int]) -> None:
    if not data.delivery_ids:
        raise InvalidInput({"slot": Text("Khung giờ này không còn tin nào chờ xác nhận.")})
    listed = set(data.delivery_ids)
    if len(listed) != len(data.delivery_ids) or not listed <= set(slot_items) or not set(data.not_aired) <= listed:
        # The slot changed since the page was opened (an item cancelled or moved), or the form was tampered with.
        raise InvalidInput({"slot": Text("Danh sách tin của khung giờ đã thay đổi; hãy tải lại trang rồi xác nhận.")})
    missing = {reason_field(delivery_id): Text("Hãy ghi lý do không phát tin này (ví dụ: mất điện, hỏng loa).")
               for delivery_id, reason in data.not_aired.items() if not reason.strip()}
    if missing:
        raise InvalidInput(missing)


def _rekeyed(errors: Mapping[str, str], delivery_id: int) -> dict[str, str]:
    """An item's error under its own key; the time and the reader are one field for the whole slot."""
    shared = ("aired_at", "operator_name")
    return {key if key in shared else f"{key}-{delivery_id}": message for key, message in errors.items()}


@dataclass(frozen=True)
class SlotResult:
    recorded: list[Airing]
    kept: list[int]  # confirmed by someone else since the form was opened, or a second press: left as they were


def confirm_slot(session: Session, station: Station, data: SlotConfirmation, *, slot_items: Sequence[int],
                 now: datetime, actor: User | None = None, remote_addr: str | None = None) -> SlotResult:
    """Record the slot's listed items: aired, or not aired with their reason. All or nothing.

    An item confirmed since the form was opened is kept as it is: a colleague's "not aired, power cut" must not
    be overwritten by a stale "all aired", and a second press of the button changes nothing. Corrections are
    made one item at a time.
    :param slot_items: the delivery ids the slot holds now, from the station's script for the day.
    On InvalidInput some items may already be flushed: the caller rolls back, as after any use-case.
    """
    _checked(data, slot_items)
    confirmed = set(airings_by_delivery(session, list(data.delivery_ids)))
    airings: list[Airing] = []
    for delivery_id in data.delivery_ids:
        if delivery_id in confirmed:
            continue
        reason = data.not_aired.get(delivery_id)
        status = AiringStatus.AIRED if reason is None else AiringStatus.NOT_AIRED
        try:
            airings.append(confirm_airing(session, station, AiringInput(
                delivery_id=delivery_id, status=status.value, aired_at=data.aired_at,
                operator_name=data.operator_name, reason=reason or ""), now=now, actor=actor, remote_addr=remote_addr))
        except InvalidInput as error:
            raise InvalidInput(_rekeyed(error.errors, delivery_id)) from None
    return SlotResult(recorded=airings, kept=[n for n in data.delivery_ids if n in confirmed])
