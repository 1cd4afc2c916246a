"""Commendations: recorded by an officer of the area with a decision, linked to a story, audited, read by year."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from campaigns.commendation_models import CommendationLevel
from campaigns.commendations import (
    commendations_of,
    count_by_level,
    record_commendation,
    update_commendation,
    years_with_commendations,
)
from content.errors import InvalidInput, PermissionDenied
from content.models import AuditLog
from tests.commendation_world import NOW, TODAY, commendation_world, commended


def test_a_recorded_commendation_is_filed_under_its_decision_year_and_audited(session):
    w = commendation_world(session)
    c = record_commendation(session, w.editor_a, commended(w.commune_a, message_id=w.story_a.id), now=NOW,
                            today=TODAY, remote_addr="192.0.2.5")
    assert (c.year, c.level, c.message_id, c.recorded_by_id) == (2026, CommendationLevel.COMMUNE, w.story_a.id,
                                                                 w.editor_a.id)
    audit = session.scalars(select(AuditLog).where(AuditLog.object_type == "commendation")).all()
    assert [(a.action, a.object_id, a.detail["decision_number"], a.detail["message_id"]) for a in audit] == [
        ("commendation.record", c.id, "57/QĐ-UBND", w.story_a.id)]


def test_every_missing_field_is_named_at_once(session):
    w = commendation_world(session)
    with pytest.raises(InvalidInput) as refused:
        record_commendation(session, w.editor_a, commended(w.commune_a, recipient=" ", reason="", level="medal",
                                                           decision_number=""), now=NOW, today=TODAY)
    assert set(refused.value.errors) == {"recipient", "reason", "level", "decision_number"}


def test_a_decision_dated_in_the_future_is_refused(session):
    w = commendation_world(session)
    with pytest.raises(InvalidInput) as refused:
        record_commendation(session, w.editor_a, commended(w.commune_a, decided_on=date(2026, 12, 1)), now=NOW,
                            today=TODAY)
    assert set(refused.value.errors) == {"decided_on"}


def test_a_commune_officer_cannot_record_for_another_commune(session):
    w = commendation_world(session)
    with pytest.raises(InvalidInput) as refused:
        record_commendation(session, w.editor_b, commended(w.commune_a), now=NOW, today=TODAY)
    assert set(refused.value.errors) == {"area_id"}


def test_an_analyst_may_not_record_one(session):
    w = commendation_world(session)
    with pytest.raises(PermissionDenied):
        record_commendation(session, w.analyst, commended(w.commune_a), now=NOW, today=TODAY)


def test_only_a_story_within_reach_can_be_linked(session):
    w = commendation_world(session)
    with pytest.raises(InvalidInput) as not_story:
        record_commendation(session, w.editor_a, commended(w.commune_a, message_id=w.article_a.id), now=NOW,
                            today=TODAY)
    assert "gương người tốt" in not_story.value.errors["message_id"]
    with pytest.raises(InvalidInput) as elsewhere:
        record_commendation(session, w.editor_b, commended(w.commune_b, message_id=w.story_a.id), now=NOW,
                            today=TODAY)
    with pytest.raises(InvalidInput) as missing:
        record_commendation(session, w.editor_b, commended(w.commune_b, message_id=999_999), now=NOW, today=TODAY)
    # Another area's story and a story that does not exist are refused in the same words.
    assert elsewhere.value.errors["message_id"].replace(str(w.story_a.id), "N") == \
        missing.value.errors["message_id"].replace("999999", "N")


def test_a_correction_moves_the_year_with_the_decision_date_and_is_audited(session):
    w = commendation_world(session)
    c = record_commendation(session, w.editor_a, commended(w.commune_a), now=NOW, today=TODAY)
    update_commendation(session, w.editor_a, c, commended(w.commune_a, decided_on=date(2025, 8, 19),
                                                          level="province"), now=NOW, today=TODAY)
    assert (c.year, c.level) == (2025, CommendationLevel.PROVINCE)
    assert session.scalar(select(AuditLog.action).where(AuditLog.action == "commendation.update")) is not None


def test_another_communes_officer_cannot_correct_it(session):
    w = commendation_world(session)
    c = record_commendation(session, w.editor_a, commended(w.commune_a), now=NOW, today=TODAY)
    with pytest.raises(PermissionDenied):
        update_commendation(session, w.editor_b, c, commended(w.commune_b), now=NOW, today=TODAY)


def test_a_years_list_is_read_within_an_area_highest_level_first(session):
    w = commendation_world(session)
    record_commendation(session, w.editor_a, commended(w.commune_a), now=NOW, today=TODAY)
    record_commendation(session, w.province_editor, commended(w.commune_b, recipient="Tổ dân phố số 4",
                                                              is_collective=True, level="ministry"),
                        now=NOW, today=TODAY)
    record_commendation(session, w.editor_a, commended(w.commune_a, decided_on=date(2025, 8, 19),
                                                       recipient="Bà Hà Thị Lụa"), now=NOW, today=TODAY)
    whole = commendations_of(session, year=2026, within=w.province)
    assert [c.recipient for c in whole] == ["Tổ dân phố số 4", "Lò Văn Thắm"]
    assert [c.recipient for c in commendations_of(session, year=2026, within=w.commune_a)] == ["Lò Văn Thắm"]
    assert years_with_commendations(session, w.province) == [2026, 2025]
    assert years_with_commendations(session, w.commune_b) == [2026]
    counts = count_by_level(whole)
    assert (counts[CommendationLevel.COMMUNE], counts[CommendationLevel.MINISTRY],
            counts[CommendationLevel.GOVERNMENT]) == (1, 1, 0)


def _nomination(session, w, **overrides):  # type: ignore[no-untyped-def]
    from campaigns.nomination_models import Nomination, NominationSource

    nomination = Nomination(person_name="Lò Văn Thắm", area_id=w.commune_a.id, deed="Trả lại ví cho người đánh rơi",
                            source=NominationSource.PUBLIC, **overrides)
    session.add(nomination)
    session.flush()
    return nomination


def test_naming_the_nomination_links_its_story_too(session):
    w = commendation_world(session)
    nomination = _nomination(session, w, message_id=w.story_a.id)
    c = record_commendation(session, w.editor_a, commended(w.commune_a, nomination_id=nomination.id), now=NOW,
                            today=TODAY)
    assert (c.nomination_id, c.message_id) == (nomination.id, w.story_a.id)
    audit = session.scalars(select(AuditLog).where(AuditLog.object_type == "commendation")).one()
    assert audit.detail["nomination_id"] == nomination.id


def test_a_nomination_of_another_commune_cannot_be_linked(session):
    w = commendation_world(session)
    nomination = _nomination(session, w)
    with pytest.raises(InvalidInput) as refused:
        record_commendation(session, w.editor_b, commended(w.commune_b, nomination_id=nomination.id), now=NOW,
                            today=TODAY)
    assert set(refused.value.errors) == {"nomination_id"}


def test_overlong_names_reasons_and_decision_numbers_are_refused_by_their_length(session):
    w = commendation_world(session)
    with pytest.raises(InvalidInput) as refused:
        record_commendation(session, w.editor_a, commended(w.commune_a, recipient="Nguyễn " * 60, reason="Tốt " * 1100,
                                                           decision_number="9" * 121), now=NOW, today=TODAY)
    assert set(refused.value.errors) == {"recipient", "reason", "decision_number"}
    assert "300" in refused.value.errors["recipient"] and "120" in refused.value.errors["decision_number"]
