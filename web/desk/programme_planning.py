"""Planning a message into weekly programmes: which programmes, from which day, for how many weeks or to which day."""

from __future__ import annotations

from datetime import date, timedelta

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import login_required
from werkzeug.datastructures import MultiDict

from campaigns.programme_calendar import public_holidays
from campaigns.programme_planning import (
    MAX_WEEKS,
    ProgrammePlanRequest,
    ProgrammePlanSummary,
    plan_into_programmes,
    plannable_programmes,
)
from content.errors import InvalidInput
from content.models import Message
from web.auth import actor
from web.database import get_db, now, zone
from web.desk.messages import desk_message
from web.desk.planning import message_to_plan
from web.params import read_date, read_int

DEFAULT_WEEKS = 4


def _today() -> date:
    return now().astimezone(zone()).date()


def _chosen(form: MultiDict[str, str], errors: dict[str, str]) -> tuple[int, ...]:
    try:
        return tuple(i for i in (read_int(v, "programme_ids") for v in form.getlist("programme_ids")) if i is not None)
    except InvalidInput:
        errors["programme_ids"] = _("Lựa chọn không hợp lệ.")
        return ()


def read_programme_plan(form: MultiDict[str, str]) -> ProgrammePlanRequest:
    """Weeks or a last day, not both: a careless form with both filled is asked which one was meant."""
    errors: dict[str, str] = {}
    programme_ids = _chosen(form, errors)
    first_day = last_day = weeks = None
    try:
        first_day = read_date(form.get("first_day"), "first_day")
    except InvalidInput as refused:
        errors.update(refused.errors)
    try:
        last_day = read_date(form.get("last_day"), "last_day")
    except InvalidInput as refused:
        errors.update(refused.errors)
    try:
        weeks = read_int(form.get("weeks"), "weeks", minimum=1, maximum=MAX_WEEKS)
    except InvalidInput as refused:
        errors.update(refused.errors)
    if first_day is None and "first_day" not in errors:
        errors["first_day"] = _("Hãy chọn ngày bắt đầu.")
    if weeks is not None and last_day is not None:
        errors["weeks"] = _("Hãy nhập số tuần hoặc ngày kết thúc, không nhập cả hai.")
    if errors or first_day is None:
        raise InvalidInput(errors)
    return ProgrammePlanRequest(programme_ids=programme_ids, first_day=first_day, weeks=weeks, last_day=last_day)


def _page(message: Message, form: MultiDict[str, str], errors: dict[str, str], status: int = 200):
    try:
        first = read_date(form.get("first_day"), "first_day") or _today()
    except InvalidInput:
        first = _today()
    horizon = first + timedelta(weeks=MAX_WEEKS)
    return render_template("desk/plan_programmes.html", message=message, form=form, errors=errors,
                           programmes=plannable_programmes(get_db(), actor()),
                           holidays=public_holidays(first, horizon), max_weeks=MAX_WEEKS), status


def _done(summary: ProgrammePlanSummary) -> str:
    tz = zone()
    text = ngettext("Đã lên lịch %(num)d lượt phát vào chuyên mục, từ %(first)s đến %(last)s.",
                    "Đã lên lịch %(num)d lượt phát vào chuyên mục, từ %(first)s đến %(last)s.", summary.count,
                    first=summary.first_due.astimezone(tz).strftime("%H:%M %d/%m/%Y"),
                    last=summary.last_due.astimezone(tz).strftime("%H:%M %d/%m/%Y"))
    if summary.holidays:
        text += " " + _("Nghỉ ngày lễ: %(days)s.", days="; ".join(
            f"{day:%d/%m/%Y} ({name})" for day, name in summary.holidays.items()))
    if summary.already_planned:
        text += " " + _("%(n)s buổi đã có tin này từ trước nên được giữ nguyên.", n=summary.already_planned)
    return text


@login_required
def plan_programmes(message_id: int):
    message = message_to_plan(message_id)
    if request.method == "GET":
        form = MultiDict({"first_day": _today().isoformat(), "weeks": str(DEFAULT_WEEKS)})
        return _page(message, form, {})
    try:
        plan = read_programme_plan(request.form)
        summary = plan_into_programmes(get_db(), message, plan, actor=actor(), now=now(), zone=zone(),
                                       remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _page(desk_message(message_id), request.form, error.errors, 400)
    get_db().commit()
    flash(_done(summary), "success")
    return redirect(url_for("desk.message", message_id=message.id))

