"""Writing and reviewing: revisions, the conflict check, no self-approval, edits that re-open review."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from content.errors import Conflict, InvalidInput, InvalidTransition, PermissionDenied
from content.messages import (
    MAX_BODY_CHARS,
    MessageInput,
    StoryFields,
    create_message,
    transition_message,
    update_message,
)
from content.models import AuditLog, Message, MessageKind, MessageStatus, Role
from tests.factories import make_area, make_user


@pytest.fixture
def desk(session):
    province = make_area(session)
    commune = make_area(session, parent=province)
    return {
        "province": province,
        "commune": commune,
        "editor": make_user(session, role=Role.EDITOR, area=province),
        "approver": make_user(session, role=Role.APPROVER, area=province),
    }


def article(area, **overrides):
    return MessageInput(**{"kind": MessageKind.ARTICLE, "title": "Phòng cháy mùa khô",
                           "body_md": "Không đốt rác gần nhà.", "area_id": area.id, **overrides})


def test_every_save_is_a_revision_with_the_rendered_html(session, desk, now):
    message = create_message(session, desk["editor"], article(desk["commune"]), now=now)
    update_message(session, message, desk["editor"], article(desk["commune"], body_md="**Mới**"),
                   expected_version=1, now=now)
    assert [r.number for r in message.revisions] == [1, 2]
    assert message.revisions[-1].body_html == "<p><strong>Mới</strong></p>"


def test_saving_over_a_newer_version_is_a_conflict_and_changes_nothing(session, desk, now):
    message = create_message(session, desk["editor"], article(desk["commune"]), now=now)
    update_message(session, message, desk["editor"], article(desk["commune"], title="Bản A"), expected_version=1, now=now)
    with pytest.raises(Conflict):
        update_message(session, message, desk["editor"], article(desk["commune"], title="Bản B"),
                       expected_version=1, now=now)
    assert message.title == "Bản A"


def test_the_author_cannot_approve_their_own_text(session, desk, now):
    author = make_user(session, role=Role.ADMIN, area=desk["province"])
    message = create_message(session, author, article(desk["commune"]), now=now)
    transition_message(session, message, "submit", actor=author, now=now)
    with pytest.raises(PermissionDenied):
        transition_message(session, message, "approve", actor=author, now=now)
    assert message.status is MessageStatus.IN_REVIEW


def test_an_approver_outside_the_area_cannot_approve(session, desk, now):
    outsider = make_user(session, role=Role.APPROVER, area=make_area(session))
    message = create_message(session, desk["editor"], article(desk["commune"]), now=now)
    transition_message(session, message, "submit", actor=desk["editor"], now=now)
    with pytest.raises(PermissionDenied):
        transition_message(session, message, "approve", actor=outsider, now=now)


def test_editing_an_approved_message_sends_it_back_to_review(session, desk, now):
    message = create_message(session, desk["editor"], article(desk["commune"]), now=now)
    transition_message(session, message, "submit", actor=desk["editor"], now=now)
    transition_message(session, message, "approve", actor=desk["approver"], now=now)
    update_message(session, message, desk["editor"], article(desk["commune"], title="Sửa sau duyệt"),
                   expected_version=message.version, now=now)
    assert message.status is MessageStatus.IN_REVIEW


def test_a_draft_cannot_be_approved_before_review(session, desk, now):
    message = create_message(session, desk["editor"], article(desk["commune"]), now=now)
    with pytest.raises(InvalidTransition):
        transition_message(session, message, "approve", actor=desk["approver"], now=now)


def test_requesting_changes_needs_a_comment(session, desk, now):
    message = create_message(session, desk["editor"], article(desk["commune"]), now=now)
    transition_message(session, message, "submit", actor=desk["editor"], now=now)
    with pytest.raises(InvalidInput) as error:
        transition_message(session, message, "request_changes", actor=desk["approver"], now=now, comment=" ")
    assert "comment" in error.value.errors


def test_transitions_are_audited_with_who_and_where(session, desk, now):
    message = create_message(session, desk["editor"], article(desk["commune"]), now=now)
    transition_message(session, message, "submit", actor=desk["editor"], now=now, remote_addr="10.0.0.7")
    entry = session.scalar(select(AuditLog).where(AuditLog.action == "message.submit"))
    assert (entry.actor_id, entry.remote_addr, entry.detail["to"]) == (desk["editor"].id, "10.0.0.7", "in_review")


@pytest.mark.parametrize(("overrides", "field"), [
    ({"title": "  "}, "title"),
    ({"body_md": "x" * (MAX_BODY_CHARS + 1)}, "body_md"),
    ({"area_id": 999_999}, "area_id"),
    ({"topic_ids": (999_999,)}, "topic_ids"),
    ({"kind": MessageKind.STORY, "story": StoryFields(person_name="", deed="")}, "person_name"),
])
def test_bad_input_names_the_field_and_saves_nothing(session, desk, now, overrides, field):
    with pytest.raises(InvalidInput) as error:
        create_message(session, desk["editor"], article(desk["commune"], **overrides), now=now)
    assert field in error.value.errors
    assert session.scalar(select(func.count()).select_from(Message)) == 0


def test_two_saves_racing_from_the_same_version_cannot_both_win(session_factory, session, desk, now):
    from content.db import begin_write

    message = create_message(session, desk["editor"], article(desk["commune"]), now=now)
    session.commit()
    with session_factory() as first, session_factory() as second:
        sqlite = second.get_bind().dialect.name == "sqlite"
        if not sqlite:
            # PostgreSQL: the second save read version 1 before the first committed.
            theirs = second.get(Message, message.id)
        begin_write(first)
        update_message(first, first.get(Message, message.id), first.merge(desk["editor"]),
                       article(desk["commune"], title="Bản A"), expected_version=1, now=now)
        first.commit()
        if sqlite:
            # SQLite: writers take the lock before reading, so the second save reads after the first.
            begin_write(second)
            theirs = second.get(Message, message.id)
        with pytest.raises(Conflict):
            update_message(second, theirs, second.merge(desk["editor"]), article(desk["commune"], title="Bản B"),
                           expected_version=1, now=now)


def test_two_messages_saved_with_one_title_at_the_same_moment_both_get_a_slug(session_factory, session, desk,
                                                                              now, monkeypatch):
    import content.db

    session.commit()
    real_free_slug, raced = content.db.free_slug, []

    def free_slug_then_lose_the_race(s, column, text):  # type: ignore[no-untyped-def]
        slug = real_free_slug(s, column, text)
        if not raced:  # the other officer saves between our look-up and our insert
            raced.append(slug)
            with session_factory() as other:
                create_message(other, other.merge(desk["editor"]), article(desk["commune"]), now=now)
                other.commit()
        return slug

    monkeypatch.setattr(content.db, "free_slug", free_slug_then_lose_the_race)
    with session_factory() as mine:
        message = create_message(mine, mine.merge(desk["editor"]), article(desk["commune"]), now=now)
        mine.commit()
    assert raced == ["phong-chay-mua-kho"]
    assert message.slug == "phong-chay-mua-kho-2"
    assert session.scalar(select(func.count()).select_from(Message)) == 2


def test_a_commune_editor_cannot_target_another_commune(session, desk, now):
    local = make_user(session, role=Role.EDITOR, area=desk["commune"])
    elsewhere = make_area(session, parent=desk["province"])
    with pytest.raises(PermissionDenied):
        create_message(session, local, article(desk["commune"], target_area_ids=(elsewhere.id,)), now=now)
