"""Domain errors read in the visitor's language: a form's field errors, an error page and a JSON problem;
the audit log keeps the Vietnamese reason whatever the language."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from content.messages import MessageInput, create_message
from content.models import AuditLog, MessageKind, Role
from tests.factories import make_area, make_user
from tests.radio_scenarios import airing_world
from tests.web.helpers import edit, log_in, problem, switch

DENIED_VI = "Bạn không có quyền thực hiện thao tác này ở địa bàn này."
DENIED_EN = "You are not allowed to do this in this area."


def two_provinces(session, now):  # type: ignore[no-untyped-def]
    """A draft of the signed-in editor's own province, and one of a province that is not theirs."""
    home, other = make_area(session), make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=home, username="bientap")
    stranger = make_user(session, role=Role.EDITOR, area=other)
    mine, theirs = (create_message(session, author, MessageInput(kind=MessageKind.ARTICLE, title="Cảnh giác lừa đảo",
                                                                 body_md="Không chuyển tiền cho người lạ.",
                                                                 area_id=area.id), now=now)
                    for author, area in ((editor, home), (stranger, other)))
    session.commit()
    return mine, theirs


@pytest.mark.parametrize(("language", "shown", "hidden"), [
    ("en", "The title must not be empty.", "Tiêu đề không được để trống."),
    (None, "Tiêu đề không được để trống.", "The title must not be empty."),  # Vietnamese by default
])
def test_a_field_error_of_the_domain_reads_in_the_chosen_language(client, session, now, language, shown, hidden):
    mine, _ = two_provinces(session, now)
    log_in(client, "bientap")
    if language:
        switch(client, language, "/desk/")
    response = edit(client, mine, version=mine.version, title="", body="Không chuyển tiền cho người lạ.")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert shown in page and hidden not in page


def test_a_refusal_page_reads_in_english_and_the_audit_keeps_the_vietnamese_reason(client, session, now):
    _, theirs = two_provinces(session, now)
    log_in(client, "bientap")
    switch(client, "en", "/desk/")
    response = client.get(f"/desk/messages/{theirs.id}")
    assert response.status_code == 403
    page = response.get_data(as_text=True)
    assert DENIED_EN in page and DENIED_VI not in page
    session.expire_all()
    denial = session.scalar(select(AuditLog).where(AuditLog.action == "denied"))
    assert denial is not None and denial.detail["reason"] == DENIED_VI


def test_a_json_problem_from_the_domain_reads_in_english(client, session, now):
    _, theirs = two_provinces(session, now)
    log_in(client, "bientap")
    switch(client, "en", "/desk/")
    body = problem(client.get(f"/desk/messages/{theirs.id}", headers={"Accept": "application/json"}), 403)
    assert body["detail"] == DENIED_EN and body["title"] == "Not permitted"


def test_a_json_problem_from_the_domain_stays_vietnamese_by_default(client, session, now):
    _, theirs = two_provinces(session, now)
    log_in(client, "bientap")
    body = problem(client.get(f"/desk/messages/{theirs.id}", headers={"Accept": "application/json"}), 403)
    assert body["detail"] == DENIED_VI


def test_the_radio_api_names_each_field_error_in_english(client, session):
    _, station, delivery, token = airing_world(session)
    switch(client, "en", "/")
    response = client.post(f"/radio/api/stations/{station.id}/airings", json={"delivery_id": delivery.id,
                           "status": "not_aired"}, headers={"Authorization": f"Bearer {token}"})
    body = problem(response, 400)
    reason = "Give the reason it was not aired (for example: power cut, broken loudspeaker)."
    assert body["errors"] == {"reason": reason} and body["detail"] == f"reason: {reason}"
