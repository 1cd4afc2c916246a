"""Readers' "was this useful?": kept with no identifier, counted as measured portal engagement, refused when bad."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import inspect, select

from campaigns.feedback_models import MessageFeedback
from campaigns.message_feedback import FEEDBACK, MAX_NOTE, feedback_summary, parse_answer, record_feedback
from campaigns.models import ReachDaily, ReachEvent, ReachSource
from campaigns.reach_labels import metric_label
from campaigns.reach_rollups import roll_up_new_events
from content.errors import InvalidInput
from tests.factories import make_published_message

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def test_an_answer_is_kept_and_counted_as_one_measured_portal_engagement(session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    record_feedback(session, message, is_useful=True, note="  Bài viết rõ ràng, dễ hiểu.  ", now=now)
    record_feedback(session, message, is_useful=False, note="", now=now + timedelta(minutes=1))
    session.commit()
    kept = session.scalars(select(MessageFeedback).order_by(MessageFeedback.id)).all()
    assert [(f.is_useful, f.note) for f in kept] == [(True, "Bài viết rõ ràng, dễ hiểu."), (False, None)]
    events = session.scalars(select(ReachEvent).where(ReachEvent.metric == FEEDBACK)).all()
    assert [(e.source, e.value, e.channel_id) for e in events] == [(ReachSource.MEASURED, 1.0, None)] * 2
    roll_up_new_events(session, now=now + timedelta(hours=1), zone=ZONE)
    daily = session.scalars(select(ReachDaily).where(ReachDaily.metric == FEEDBACK)).all()
    assert [(d.message_id, d.source, d.value) for d in daily] == [(message.id, ReachSource.MEASURED, 2.0)]
    assert str(metric_label(FEEDBACK, ReachSource.MEASURED).name) == "Ý kiến “tin có ích không?”"


def test_nothing_that_could_identify_a_reader_has_a_column():
    columns = {c.key for c in inspect(MessageFeedback).columns}
    assert columns == {"id", "message_id", "is_useful", "note", "created_at"}


def test_a_note_too_long_is_refused_and_nothing_is_counted(session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    with pytest.raises(InvalidInput) as refused:
        record_feedback(session, message, is_useful=True, note="a" * (MAX_NOTE + 1), now=now)
    assert "note" in refused.value.errors
    session.rollback()
    assert session.scalar(select(MessageFeedback.id)) is None
    assert session.scalar(select(ReachEvent.id).where(ReachEvent.metric == FEEDBACK)) is None


@pytest.mark.parametrize("answer", [None, "", "maybe", "YES", "1"])
def test_only_yes_or_no_is_an_answer(answer):
    with pytest.raises(InvalidInput):
        parse_answer(answer)


def test_the_summary_counts_answers_and_shows_notes_newest_first(session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    for minutes, useful, note in [(1, True, "Cảm ơn đã nhắc."), (2, True, None), (3, False, "Nên có số điện thoại.")]:
        record_feedback(session, message, is_useful=useful, note=note, now=now + timedelta(minutes=minutes))
    summary = feedback_summary(session, message)
    assert (summary.useful, summary.not_useful) == (2, 1)
    assert [n.note for n in summary.notes] == ["Nên có số điện thoại.", "Cảm ơn đã nhắc."]
