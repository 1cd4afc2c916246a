"""Nominations: what a sender must give, who sees them, the story draft and the consent that unmasks it."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import select

from campaigns.nomination_consent import ConsentInput, ScanUpload, record_consent, scan_path
from campaigns.nomination_models import ConsentMethod, NominationSource, NominationStatus
from campaigns.nominations import (
    NominationInput,
    draft_story,
    nomination_of_message,
    nominations_for,
    submit_nomination,
)
from content.errors import Conflict, InvalidInput, PermissionDenied
from content.models import AreaKind, AuditLog, MessageKind, MessageStatus, Role
from tests.factories import make_area, make_user

TODAY = date(2026, 11, 23)


@pytest.fixture
def world(session):
    province = make_area(session, name="Tỉnh Sông Lam")
    commune = make_area(session, parent=province, name="Xã Hòa Bình")
    village = make_area(session, parent=commune, kind=AreaKind.RESIDENTIAL, name="Thôn Đồng Xanh")
    other = make_area(session, parent=province, name="Xã Yên Lạc")
    editor = make_user(session, area=commune)
    stranger = make_user(session, area=other)
    return {"commune": commune, "village": village, "other": other, "editor": editor, "stranger": stranger}


def _input(area_id, **overrides):
    values = {"person_name": "Trần Thị Mai", "area_id": area_id,
              "deed": "Nhặt được ví có 5 triệu đồng và trả lại cho người đánh rơi.", "deed_on": date(2026, 11, 2)}
    return NominationInput(**{**values, **overrides})


def test_a_public_nomination_keeps_no_sender_unless_they_give_one(session, world, now):
    nomination = submit_nomination(session, _input(world["village"].id), now=now, today=TODAY)
    assert nomination.source is NominationSource.PUBLIC
    assert nomination.nominator_name is None and nomination.nominator_contact is None
    assert nomination.entered_by_id is None and nomination.status is NominationStatus.NEW


def test_every_missing_or_bad_field_is_named(session, world, now):
    with pytest.raises(InvalidInput) as refused:
        submit_nomination(session, NominationInput(person_name=" ", area_id=None, deed="", deed_on=date(2027, 1, 1),
                                                   nominator_contact="x" * 201), now=now, today=TODAY)
    assert set(refused.value.errors) == {"person_name", "area_id", "deed", "deed_on", "nominator_contact"}


def test_a_province_or_unknown_area_is_refused(session, world, now):
    for area_id in (world["commune"].parent_id, 999_999):
        with pytest.raises(InvalidInput) as refused:
            submit_nomination(session, _input(area_id), now=now, today=TODAY)
        assert set(refused.value.errors) == {"area_id"}


def test_an_officer_enters_one_only_in_their_own_area(session, world, now):
    nomination = submit_nomination(session, _input(world["commune"].id, nominator_name="Ông Lê Văn Hậu"), now=now,
                                   today=TODAY, officer=world["editor"])
    assert nomination.source is NominationSource.OFFICER and nomination.entered_by_id == world["editor"].id
    with pytest.raises(PermissionDenied):
        submit_nomination(session, _input(world["commune"].id), now=now, today=TODAY, officer=world["stranger"])


def test_the_desk_lists_its_area_and_the_villages_under_it_only(session, world, now):
    mine = submit_nomination(session, _input(world["village"].id), now=now, today=TODAY)
    theirs = submit_nomination(session, _input(world["other"].id), now=now, today=TODAY)
    assert nominations_for(session, world["editor"]) == [mine]
    assert nominations_for(session, world["stranger"]) == [theirs]
    with pytest.raises(PermissionDenied):
        nominations_for(session, make_user(session, role=Role.RADIO_OPERATOR, area=world["commune"]))


def test_a_story_draft_keeps_the_facts_links_back_and_masks_the_name(session, world, now):
    nomination = submit_nomination(session, _input(world["village"].id), now=now, today=TODAY)
    story = draft_story(session, nomination, editor=world["editor"], now=now)
    assert story.kind is MessageKind.STORY and story.status is MessageStatus.DRAFT
    assert story.area_id == world["commune"].id  # a village's story is its commune's
    assert (story.person_name, story.person_area_id, story.deed_on) == ("Trần Thị Mai", world["village"].id,
                                                                          date(2026, 11, 2))
    assert story.deed == nomination.deed and nomination.deed in story.body_md
    assert nomination_of_message(session, story) is nomination and nomination.status is NominationStatus.STORY
    assert not story.name_consent
    assert "Trần Thị Mai" not in story.current_revision.public_title
    assert story.current_revision.public_person == "T.T.M."
    with pytest.raises(Conflict):
        draft_story(session, nomination, editor=world["editor"], now=now)


def test_another_areas_officer_cannot_draft_a_story(session, world, now):
    nomination = submit_nomination(session, _input(world["village"].id), now=now, today=TODAY)
    with pytest.raises(PermissionDenied):
        draft_story(session, nomination, editor=world["stranger"], now=now)


def test_recording_consent_unmasks_the_story_and_is_audited(session, world, now, tmp_path):
    nomination = submit_nomination(session, _input(world["village"].id), now=now, today=TODAY)
    story = draft_story(session, nomination, editor=world["editor"], now=now)
    record_consent(session, nomination, ConsentInput(ConsentMethod.IN_PERSON, date(2026, 11, 20), "Gặp tại nhà"),
                   officer=world["editor"], now=now, today=TODAY, consent_root=tmp_path)
    assert nomination.has_consent and nomination.consent_recorded_by_id == world["editor"].id
    assert story.name_consent and story.current_revision.public_person == "Trần Thị Mai"
    assert "Trần Thị Mai" in story.current_revision.public_title
    actions = session.scalars(select(AuditLog.action).where(AuditLog.object_type == "nomination")).all()
    assert "nomination.consent" in actions and "nomination.story" in actions
    with pytest.raises(Conflict):
        record_consent(session, nomination, ConsentInput(ConsentMethod.PHONE, TODAY), officer=world["editor"],
                       now=now, today=TODAY, consent_root=tmp_path)


def test_consent_recorded_first_gives_a_named_story(session, world, now, tmp_path):
    nomination = submit_nomination(session, _input(world["village"].id), now=now, today=TODAY)
    record_consent(session, nomination, ConsentInput(ConsentMethod.PHONE, TODAY), officer=world["editor"], now=now,
                   today=TODAY, consent_root=tmp_path)
    assert draft_story(session, nomination, editor=world["editor"], now=now).name_consent


def test_consent_without_how_or_when_or_with_a_future_day_is_refused(session, world, now, tmp_path):
    nomination = submit_nomination(session, _input(world["village"].id), now=now, today=TODAY)
    with pytest.raises(InvalidInput) as refused:
        record_consent(session, nomination, ConsentInput(None, None), officer=world["editor"], now=now, today=TODAY,
                       consent_root=tmp_path)
    assert set(refused.value.errors) == {"method", "given_on"}
    with pytest.raises(InvalidInput) as refused:
        record_consent(session, nomination, ConsentInput(ConsentMethod.SIGNED_FORM, date(2026, 12, 1)),
                       officer=world["editor"], now=now, today=TODAY, consent_root=tmp_path)
    assert set(refused.value.errors) == {"given_on", "scan"}
    assert not nomination.has_consent


def _photo_with_exif() -> bytes:
    image = Image.new("RGB", (60, 40), "white")
    exif = Image.Exif()
    exif[0x010F] = "MayAnhCuaNguoiGui"  # Make
    buffer = BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_a_scanned_form_image_is_stored_privately_without_its_metadata(session, world, now, tmp_path):
    nomination = submit_nomination(session, _input(world["village"].id), now=now, today=TODAY)
    photo = _photo_with_exif()
    assert b"MayAnhCuaNguoiGui" in photo
    record_consent(session, nomination, ConsentInput(ConsentMethod.SIGNED_FORM, TODAY,
                                                     scan=ScanUpload(photo, "C:\\scan\\don-dong-y.jpg")),
                   officer=world["editor"], now=now, today=TODAY, consent_root=tmp_path)
    stored = scan_path(tmp_path, nomination.consent_scan_sha256 or "", nomination.consent_scan_mime or "")
    assert stored.is_file() and b"MayAnhCuaNguoiGui" not in stored.read_bytes()
    assert nomination.consent_scan_mime == "image/jpeg" and nomination.consent_scan_name == "don-dong-y.jpg"


def test_a_pdf_is_kept_and_anything_else_is_refused_without_a_file(session, world, now, tmp_path):
    nomination = submit_nomination(session, _input(world["village"].id), now=now, today=TODAY)
    with pytest.raises(InvalidInput) as refused:
        record_consent(session, nomination, ConsentInput(ConsentMethod.SIGNED_FORM, TODAY,
                                                         scan=ScanUpload(b"MZ\x90\x00 not a form", "don.pdf")),
                       officer=world["editor"], now=now, today=TODAY, consent_root=tmp_path)
    assert set(refused.value.errors) == {"scan"} and not any(tmp_path.iterdir())
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    record_consent(session, nomination, ConsentInput(ConsentMethod.SIGNED_FORM, TODAY, scan=ScanUpload(pdf, "don.pdf")),
                   officer=world["editor"], now=now, today=TODAY, consent_root=tmp_path)
    assert nomination.consent_scan_mime == "application/pdf"
    assert scan_path(tmp_path, nomination.consent_scan_sha256 or "", "application/pdf").read_bytes() == pdf
