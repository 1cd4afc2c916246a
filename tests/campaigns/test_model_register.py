"""The register of self-management models: checked input, area scope, audit, featured messages."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlalchemy import select

from campaigns.model_register import ModelInput, add_model, list_models, set_featured, update_model
from campaigns.selfmanaged_models import ModelKind, ModelStatus
from content.errors import InvalidInput, PermissionDenied
from content.models import AreaKind, AuditLog, Role
from tests.campaigns.target_world import add_message, target_world
from tests.factories import make_area, make_user

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=timezone.utc)
TODAY = date(2026, 11, 20)


def entry(area, **overrides) -> ModelInput:  # type: ignore[no-untyped-def]
    values = {"area_id": area.id, "name": "Khu dân cư không ma túy thôn Đông", "kind": "drug_free",
              "started_on": date(2026, 3, 1), "members": "45", "households": "1.200", "status": "active"}
    return ModelInput(**(values | overrides))


def test_an_officer_registers_a_village_model_and_it_is_audited(session):
    w = target_world(session)
    thon = make_area(session, parent=w.commune_a, kind=AreaKind.RESIDENTIAL, name="Thôn Đông")
    model = add_model(session, w.editor, entry(thon), now=NOW, today=TODAY)
    assert (model.area_id, model.kind, model.members, model.households, model.status) == (
        thon.id, ModelKind.DRUG_FREE, 45, 1200, ModelStatus.ACTIVE)
    assert [m.id for m in list_models(session, w.commune_a)] == [model.id]
    assert list_models(session, w.commune_b) == []
    audit = session.scalar(select(AuditLog).where(AuditLog.action == "self_model.create"))
    assert audit is not None and audit.detail["households"] == 1200 and audit.actor_id == w.editor.id


@pytest.mark.parametrize(("overrides", "field"), [
    ({"name": "   "}, "name"), ({"name": "x" * 201}, "name"), ({"kind": "camera"}, "kind"),
    ({"status": "dead"}, "status"), ({"started_on": None}, "started_on"),
    ({"started_on": date(2026, 12, 1)}, "started_on"), ({"members": "-3"}, "members"),
    ({"households": "9" * 5000}, "households"), ({"members": "²"}, "members"), ({"area_id": None}, "area_id"),
    ({"area_id": 999_999}, "area_id"), ({"note": "a" * 4001}, "note"),
])
def test_each_bad_field_is_refused_with_its_own_message(session, overrides, field):
    w = target_world(session)
    with pytest.raises(InvalidInput) as refused:
        add_model(session, w.editor, entry(w.commune_a, **overrides), now=NOW, today=TODAY)
    assert field in refused.value.errors


def test_the_province_itself_and_areas_outside_the_officer_are_refused(session):
    w = target_world(session)
    commune_editor = make_user(session, role=Role.EDITOR, area=w.commune_a)
    for area in (w.province, w.commune_b):
        with pytest.raises(InvalidInput) as refused:
            add_model(session, commune_editor, entry(area), now=NOW, today=TODAY)
        assert "area_id" in refused.value.errors


def test_an_analyst_may_not_write_the_register(session):
    w = target_world(session)
    model = add_model(session, w.editor, entry(w.commune_a), now=NOW, today=TODAY)
    analyst = make_user(session, role=Role.ANALYST, area=w.province)
    with pytest.raises(PermissionDenied):
        update_model(session, analyst, model, entry(w.commune_a, status="paused"), now=NOW, today=TODAY)


def test_pausing_a_model_records_what_changed(session):
    w = target_world(session)
    model = add_model(session, w.editor, entry(w.commune_a), now=NOW, today=TODAY)
    update_model(session, w.editor, model, entry(w.commune_a, status="paused"), now=NOW, today=TODAY)
    assert model.status is ModelStatus.PAUSED
    audit = session.scalar(select(AuditLog).where(AuditLog.action == "self_model.update"))
    assert audit is not None and audit.detail["changes"] == {"status": ["active", "paused"]}


def test_a_story_can_feature_a_model_and_be_taken_off_it(session):
    w = target_world(session)
    model = add_model(session, w.editor, entry(w.commune_a), now=NOW, today=TODAY)
    story = add_message(session, w.editor, w.commune_a, None)
    set_featured(session, w.editor, model, story.id, featured=True, now=NOW)
    set_featured(session, w.editor, model, story.id, featured=True, now=NOW)  # twice is once
    assert [m.id for m in model.messages] == [story.id]
    set_featured(session, w.editor, model, story.id, featured=False, now=NOW)
    assert model.messages == []
    actions = session.scalars(select(AuditLog.action).where(AuditLog.object_type == "self_model")
                              .order_by(AuditLog.id)).all()
    assert actions == ["self_model.create", "self_model.feature", "self_model.unfeature"]


def test_a_message_outside_the_officer_cannot_be_linked(session):
    w = target_world(session)
    commune_editor = make_user(session, role=Role.EDITOR, area=w.commune_a)
    model = add_model(session, commune_editor, entry(w.commune_a), now=NOW, today=TODAY)
    elsewhere = add_message(session, w.editor, w.commune_b, None)
    with pytest.raises(InvalidInput):
        set_featured(session, commune_editor, model, elsewhere.id, featured=True, now=NOW)
    with pytest.raises(InvalidInput):
        set_featured(session, commune_editor, model, 987_654, featured=True, now=NOW)


def test_the_same_model_typed_twice_in_one_area_is_refused(session):
    w = target_world(session)
    first = add_model(session, w.editor, entry(w.commune_a), now=NOW, today=TODAY)
    with pytest.raises(InvalidInput) as refused:
        add_model(session, w.editor, entry(w.commune_a, name="khu dân cư  không ma túy thôn đông"), now=NOW,
                  today=TODAY)
    assert "name" in refused.value.errors
    add_model(session, w.editor, entry(w.commune_b), now=NOW, today=TODAY)  # another area may use the name
    update_model(session, w.editor, first, entry(w.commune_a, status="paused"), now=NOW, today=TODAY)  # itself
