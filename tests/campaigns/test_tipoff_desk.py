"""The officers' side in the domain: the grant, routing up the area tree, audited reads, handling and its history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from campaigns.tipoff_desk import (
    add_note,
    assign_tipoff,
    change_status,
    find_tipoff,
    open_tipoff,
    possible_assignees,
    set_tipoff_reader,
    tipoff_queue,
)
from campaigns.tipoff_history_models import TipoffEvent, TipoffStep
from campaigns.tipoff_models import TipoffStatus
from campaigns.tipoff_sealing import unseal_text
from campaigns.tipoffs import add_information
from content.errors import InvalidInput, NotFound, PermissionDenied
from content.models import AuditLog
from tests.tipdesk_world import SENT_AT, make_desk_world, send_tipoff
from tests.tipoff_world import KEY, SECRET_BODY, SECRET_CONTACT

LATER = SENT_AT + timedelta(hours=3)


def queue_ids(session, user) -> list[int]:  # type: ignore[no-untyped-def]
    return [t.id for t in tipoff_queue(session, user, page=1, per_page=50).items]


def test_a_village_tip_off_lands_with_its_commune_and_every_level_above(session, tmp_path):
    world = make_desk_world(session)
    tipoff = send_tipoff(session, world, tmp_path)
    assert tipoff.area_id == world.places.village.id
    assert queue_ids(session, world.commune_officer) == [tipoff.id]
    assert queue_ids(session, world.province_officer) == [tipoff.id]
    assert queue_ids(session, world.other_officer) == []


def test_the_role_alone_never_opens_the_queue(session, tmp_path):
    world = make_desk_world(session)
    send_tipoff(session, world, tmp_path)
    for user in (world.editor, world.admin):
        with pytest.raises(PermissionDenied):
            tipoff_queue(session, user, page=1, per_page=50)


def test_an_officer_of_another_area_cannot_open_it(session, tmp_path):
    world = make_desk_world(session)
    tipoff = send_tipoff(session, world, tmp_path)
    with pytest.raises(PermissionDenied):
        find_tipoff(session, world.other_officer, tipoff.id)
    with pytest.raises(PermissionDenied):
        find_tipoff(session, world.editor, 10**6)  # without the grant, not even "no such number"
    with pytest.raises(NotFound):
        find_tipoff(session, world.commune_officer, 10**6)


def test_every_read_is_audited_with_who_which_and_when(session, tmp_path):
    world = make_desk_world(session)
    tipoff = send_tipoff(session, world, tmp_path, contact=SECRET_CONTACT)
    opened = open_tipoff(session, world.commune_officer, tipoff, key=KEY, now=LATER)
    open_tipoff(session, world.province_officer, tipoff, key=KEY, now=LATER + timedelta(minutes=5))
    session.commit()
    assert (opened.body, opened.contact) == (SECRET_BODY, SECRET_CONTACT)
    reads = session.scalars(select(AuditLog).where(AuditLog.action == "tipoff.read").order_by(AuditLog.id)).all()
    assert [(r.actor_id, r.object_id, r.at) for r in reads] == [
        (world.commune_officer.id, tipoff.id, LATER), (world.province_officer.id, tipoff.id, LATER + timedelta(minutes=5))]
    assert all(SECRET_BODY not in str(r.detail) for r in reads)


def test_handling_steps_are_kept_in_order_and_the_first_one_is_stamped(session, tmp_path):
    world = make_desk_world(session)
    tipoff = send_tipoff(session, world, tmp_path)
    officer = world.commune_officer
    change_status(session, tipoff, officer, TipoffStatus.CHECKING, now=LATER)
    assign_tipoff(session, tipoff, officer, world.province_officer, now=LATER + timedelta(minutes=1))
    note = add_note(session, tipoff, officer, "Đã hỏi trưởng thôn, đang chờ xác minh.", key=KEY,
                    now=LATER + timedelta(minutes=2))
    change_status(session, tipoff, officer, TipoffStatus.VALUABLE, now=LATER + timedelta(minutes=3))
    session.commit()
    assert tipoff.first_handled_at == LATER and tipoff.status is TipoffStatus.VALUABLE
    assert tipoff.assignee_id == world.province_officer.id
    assert "trưởng thôn" not in note.body_ciphertext and unseal_text(KEY, note.body_ciphertext).startswith("Đã hỏi")
    steps = session.scalars(select(TipoffEvent).order_by(TipoffEvent.id)).all()
    assert [(s.step, s.old_value, s.new_value) for s in steps] == [
        (TipoffStep.STATUS, "new", "checking"), (TipoffStep.ASSIGNEE, None, str(world.province_officer.id)),
        (TipoffStep.NOTE, None, None), (TipoffStep.STATUS, "checking", "valuable")]


def test_the_same_status_again_is_no_step(session, tmp_path):
    world = make_desk_world(session)
    tipoff = send_tipoff(session, world, tmp_path)
    change_status(session, tipoff, world.commune_officer, TipoffStatus.NEW, now=LATER)
    assert tipoff.first_handled_at is None and session.scalar(select(TipoffEvent.id)) is None


def test_only_an_officer_who_may_read_it_can_be_given_it(session, tmp_path):
    world = make_desk_world(session)
    tipoff = send_tipoff(session, world, tmp_path)
    assert {u.username for u in possible_assignees(session, tipoff)} == {"canbo_xa", "canbo_tinh"}
    for someone in (world.editor, world.other_officer):
        with pytest.raises(InvalidInput):
            assign_tipoff(session, tipoff, world.commune_officer, someone, now=LATER)
    assert tipoff.assignee_id is None and tipoff.first_handled_at is None


@pytest.mark.parametrize("typed", ["", "   ", "x" * 4001])
def test_an_empty_or_too_long_note_is_refused(session, tmp_path, typed):
    world = make_desk_world(session)
    tipoff = send_tipoff(session, world, tmp_path)
    with pytest.raises(InvalidInput) as refused:
        add_note(session, tipoff, world.commune_officer, typed, key=KEY, now=LATER)
    assert "note" in refused.value.errors


def test_the_senders_addition_shows_up_for_the_officer(session, tmp_path):
    world = make_desk_world(session)
    tipoff = send_tipoff(session, world, tmp_path)
    add_information(session, tipoff, "Xe máy biển số 99X1-234.56 hay đỗ ở đó.", [], key=KEY, photo_root=tmp_path,
                    now=LATER)
    session.commit()
    opened = open_tipoff(session, world.commune_officer, tipoff, key=KEY, now=LATER)
    assert [text for _a, text in opened.additions] == ["Xe máy biển số 99X1-234.56 hay đỗ ở đó."]


def test_an_admin_grants_and_withdraws_the_reading_but_never_their_own(session):
    world = make_desk_world(session)
    set_tipoff_reader(session, world.editor, actor=world.admin, allowed=True, now=LATER)
    assert world.editor.reads_tipoffs
    set_tipoff_reader(session, world.editor, actor=world.admin, allowed=False, now=LATER)
    assert not world.editor.reads_tipoffs
    actions = session.scalars(select(AuditLog.detail).where(AuditLog.action == "user.tipoffs")).all()
    assert actions == [{"reads_tipoffs": True}, {"reads_tipoffs": False}]
    with pytest.raises(PermissionDenied):
        set_tipoff_reader(session, world.admin, actor=world.admin, allowed=True, now=LATER)
    with pytest.raises(PermissionDenied):  # an officer who is no admin grants nothing
        set_tipoff_reader(session, world.editor, actor=world.commune_officer, allowed=True, now=LATER)
