"""A message's own wording for one station or area: who reads it, when it stops being read, who may write it."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from campaigns.local_wording_models import LocalWording
from campaigns.local_wordings import (
    MAX_WORDING_CHARS,
    chosen_wordings,
    is_current,
    local_wordings_of,
    remove_local_wording,
    set_local_wording,
)
from campaigns.planning import plan_deliveries
from campaigns.review import review_message, save_revision
from content.errors import Conflict, InvalidInput, PermissionDenied
from content.messages import MessageInput, StoryFields, create_message, transition_message
from content.models import AreaKind, AuditLog, MessageKind, Role
from scheduler.radio_scripts.building import build_daily_script
from tests.factories import make_area, make_station, make_user

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2027, 3, 1, 1, 0, tzinfo=timezone.utc)
DAY = date(2027, 3, 4)
MORNING = datetime(2027, 3, 4, 6, 0, tzinfo=ZONE)
GENERAL = "Người dân phát hiện đối tượng khả nghi hãy báo ngay cho công an xã."
LOCAL = "Bà con xã Phú Điền báo ngay cho Công an xã Phú Điền, số 0235 3812 345."


class Province:
    """A province with two communes, each with its station, and the province's editor and approver."""

    def __init__(self, session):
        self.session = session
        self.province = make_area(session, name="Tỉnh Hà Giang Nam")
        self.phu_dien = make_area(session, parent=self.province, name="Xã Phú Điền")
        self.tan_lap = make_area(session, parent=self.province, name="Xã Tân Lập")
        self.station = make_station(session, self.phu_dien, name="Đài xã Phú Điền", slots=((time(6), 15),))
        self.neighbour = make_station(session, self.tan_lap, name="Đài xã Tân Lập", slots=((time(6), 15),))
        self.editor = make_user(session, role=Role.EDITOR, area=self.province, full_name="Lê Văn Khải")
        self.approver = make_user(session, role=Role.APPROVER, area=self.province)
        self.message = create_message(session, self.editor, MessageInput(
            kind=MessageKind.NOTICE, title="Cảnh giác trộm cắp tài sản", body_md=GENERAL,
            area_id=self.province.id), now=NOW)
        transition_message(session, self.message, "submit", actor=self.editor, now=NOW)
        transition_message(session, self.message, "approve", actor=self.approver, now=NOW)

    def plan(self, *stations, due=MORNING):
        plan_deliveries(self.session, self.message, actor=self.approver, due_at=due, now=NOW, zone=ZONE,
                        stations=list(stations))

    def read(self, station, day=DAY):
        (slot,) = build_daily_script(self.session, station, day, zone=ZONE).slots
        (item,) = slot.items
        return item


@pytest.fixture
def place(session) -> Province:
    return Province(session)


def test_only_the_station_with_its_own_wording_reads_it_and_says_so(session, place):
    place.plan(place.station, place.neighbour)
    set_local_wording(session, place.message, LOCAL, station=place.station, actor=place.editor, now=NOW)
    own, other = place.read(place.station), place.read(place.neighbour)
    assert "Phú Điền" in own.text and "không hai ba năm" in own.text  # read through the spoken form
    assert own.wording_for == "Đài xã Phú Điền"
    assert "Phú Điền" not in other.text and other.wording_for is None


def test_a_delivery_planned_after_the_wording_reads_it_too(session, place):
    set_local_wording(session, place.message, LOCAL, station=place.station, actor=place.editor, now=NOW)
    place.plan(place.station, due=MORNING + timedelta(days=1))
    assert place.read(place.station, DAY + timedelta(days=1)).wording_for == "Đài xã Phú Điền"


def test_a_station_wording_beats_its_communes_which_beats_the_provinces(session, place):
    place.plan(place.station, place.neighbour)
    set_local_wording(session, place.message, "Lời cho cả tỉnh.", area=place.province, actor=place.editor, now=NOW)
    set_local_wording(session, place.message, "Lời cho xã Phú Điền.", area=place.phu_dien, actor=place.editor, now=NOW)
    assert place.read(place.neighbour).text == "Lời cho cả tỉnh."
    assert place.read(place.station).text == "Lời cho xã Phú Điền."
    set_local_wording(session, place.message, "Lời cho riêng đài.", station=place.station, actor=place.editor, now=NOW)
    assert place.read(place.station).text == "Lời cho riêng đài."
    assert place.read(place.station).wording_for == "Đài xã Phú Điền"
    assert place.read(place.neighbour).wording_for == "Tỉnh Hà Giang Nam"


def test_an_edited_message_reads_its_approved_text_until_the_wording_is_saved_again(session, place):
    place.plan(place.station)
    wording = set_local_wording(session, place.message, LOCAL, station=place.station, actor=place.editor, now=NOW)
    save_revision(session, place.message, place.editor, MessageInput(
        kind=MessageKind.NOTICE, title="Cảnh giác trộm cắp tài sản dịp Tết", body_md=GENERAL,
        area_id=place.province.id), expected_version=place.message.version, now=NOW)
    assert place.message.status.value == "in_review"  # an edit after approval goes back to review
    review_message(session, place.message, "approve", actor=place.approver, now=NOW)
    assert not is_current(wording, place.message)
    assert place.read(place.station).wording_for is None  # the approved general text, not the old local one
    set_local_wording(session, place.message, LOCAL, station=place.station, actor=place.editor, now=NOW)
    assert is_current(wording, place.message) and place.read(place.station).wording_for == "Đài xã Phú Điền"
    actions = session.scalars(select(AuditLog.action).where(AuditLog.object_type == "message",
                                                            AuditLog.action.like("message.local%"))).all()
    assert actions == ["message.local_wording", "message.local_wording_confirmed"]


def test_removing_the_wording_brings_back_the_general_text_and_both_steps_are_in_the_history(session, place):
    place.plan(place.station)
    wording = set_local_wording(session, place.message, LOCAL, station=place.station, actor=place.editor, now=NOW)
    remove_local_wording(session, wording, actor=place.editor, now=NOW + timedelta(hours=1))
    session.flush()
    assert place.read(place.station).wording_for is None and local_wordings_of(session, place.message) == []
    history = session.scalars(select(AuditLog).where(AuditLog.object_type == "message",
                                                     AuditLog.object_id == place.message.id,
                                                     AuditLog.action.like("message.local%"))
                              .order_by(AuditLog.id)).all()
    assert [(h.action, h.detail["place"], h.detail["text"]) for h in history] == [
        ("message.local_wording", "Đài xã Phú Điền", LOCAL), ("message.local_wording_removed", "Đài xã Phú Điền", LOCAL)]
    assert history[0].actor_id == place.editor.id


@pytest.mark.parametrize(("text", "field", "words"), [
    ("   \n  ", "text", "không được để trống"),
    ("a" * (MAX_WORDING_CHARS + 1), "text", "quá giới hạn 8.000"),
])
def test_bad_text_is_refused_and_the_saved_wording_stays(session, place, text, field, words):
    set_local_wording(session, place.message, LOCAL, station=place.station, actor=place.editor, now=NOW)
    with pytest.raises(InvalidInput) as refused:
        set_local_wording(session, place.message, text, station=place.station, actor=place.editor, now=NOW)
    assert words in refused.value.errors[field]
    assert [w.text for w in local_wordings_of(session, place.message)] == [LOCAL]


def test_a_wording_needs_exactly_one_place_and_not_a_village(session, place):
    with pytest.raises(InvalidInput) as neither:
        set_local_wording(session, place.message, LOCAL, actor=place.editor, now=NOW)
    assert "một đài hoặc một địa bàn" in neither.value.errors["place"]
    with pytest.raises(InvalidInput):
        set_local_wording(session, place.message, LOCAL, station=place.station, area=place.phu_dien,
                          actor=place.editor, now=NOW)
    village = make_area(session, parent=place.phu_dien, name="Thôn Đồng Me", kind=AreaKind.RESIDENTIAL)
    with pytest.raises(InvalidInput) as refused:
        set_local_wording(session, place.message, LOCAL, area=village, actor=place.editor, now=NOW)
    assert "không thuộc thôn" in refused.value.errors["place"]
    assert local_wordings_of(session, place.message) == []


def test_an_archived_message_takes_no_new_wording_but_an_old_one_may_go(session, place):
    old = set_local_wording(session, place.message, "Lời cũ.", area=place.phu_dien, actor=place.editor, now=NOW)
    transition_message(session, place.message, "archive", actor=place.approver, now=NOW)
    with pytest.raises(InvalidInput) as refused:
        set_local_wording(session, place.message, LOCAL, station=place.station, actor=place.editor, now=NOW)
    assert "đã lưu trữ" in refused.value.errors["text"]
    remove_local_wording(session, old, actor=place.editor, now=NOW)
    session.flush()
    assert local_wordings_of(session, place.message) == []


def test_officers_act_only_inside_their_own_area(session, place):
    commune_editor = make_user(session, role=Role.EDITOR, area=place.phu_dien)
    operator = make_user(session, role=Role.RADIO_OPERATOR, area=place.province)
    other_province = make_area(session, name="Tỉnh Bắc Sơn")
    far_station = make_station(session, make_area(session, parent=other_province, name="Xã Yên Phong"))
    # A commune officer may not reword the province's message; an operator reads, never writes.
    for actor, target in [(commune_editor, {"station": place.station}), (operator, {"station": place.station}),
                          (place.editor, {"station": far_station}), (place.editor, {"area": other_province})]:
        with pytest.raises(PermissionDenied):
            set_local_wording(session, place.message, LOCAL, actor=actor, now=NOW, **target)
    assert session.scalars(select(LocalWording)).all() == []
    wording = set_local_wording(session, place.message, LOCAL, station=place.station, actor=place.editor, now=NOW)
    with pytest.raises(PermissionDenied):
        remove_local_wording(session, wording, actor=commune_editor, now=NOW)
    assert local_wordings_of(session, place.message) == [wording]


def test_chosen_wordings_answers_many_stations_at_once(session, place):
    stations = [place.station, place.neighbour] + [
        make_station(session, make_area(session, parent=place.province), slots=((time(6), 15),)) for _ in range(5)]
    set_local_wording(session, place.message, "Lời cho cả tỉnh.", area=place.province, actor=place.editor, now=NOW)
    set_local_wording(session, place.message, LOCAL, station=place.station, actor=place.editor, now=NOW)
    chosen = chosen_wordings(session, {place.message.id}, [s.id for s in stations])
    assert len(chosen) == len(stations)
    assert chosen[place.message.id, place.station.id].text == LOCAL
    assert {chosen[place.message.id, s.id].text for s in stations[1:]} == {"Lời cho cả tỉnh."}
    assert chosen_wordings(session, {place.message.id + 1000}, [s.id for s in stations]) == {}


def test_two_officers_saving_the_same_place_at_once_keep_the_first_and_tell_the_second(session, place, monkeypatch):
    first = set_local_wording(session, place.message, LOCAL, station=place.station, actor=place.editor, now=NOW)
    # The second officer looked a moment before the first one's row existed: the database's unique key decides.
    monkeypatch.setattr(session, "scalar", lambda *args, **kwargs: None)
    with pytest.raises(Conflict) as refused:
        set_local_wording(session, place.message, "Lời khác.", station=place.station, actor=place.approver, now=NOW)
    assert "Vừa có người khác lưu" in str(refused.value)
    monkeypatch.undo()
    assert [(w.id, w.text) for w in local_wordings_of(session, place.message)] == [(first.id, LOCAL)]


def test_a_story_persons_name_without_consent_is_masked_in_the_local_wording_too(session, place):
    commune = place.phu_dien
    editor = make_user(session, role=Role.EDITOR, area=commune)
    approver = make_user(session, role=Role.APPROVER, area=commune)
    story = create_message(session, editor, MessageInput(
        kind=MessageKind.STORY, title="Người trả lại ví cho khách đánh rơi", body_md="Anh nhặt được ví và trả lại.",
        area_id=commune.id, story=StoryFields(person_name="Đinh Công Tráng", deed="Trả lại ví", name_consent=False)),
        now=NOW)
    transition_message(session, story, "submit", actor=editor, now=NOW)
    transition_message(session, story, "approve", actor=approver, now=NOW)
    plan_deliveries(session, story, actor=approver, due_at=MORNING, now=NOW, zone=ZONE, stations=[place.station])
    set_local_wording(session, story, "Anh Đinh Công Tráng ở thôn Đồng Me nhặt được ví và trả lại.",
                      station=place.station, actor=editor, now=NOW)
    item = place.read(place.station)
    assert item.wording_for and "Đinh Công Tráng" not in item.text and "Đ.C.T." in item.text
