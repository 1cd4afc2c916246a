"""The desk's nominations: the area's list, one entered on someone's behalf, the story draft and the consent."""

from __future__ import annotations

from pathlib import Path

from flask import current_app, flash, redirect, render_template, request, send_file, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.nomination_consent import MAX_SCAN_BYTES, ConsentInput, ScanUpload, record_consent, scan_path
from campaigns.nomination_models import ConsentMethod, Nomination, NominationStatus
from campaigns.nominations import authorize_nomination, draft_story, nominations_for, set_aside, submit_nomination
from content.errors import InvalidInput, NotFound
from web.auth import actor
from web.data_dir import data_path
from web.database import get_db, get_or_404, now, zone
from web.nomination_form import FIELDS, field_errors, places, read_nomination
from web.params import read_date


def consent_root() -> Path:
    """Outside the media root: a front web server may serve that folder, and a signed form is never public."""
    return data_path(current_app, "CONSENT_ROOT", "consent")


def _today():
    return now().astimezone(zone()).date()


def _nomination(nomination_id: int) -> Nomination:
    nomination = get_or_404(Nomination, nomination_id, _("Không tìm thấy đề cử này."))
    authorize_nomination(actor(), nomination)
    return nomination


@login_required
def index() -> str:
    status = request.args.get("status", "")
    chosen = NominationStatus(status) if status in {s.value for s in NominationStatus} else None
    return render_template("nominations/list.html", nominations=nominations_for(get_db(), actor(), status=chosen),
                           statuses=list(NominationStatus), chosen=chosen)


def _form_page(errors: dict[str, str], status: int = 200) -> ResponseReturnValue:
    form = {name: request.form.get(name, "") for name in FIELDS} if request.method == "POST" else {}
    return render_template("nominations/new.html", form=form, errors=errors,
                           places=places(get_db(), actor().area)), status


@login_required
def new_nomination() -> ResponseReturnValue:
    nominations_for(get_db(), actor())  # the same permission as the list, before the form is shown
    if request.method == "GET":
        return _form_page({})
    session = get_db()
    try:
        nomination = submit_nomination(session, read_nomination(session, request.form), now=now(), today=_today(),
                                       officer=actor(), remote_addr=request.remote_addr)
    except InvalidInput as error:
        session.rollback()
        return _form_page(field_errors(error), 400)
    session.commit()
    flash(_("Đã ghi đề cử."), "success")
    return redirect(url_for("desk.nomination", nomination_id=nomination.id))


def _show(nomination: Nomination, form: dict[str, str], errors: dict[str, str], status: int = 200) -> ResponseReturnValue:
    return render_template("nominations/show.html", nomination=nomination, form=form, errors=errors,
                           methods=list(ConsentMethod), max_scan_mb=MAX_SCAN_BYTES // (1024 * 1024)), status


@login_required
def nomination(nomination_id: int) -> ResponseReturnValue:
    return _show(_nomination(nomination_id), {}, {})


@login_required
def story(nomination_id: int) -> ResponseReturnValue:
    found = _nomination(nomination_id)
    message = draft_story(get_db(), found, editor=actor(), now=now(), remote_addr=request.remote_addr)
    get_db().commit()
    flash(_("Đã tạo bản nháp câu chuyện. Tên người được đề cử được che cho đến khi ghi nhận sự đồng ý."), "success")
    return redirect(url_for("desk.edit_message", message_id=message.id))


@login_required
def put_aside(nomination_id: int) -> ResponseReturnValue:
    set_aside(get_db(), _nomination(nomination_id), editor=actor(), now=now(), remote_addr=request.remote_addr)
    get_db().commit()
    flash(_("Đã gác đề cử lại."), "success")
    return redirect(url_for("desk.nominations"))


def _consent_input(form) -> ConsentInput:
    errors: dict[str, str] = {}
    given_on = None
    try:
        given_on = read_date(form.get("given_on"), "given_on")
    except InvalidInput as refused:
        errors.update(refused.errors)
    if errors:
        raise InvalidInput(errors)
    method = form.get("method", "")
    upload = request.files.get("scan")
    scan = ScanUpload(upload.read(MAX_SCAN_BYTES + 1), upload.filename or "") if upload and upload.filename else None
    return ConsentInput(method=ConsentMethod(method) if method in {m.value for m in ConsentMethod} else None,
                        given_on=given_on, note=form.get("note", ""), scan=scan)


@login_required
def consent(nomination_id: int) -> ResponseReturnValue:
    found = _nomination(nomination_id)
    form = {name: request.form.get(name, "") for name in ("method", "given_on", "note")}
    try:
        record_consent(get_db(), found, _consent_input(request.form), officer=actor(), now=now(), today=_today(),
                       consent_root=consent_root(), remote_addr=request.remote_addr)
    except InvalidInput as error:
        get_db().rollback()
        errors = dict(error.errors)
        if "scan" in errors or request.files.get("scan"):
            # A browser never fills a file field back in; say so rather than let it look kept.
            errors.setdefault("scan", _("Hãy chọn lại tệp bản quét: trình duyệt không giữ tệp sau khi gửi."))
        return _show(_nomination(nomination_id), form, errors, 400)
    get_db().commit()
    flash(_("Đã ghi nhận sự đồng ý. Câu chuyện từ nay nêu tên người được đề cử."), "success")
    return redirect(url_for("desk.nomination", nomination_id=nomination_id))


@login_required
def consent_scan(nomination_id: int) -> ResponseReturnValue:
    found = _nomination(nomination_id)
    if found.consent_scan_sha256 is None or found.consent_scan_mime is None:
        raise NotFound(_("Đề cử này không có bản quét văn bản đồng ý."))
    path = scan_path(consent_root(), found.consent_scan_sha256, found.consent_scan_mime)
    if not path.is_file():
        raise NotFound(_("Không tìm thấy tệp bản quét trên máy chủ."))
    response = send_file(path, mimetype=found.consent_scan_mime, as_attachment=True,
                         download_name=found.consent_scan_name or path.name)
    response.headers["Cache-Control"] = "private, no-store"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
