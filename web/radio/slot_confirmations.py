"""A whole slot confirmed from one form: on the confirmation page, the script page and "Đài của tôi"."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from werkzeug.datastructures import MultiDict

from campaigns.models import AiringStatus
from campaigns.slot_confirmations import SlotConfirmation, SlotResult, confirm_slot, reason_field
from content.errors import InvalidInput
from scheduler.radio_scripts.building import build_daily_script
from web.database import get_db, now, zone
from web.params import path_date, read_local_datetime
from web.paths import local_target
from web.radio.confirmations import confirmable, render_day
from web.radio.slots import find_slot, slot_key


def _ids(values: list[str]) -> tuple[int, ...]:
    if not all(value.isdigit() and len(value) < 12 for value in values):
        raise InvalidInput({"slot": _("Danh sách tin của khung giờ đã thay đổi; hãy tải lại trang rồi xác nhận.")})
    return tuple(int(value) for value in values)


def _slot_input(form: MultiDict[str, str]) -> SlotConfirmation:
    listed = _ids(form.getlist("item"))
    aired = set(form.getlist("aired"))
    return SlotConfirmation(
        delivery_ids=listed,
        not_aired={n: form.get(reason_field(n), "") for n in listed if str(n) not in aired},
        aired_at=read_local_datetime(form.get("aired_at", ""), "aired_at", zone()),
        operator_name=form.get("operator_name", ""))


def _report(result: SlotResult, label: str) -> None:
    missed = sum(1 for airing in result.recorded if airing.status is AiringStatus.NOT_AIRED)
    aired = len(result.recorded) - missed
    if missed:
        flash(_("Đã ghi nhận khung giờ %(time)s: %(aired)s tin đã phát, %(missed)s tin không phát.", time=label,
                aired=aired, missed=missed), "success")
    elif aired:
        flash(_("Đã ghi nhận khung giờ %(time)s: cả %(aired)s tin đã phát.", time=label, aired=aired), "success")
    if result.kept:
        flash(_("%(n)s tin đã được xác nhận trước đó nên giữ nguyên; muốn sửa, hãy sửa riêng từng tin.",
                n=len(result.kept)), "warning")


@login_required
def confirm_slot_on_page(station_id: int, day: str, slot: str):
    station, when = confirmable(station_id), path_date(day)
    found = find_slot(build_daily_script(get_db(), station, when, zone=zone()), slot)
    try:
        result = confirm_slot(get_db(), station, _slot_input(request.form),
                              slot_items=[item.delivery_id for item in found.items], now=now(),
                              actor=current_user.user, remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return render_day(station, when, status=400, slot_failed=slot_key(found.starts_at), slot_errors=error.errors,
                          slot_sent=request.form)
    get_db().commit()
    _report(result, found.starts_at.strftime("%H:%M") if found.starts_at else _("trong ngày"))
    fallback = url_for("airings.day_page", station_id=station.id, day=when.isoformat(),
                       _anchor=f"slot-{slot_key(found.starts_at)}")
    return redirect(local_target(request.form.get("back"), fallback))
