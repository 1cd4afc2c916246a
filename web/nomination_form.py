"""The nomination form as both audiences fill it in: the public on the portal, an officer at the desk.

One reader of the form and one list of places, so the two forms accept and refuse exactly the same things.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.nominations import NominationInput
from content.errors import InvalidInput
from content.models import Area, AreaKind
from web.formatting import label_of
from web.params import read_date, read_int

FIELDS = ("person_name", "commune_id", "village_id", "deed", "deed_on", "nominator_name", "nominator_contact")


def read_nomination(session: Session, form: Any) -> NominationInput:
    """The form as a nomination; a village must lie in the commune chosen beside it, or stands for it alone."""
    errors: dict[str, str] = {}
    commune_id = village_id = deed_on = None
    for name in ("commune_id", "village_id"):
        try:
            value = read_int(form.get(name), name)
        except InvalidInput as refused:
            errors.update(refused.errors)
            continue
        commune_id, village_id = (value, village_id) if name == "commune_id" else (commune_id, value)
    try:
        deed_on = read_date(form.get("deed_on"), "deed_on")
    except InvalidInput as refused:
        errors.update(refused.errors)
    area_id = commune_id
    if village_id is not None:
        village = session.get(Area, village_id)
        if village is None or village.kind is not AreaKind.RESIDENTIAL:
            errors["village_id"] = _("Hãy chọn thôn, tổ dân phố trong danh sách.")
        elif commune_id is None and "commune_id" not in errors:
            # A village names its commune: a sender who picked only the village has said where.
            area_id, commune_id = village_id, village.parent_id
        elif village.parent_id != commune_id:
            errors["village_id"] = _("Thôn, tổ dân phố đã chọn không thuộc xã, phường đã chọn.")
        else:
            area_id = village_id
    if commune_id is None and "commune_id" not in errors:
        errors["commune_id"] = _("Hãy chọn xã, phường nơi có việc tốt.")
    if errors:
        raise InvalidInput(errors)
    return NominationInput(person_name=form.get("person_name", ""), area_id=area_id, deed=form.get("deed", ""),
                           deed_on=deed_on, nominator_name=form.get("nominator_name", ""),
                           nominator_contact=form.get("nominator_contact", ""))


def field_errors(error: InvalidInput) -> dict[str, str]:
    """The domain names the area it checked; the form shows that next to the commune picker."""
    errors = dict(error.errors)
    if "area_id" in errors:
        errors.setdefault("commune_id", errors.pop("area_id"))
    return errors


def places(session: Session, root: Area | None = None) -> list[tuple[Area, list[Area]]]:
    """Every live commune (under `root`, if given) with its live villages, for the two pickers."""
    query = select(Area).where(Area.retired_at.is_(None), Area.kind.in_([AreaKind.COMMUNE, AreaKind.RESIDENTIAL]))
    if root is not None:
        query = query.where(Area.path.startswith(root.path, autoescape=True))
    areas = list(session.scalars(query.order_by(Area.path)))
    villages: dict[int, list[Area]] = {}
    for area in areas:
        if area.kind is AreaKind.RESIDENTIAL and area.parent_id is not None:
            villages.setdefault(area.parent_id, []).append(area)
    return [(area, sorted(villages.get(area.id, []), key=lambda v: v.name))
            for area in areas if area.kind is AreaKind.COMMUNE]


STATUS_LABELS = {"new": lazy_gettext("Mới"), "story": lazy_gettext("Đã thành câu chuyện"),
                 "set_aside": lazy_gettext("Đã gác lại")}
CONSENT_LABELS = {"signed_form": lazy_gettext("văn bản có chữ ký"), "in_person": lazy_gettext("nói trực tiếp với cán bộ"),
                  "phone": lazy_gettext("qua điện thoại"), "written_message": lazy_gettext("tin nhắn hoặc thư điện tử")}


def register_nomination_filters(bp: Blueprint) -> None:
    bp.add_app_template_filter(label_of(STATUS_LABELS), "nomination_status_label")
    bp.add_app_template_filter(label_of(CONSENT_LABELS), "consent_method_label")
