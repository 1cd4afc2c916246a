"""The commendation form: read into domain input, every unreadable field a field error, and the lists it picks from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from campaigns.commendations import CommendationInput
from campaigns.nomination_models import Nomination
from content.areas import is_within, list_administrative_areas
from content.errors import InvalidInput
from content.models import Area, Message, MessageKind, User
from web.params import read_day, read_int

PICK_LIMIT = 200  # newest stories and nominations offered in a select; older ones are rarely commended


def _read(errors: dict[str, str], reader: Callable[..., Any], *args: Any) -> Any:
    try:
        return reader(*args)
    except InvalidInput as refused:
        errors.update(refused.errors)
        return None


def parse_commendation_form(form: MultiDict[str, str]) -> CommendationInput:
    """The input, or InvalidInput naming every field that could not be read (the domain checks the rest)."""
    errors: dict[str, str] = {}
    area_id = _read(errors, read_int, form.get("area_id"), "area_id")
    decided_on = _read(errors, read_day, form.get("decided_on"), "decided_on")
    message_id = _read(errors, read_int, form.get("message_id"), "message_id")
    nomination_id = _read(errors, read_int, form.get("nomination_id"), "nomination_id")
    if area_id is None and "area_id" not in errors:
        errors["area_id"] = _("Hãy chọn địa bàn.")
    if decided_on is None and "decided_on" not in errors:
        errors["decided_on"] = _("Hãy nhập ngày quyết định.")
    if errors or decided_on is None or area_id is None:
        raise InvalidInput(errors)
    return CommendationInput(area_id=area_id, recipient=form.get("recipient", ""), reason=form.get("reason", ""),
                             level=form.get("level", ""), decision_number=form.get("decision_number", ""),
                             decided_on=decided_on, is_collective=form.get("is_collective") == "1",
                             message_id=message_id, nomination_id=nomination_id)


def areas_to_pick(session: Session, user: User) -> list[Area]:
    return list_administrative_areas(session, user.area)


def stories_to_pick(session: Session, user: User) -> list[Message]:
    query = select(Message).where(Message.kind == MessageKind.STORY)
    if user.area is not None:
        query = query.join(Area, Area.id == Message.area_id).where(Area.path.startswith(user.area.path, autoescape=True))
    return list(session.scalars(query.order_by(Message.created_at.desc(), Message.id.desc()).limit(PICK_LIMIT)))


def nominations_to_pick(session: Session, user: User) -> list[Nomination]:
    query = select(Nomination)
    if user.area is not None:
        query = query.join(Area, Area.id == Nomination.area_id).where(
            Area.path.startswith(user.area.path, autoescape=True))
    rows = session.scalars(query.order_by(Nomination.created_at.desc(), Nomination.id.desc()).limit(PICK_LIMIT))
    return [n for n in rows if is_within(n.area, user.area)]
