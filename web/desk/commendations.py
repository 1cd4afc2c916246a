"""The year's commendations on the desk: the list by year and area, and the form to record or correct one."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.commendation_models import Commendation, CommendationLevel
from campaigns.commendations import (
    LEVEL_LABELS,
    commendations_of,
    count_by_level,
    record_commendation,
    update_commendation,
    years_with_commendations,
)
from content.errors import InvalidInput
from content.permissions import Action, authorize, is_allowed
from web.area_choice import chosen_area
from web.auth import actor
from web.database import get_db, get_or_404, now, zone
from web.desk.commendation_form import areas_to_pick, nominations_to_pick, parse_commendation_form, stories_to_pick
from web.i18n.locale import translate
from web.params import FIRST_DAY, LAST_DAY, query_int


def level_names() -> dict[CommendationLevel, str]:
    return {level: str(translate(label)) for level, label in LEVEL_LABELS.items()}


def today():
    return now().astimezone(zone()).date()


def chosen_year() -> int:
    year = query_int("year")
    if year is None:
        return today().year
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise InvalidInput({"year": _("Năm không hợp lệ: %(year)s (cần từ %(first)s đến %(last)s).", year=year,
                                      first=FIRST_DAY.year, last=LAST_DAY.year)})
    return year


@login_required
def commendations():
    area, year = chosen_area(Action.CAMPAIGN_VIEW), chosen_year()
    user, session = actor(), get_db()
    rows = commendations_of(session, year=year, within=area)
    years = sorted(set(years_with_commendations(session, area)) | {year, today().year}, reverse=True)
    return render_template("desk/commendations.html", rows=rows, year=year, years=years, area=area,
                           areas=areas_to_pick(session, user), counts=count_by_level(rows), levels=level_names(),
                           may_write=is_allowed(user, Action.CAMPAIGN_WRITE, user.area),
                           may_report=is_allowed(user, Action.REACH_VIEW, area))


def _form(commendation: Commendation | None, form, errors: dict[str, str], status: int = 200):
    user, session = actor(), get_db()
    return render_template("desk/commendation_form.html", commendation=commendation, form=form, errors=errors,
                           areas=areas_to_pick(session, user), stories=stories_to_pick(session, user),
                           nominations=nominations_to_pick(session, user), levels=level_names()), status


def _as_form(c: Commendation) -> dict[str, str]:
    return {"area_id": str(c.area_id), "recipient": c.recipient, "reason": c.reason, "level": c.level.value,
            "decision_number": c.decision_number, "decided_on": c.decided_on.isoformat(),
            "is_collective": "1" if c.is_collective else "", "message_id": str(c.message_id or ""),
            "nomination_id": str(c.nomination_id or "")}


def _saved(c: Commendation, text: str):
    get_db().commit()
    flash(text, "success")
    return redirect(url_for("desk.commendations", year=c.year) + f"#commendation-{c.id}")


@login_required
def new_commendation():
    authorize(actor(), Action.CAMPAIGN_WRITE, actor().area, object_type="commendation")
    if request.method == "GET":
        return _form(None, {"area_id": str(actor().area_id or "")}, {})
    try:
        c = record_commendation(get_db(), actor(), parse_commendation_form(request.form), now=now(), today=today(),
                                remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _form(None, request.form, error.errors, 400)
    return _saved(c, _("Đã ghi nhận khen thưởng."))


@login_required
def edit_commendation(commendation_id: int):
    c = get_or_404(Commendation, commendation_id, _("Không tìm thấy khen thưởng này."))
    authorize(actor(), Action.CAMPAIGN_WRITE, c.area, object_type="commendation", object_id=c.id)
    if request.method == "GET":
        return _form(c, _as_form(c), {})
    try:
        update_commendation(get_db(), actor(), c, parse_commendation_form(request.form), now=now(), today=today(),
                            remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        return _form(get_db().get(Commendation, commendation_id), request.form, error.errors, 400)
    return _saved(c, _("Đã sửa khen thưởng."))
