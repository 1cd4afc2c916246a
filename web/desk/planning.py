"""The planning page: where and when an approved message goes, with daily slots proposed from its campaign."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import login_required
from werkzeug.datastructures import MultiDict

from campaigns.campaign_records import campaign_of
from campaigns.planning import (
    MAX_DELIVERIES_PER_PLAN,
    DailySlots,
    PlanRequest,
    count_stations,
    plan_message,
    plannable_channels,
    plannable_stations,
)
from campaigns.slot_proposals import propose_range, propose_slots
from campaigns.village_targets import plannable_villages
from content.areas import list_administrative_areas
from content.errors import InvalidInput
from content.models import Message, MessageStatus
from content.permissions import Action, authorize
from web.auth import actor
from web.database import get_db, now, zone
from web.desk.messages import desk_message
from web.params import read_date, read_int, read_local_datetime

PLANNABLE = (MessageStatus.APPROVED, MessageStatus.SCHEDULED, MessageStatus.PUBLISHED)
# Past this many stations a list of checkboxes is no help (and a heavy page on a phone): pick areas instead.
STATION_PICKER = 400
# "06:00", "6:00", "6h", "17h30": how officers write times.
CLOCK = re.compile(r"(\d{1,2})(?:[:hg](\d{2})?)?")


def _ids(form: MultiDict[str, str], name: str, errors: dict[str, str]) -> tuple[int, ...]:
    try:
        return tuple(i for i in (read_int(v, name) for v in form.getlist(name)) if i is not None)
    except InvalidInput:
        errors[name] = _("Lựa chọn không hợp lệ.")
        return ()


def _moment(value: str, field: str, tz: ZoneInfo, errors: dict[str, str]) -> datetime | None:
    try:
        return read_local_datetime(value, field, tz, allow_offset=False)
    except InvalidInput as refused:
        errors.update(refused.errors)
        return None


def _times(text: str) -> tuple[time, ...] | None:
    """Local times from "06:00, 11:00 17h30"; None when any of them is not a time of day."""
    found = []
    for token in re.split(r"[,;\s]+", text.strip()):
        match = CLOCK.fullmatch(token)
        if not match or int(match[1]) > 23 or int(match[2] or 0) > 59:
            return None
        found.append(time(int(match[1]), int(match[2] or 0)))
    return tuple(sorted(set(found)))


def _daily(form: MultiDict[str, str], errors: dict[str, str]) -> tuple[DailySlots, ...]:
    runs = []
    rows = zip(form.getlist("slot_first_day"), form.getlist("slot_last_day"), form.getlist("slot_times"))
    for first, last, times in rows:
        if not (first.strip() or last.strip() or times.strip()):
            continue
        try:
            first_day, last_day = read_date(first, "daily"), read_date(last or first, "daily")
        except InvalidInput:
            first_day = last_day = None
        if first_day is None or last_day is None:
            errors["daily"] = _("Hãy nhập ngày bắt đầu và ngày kết thúc (năm-tháng-ngày).")
            continue
        parsed = _times(times) if times.strip() else ()
        if parsed is None:
            errors["daily"] = _("Giờ phát “%(text)s” không đọc được; hãy viết như 06:00, 17:00.", text=times)
            continue
        runs.append(DailySlots(first_day, last_day, parsed))
    if not runs and "daily" not in errors:
        errors["daily"] = _("Hãy nhập ít nhất một khoảng ngày và giờ phát.")
    return tuple(runs)


def read_plan_form(form: MultiDict[str, str], tz: ZoneInfo) -> PlanRequest:
    """The request as the form states it; every unreadable field reported at once."""
    errors: dict[str, str] = {}
    channel_ids = _ids(form, "channel_ids", errors)
    own = {c: _moment(form.get(f"channel_due_at-{c}", "").strip(), f"channel_due_at-{c}", tz, errors)
           for c in channel_ids}
    is_daily = form.get("mode") == "daily"
    request = PlanRequest(
        channel_ids=channel_ids, station_ids=_ids(form, "station_ids", errors),
        area_ids=_ids(form, "area_ids", errors), village_ids=_ids(form, "village_ids", errors),
        due_at=None if is_daily else _moment(form.get("due_at", "").strip(), "due_at", tz, errors),
        channel_times=tuple((c, at) for c, at in own.items() if at is not None),
        daily=_daily(form, errors) if is_daily else (), use_station_slots=form.get("use_station_slots") == "on",
    )
    if errors:
        raise InvalidInput(errors)
    return request


def _asked_range(message: Message, tz: ZoneInfo, errors: dict[str, str]) -> tuple[date, date]:
    first, last = propose_range(get_db(), message, today=now().astimezone(tz).date(), zone=tz)
    try:
        return (read_date(request.args.get("from"), "from", default=first) or first,
                read_date(request.args.get("to"), "to", default=last) or last)
    except InvalidInput as refused:
        errors["daily"] = next(iter(refused.errors.values()))
        return first, last


def _proposal(message: Message, tz: ZoneInfo) -> tuple[MultiDict[str, str], dict[str, str]]:
    """The form as first shown: daily slots over the asked-for (or proposed) range."""
    errors: dict[str, str] = {}
    first, last = _asked_range(message, tz, errors)
    try:
        runs = propose_slots(get_db(), message, first_day=first, last_day=last, zone=tz)
    except InvalidInput as refused:
        errors.update(refused.errors)
        first, last = propose_range(get_db(), message, today=now().astimezone(tz).date(), zone=tz)
        runs = propose_slots(get_db(), message, first_day=first, last_day=last, zone=tz)
    form: MultiDict[str, str] = MultiDict({"mode": "daily", "from": first.isoformat(), "to": last.isoformat(),
                                           "due_at": f"{first.isoformat()}T06:00"})
    for run in runs:
        form.add("slot_first_day", run.first_day.isoformat())
        form.add("slot_last_day", run.last_day.isoformat())
        form.add("slot_times", ", ".join(t.strftime("%H:%M") for t in run.times))
        form.add("slot_peak", run.peak_name or "")
    return form, errors


def _page(message: Message, form: MultiDict[str, str], errors: dict[str, str], status: int = 200):
    db, user = get_db(), actor()
    areas = list_administrative_areas(db, user.area)
    return render_template(
        "desk/plan.html", message=message, form=form, errors=errors, campaign=campaign_of(db, message),
        channels=plannable_channels(db, user, message), stations=plannable_stations(db, user, limit=STATION_PICKER + 1),
        areas=areas, station_counts=count_stations(db, areas), limit=MAX_DELIVERIES_PER_PLAN,
        picker_limit=STATION_PICKER, villages=plannable_villages(db, user, limit=STATION_PICKER + 1),
    ), status


def _done(count: int, first: datetime, last: datetime) -> str:
    tz = zone()
    if first == last:
        return ngettext("Đã lên lịch %(num)d lượt phát lúc %(at)s.", "Đã lên lịch %(num)d lượt phát lúc %(at)s.",
                        count, at=first.astimezone(tz).strftime("%H:%M %d/%m/%Y"))
    return ngettext("Đã lên lịch %(num)d lượt phát, từ %(first)s đến %(last)s.",
                    "Đã lên lịch %(num)d lượt phát, từ %(first)s đến %(last)s.", count,
                    first=first.astimezone(tz).strftime("%H:%M %d/%m/%Y"),
                    last=last.astimezone(tz).strftime("%H:%M %d/%m/%Y"))


def message_to_plan(message_id: int) -> Message:
    """The message in the address, when the officer may plan it now; otherwise back to it, saying why."""
    message = desk_message(message_id)
    authorize(actor(), Action.MESSAGE_SCHEDULE, message.area, object_type="message", object_id=message.id)
    if message.status not in PLANNABLE:
        flash(_("Tin cần được duyệt trước khi lên lịch phát."), "error")
        abort(redirect(url_for("desk.message", message_id=message.id)))
    return message


@login_required
def plan(message_id: int):
    message = message_to_plan(message_id)
    if request.method == "GET":
        return _page(message, *_proposal(message, zone()))
    try:
        summary = plan_message(get_db(), message, read_plan_form(request.form, zone()), actor=actor(), now=now(),
                               zone=zone(), remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _page(desk_message(message_id), request.form, error.errors, 400)
    get_db().commit()
    flash(_done(summary.count, summary.first_due, summary.last_due), "success")
    return redirect(url_for("desk.message", message_id=message.id))
