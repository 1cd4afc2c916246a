"""Turning the editor's form into domain input; any unreadable field becomes a field error."""

from __future__ import annotations

import math
from datetime import date, datetime
from zoneinfo import ZoneInfo

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from campaigns.campaign_records import CampaignInput, PeakInput, TargetInput
from campaigns.message_lists import VIEWS, MessageFilter
from campaigns.models import TargetKind
from content.errors import InvalidInput
from content.messages import MessageInput, StoryFields
from content.models import MessageKind, MessageStatus, Priority
from web.params import read_date, read_int, read_local_datetime

MAX_TARGET = 1e12  # far above any count of people, places or percent a plan sets


def _int(value: str | None, field: str, errors: dict[str, str]) -> int | None:
    try:
        return read_int(value, field)
    except InvalidInput as refused:
        errors.update(refused.errors)
        return None


def _date(value: str | None, field: str, errors: dict[str, str]) -> date | None:
    try:
        return read_date(value, field)
    except InvalidInput as refused:
        errors.update(refused.errors)
        return None


def parse_message_form(form: MultiDict[str, str]) -> tuple[MessageInput, dict[str, str]]:
    """The input as far as it can be read, and what could not be read.

    Unreadable fields don't stop the rest being checked: the editor hears about every problem in
    one round, not one per save.
    """
    errors: dict[str, str] = {}
    try:
        kind = MessageKind(form.get("kind", "article"))
    except ValueError:
        errors["kind"], kind = _("Loại tin không hợp lệ."), MessageKind.ARTICLE
    try:
        priority = Priority(form.get("priority") or "normal")
    except ValueError:
        errors["priority"], priority = _("Mức ưu tiên không hợp lệ."), Priority.NORMAL
    area_id = _int(form.get("area_id"), "area_id", errors)
    if area_id is None and "area_id" not in errors:
        errors["area_id"] = _("Hãy chọn địa bàn.")
    topic_ids = tuple(t for t in (_int(v, "topic_ids", errors) for v in form.getlist("topic_ids")) if t)
    target_area_ids = tuple(a for a in (_int(v, "target_area_ids", errors) for v in form.getlist("target_area_ids")) if a)
    story = None
    if kind is MessageKind.STORY:
        story = StoryFields(
            person_name=form.get("person_name", ""),
            deed=form.get("deed", ""),
            person_area_id=_int(form.get("person_area_id"), "person_area_id", errors),
            deed_on=_date(form.get("deed_on"), "deed_on", errors),
            name_consent=form.get("name_consent") == "on",
            commendation=form.get("commendation") or None,
        )
    data = MessageInput(
        kind=kind, title=form.get("title", ""), body_md=form.get("body_md", ""), area_id=area_id or 0,
        summary=form.get("summary", ""), priority=priority, spoken_override=form.get("spoken_override") or None,
        topic_ids=topic_ids, target_area_ids=target_area_ids, story=story,
        image_id=_int(form.get("image_id"), "image_id", errors),
    )
    return data, errors


def parse_local_datetime(value: str | None, zone: ZoneInfo) -> datetime:
    """A datetime-local field ("2026-11-24T06:00"), read in the configured zone."""
    moment = read_local_datetime(value, "due_at", zone, allow_offset=False)
    if moment is None:
        raise InvalidInput({"due_at": _("Thời điểm không hợp lệ (ví dụ 2026-11-24 06:00).")})
    return moment


def parse_message_filter(args: MultiDict[str, str]) -> tuple[MessageFilter, list[str]]:
    """Filters from a query string; a value that makes no sense is dropped and reported, not fatal."""
    problems: list[str] = []
    errors: dict[str, str] = {}

    def choice(name: str, enum_type, label: str):
        value = args.get(name) or None
        try:
            return enum_type(value) if value else None
        except ValueError:
            problems.append(_("Bỏ qua bộ lọc %(label)s không hợp lệ: '%(value)s'.", label=label, value=value))
            return None

    view = args.get("view") or "all"
    if view not in VIEWS:
        problems.append(_("Không có danh sách '%(view)s'; đang hiện tất cả.", view=view))
        view = "all"
    ids = {name: _int(args.get(name), name, errors) for name in ("campaign_id", "topic_id", "area_id")}
    problems += [_("Bỏ qua bộ lọc không hợp lệ: %(name)s.", name=name) for name in errors]
    criteria = MessageFilter(view=view, query=args.get("q", "").strip()[:200], kind=choice("kind", MessageKind, _("loại tin")),
                             status=choice("status", MessageStatus, _("trạng thái")), **ids)
    return criteria, problems


def _rows(form: MultiDict[str, str], *names: str) -> list[tuple[str, ...]]:
    """Repeated form rows (name[] fields) with the wholly blank ones dropped."""
    columns = [form.getlist(name) for name in names]
    rows = zip(*(column + [""] * (max(map(len, columns)) - len(column)) for column in columns))
    return [tuple(v.strip() for v in row) for row in rows if any(v.strip() for v in row)]


# One target row of the campaign form, in the order _target reads it.
TARGET_FIELDS = ("target_kind", "target_description", "target_value", "target_unit", "target_min_airings",
                 "target_message_kind", "target_id", "target_area_id", "target_starts_on", "target_ends_on")


def _target(row: tuple[str, ...], errors: dict[str, str]) -> TargetInput | None:
    """One target row; a blank kind is "other", as free-text kinds were before kinds were measurable."""
    kind, description, value, unit, min_airings, message_kind, target_id, area_id, starts_on, ends_on = row
    try:
        number = float(value.replace(",", "."))
        if not math.isfinite(number) or abs(number) > MAX_TARGET:  # "nan", "inf", "1e400" are floats too
            raise ValueError(value)
    except ValueError:
        errors["targets"] = _("Chỉ tiêu '%(name)s' cần một con số (ví dụ 50 hoặc 12,5).", name=description or kind)
        return None
    try:
        target_kind = TargetKind(kind or TargetKind.OTHER)
        counted_kind = MessageKind(message_kind) if message_kind else None
    except ValueError:
        errors["targets"] = _("Chỉ tiêu '%(name)s' có loại không hợp lệ.", name=description or kind)
        return None
    n = _int(min_airings or None, "targets", errors)
    if min_airings and n is None:
        return None
    return TargetInput(kind=target_kind, description=description, value=number, unit=unit, min_airings=n,
                       message_kind=counted_kind, id=_int(target_id or None, "targets", errors),
                       area_id=_int(area_id or None, "targets", errors),
                       starts_on=_date(starts_on or None, "targets", errors),
                       ends_on=_date(ends_on or None, "targets", errors))


def parse_campaign_form(form: MultiDict[str, str]) -> CampaignInput:
    errors: dict[str, str] = {}
    starts_on = _date(form.get("starts_on"), "starts_on", errors)
    ends_on = _date(form.get("ends_on"), "ends_on", errors)
    for name in ("starts_on", "ends_on"):
        if not form.get(name):
            errors[name] = _("Hãy nhập ngày.")
    owner = _int(form.get("owner_area_id"), "owner_area_id", errors)
    targets = [target for row in _rows(form, *TARGET_FIELDS) if (target := _target(row, errors))]
    peaks = []
    for name, start, end in _rows(form, "peak_name", "peak_starts_on", "peak_ends_on"):
        start_on, end_on = _date(start, "peaks", errors), _date(end, "peaks", errors)
        if start_on and end_on:
            peaks.append(PeakInput(name=name, starts_on=start_on, ends_on=end_on))
        elif "peaks" not in errors:
            errors["peaks"] = _("Đợt cao điểm '%(name)s' cần ngày bắt đầu và kết thúc.", name=name)
    if errors or starts_on is None or ends_on is None:  # both dates were required above
        raise InvalidInput(errors)
    return CampaignInput(
        plan_number=form.get("plan_number", ""), issuing_body=form.get("issuing_body", ""),
        title=form.get("title", ""), description=form.get("description", ""), starts_on=starts_on,
        ends_on=ends_on, owner_area_id=owner or 0,
        area_ids=tuple(a for a in (_int(v, "area_ids", errors) for v in form.getlist("area_ids")) if a),
        topic_ids=tuple(t for t in (_int(v, "topic_ids", errors) for v in form.getlist("topic_ids")) if t),
        targets=tuple(targets), peaks=tuple(peaks),
    )
