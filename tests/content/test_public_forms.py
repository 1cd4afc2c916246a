"""What the public reads of a message is derived once, when a revision is saved, and derived again when consent changes."""

from __future__ import annotations

from content.html_text import html_paragraphs, html_to_text
from content.messages import MessageInput, StoryFields, create_message, update_message
from content.models import MediaItem, MessageKind, Role
from content.public_forms import derive_public_forms, spoken_for
from content.spoken.dictionary import change_abbreviation, load_rules
from tests.factories import make_area, make_user

NAME = "Đinh Thị Hoa"


def picture(session, alt: str) -> MediaItem:  # type: ignore[no-untyped-def]
    item = MediaItem(sha256=str(abs(hash(alt))).ljust(64, "0")[:64], mime_type="image/jpeg", width=10, height=10,
                     byte_size=100, alt_text=alt)
    session.add(item)
    session.flush()
    return item


def story_input(area, *, consent: bool, image_id: int | None = None) -> MessageInput:  # type: ignore[no-untyped-def]
    return MessageInput(kind=MessageKind.STORY, title=f"Gương sáng {NAME}", area_id=area.id,
                        summary=f"{NAME} trả lại tài sản.", body_md=f"Chị **{NAME}** báo CA xã.", image_id=image_id,
                        story=StoryFields(person_name=NAME, deed=f"{NAME} trả lại ví", name_consent=consent))


def write(session, now, *, consent: bool, image_id: int | None = None):  # type: ignore[no-untyped-def]
    area = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=area)
    return create_message(session, editor, story_input(area, consent=consent, image_id=image_id), now=now), editor


def test_an_unconsented_story_is_derived_with_initials_in_every_form(session, now):
    image = picture(session, f"{NAME} nhận giấy khen")
    message, _ = write(session, now, consent=False, image_id=image.id)
    forms = derive_public_forms(message, message.current_revision, rules=load_rules(session))
    assert (forms.title, forms.summary, forms.person, forms.deed, forms.image_alt) == (
        "Gương sáng Đ.T.H.", "Đ.T.H. trả lại tài sản.", "Đ.T.H.", "Đ.T.H. trả lại ví", "Đ.T.H. nhận giấy khen")
    assert forms.html == "<p>Chị <strong>Đ.T.H.</strong> báo CA xã.</p>"
    assert forms.spoken == "Gương sáng Đ.T.H.\nChị Đ.T.H. báo Công an xã."
    assert "Hoa" not in repr(forms)


def test_a_consented_story_is_derived_as_written(session, now):
    message, _ = write(session, now, consent=True)
    forms = derive_public_forms(message, message.current_revision, rules=load_rules(session))
    assert (forms.title, forms.person, forms.html) == (f"Gương sáng {NAME}", NAME, f"<p>Chị <strong>{NAME}</strong> báo CA xã.</p>")
    assert forms.spoken == f"Gương sáng {NAME}.\nChị {NAME} báo Công an xã."


def test_the_forms_are_stored_with_the_saved_revision_and_derived_again_when_consent_changes(session, now):
    message, editor = write(session, now, consent=False)
    first = message.current_revision
    assert (first.number, first.public_title, first.public_person) == (1, "Gương sáng Đ.T.H.", "Đ.T.H.")
    assert first.spoken_text == "Gương sáng Đ.T.H.\nChị Đ.T.H. báo Công an xã."
    assert first.spoken_stamp == load_rules(session).stamp
    update_message(session, message, editor, story_input(message.area, consent=True), expected_version=message.version,
                   now=now)
    second = message.current_revision
    assert (second.number, second.public_title, second.public_person) == (2, f"Gương sáng {NAME}", NAME)
    assert NAME in second.public_html and NAME in second.spoken_text
    assert first.public_title == "Gương sáng Đ.T.H."  # what the public read before stays on record as it was


def test_a_picture_that_comes_to_hide_a_name_is_masked_in_every_message_showing_it(session, now):
    image = picture(session, f"{NAME} và tổ tự quản thôn Đồng Sậy")
    area = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=area)
    article = create_message(session, editor, MessageInput(kind=MessageKind.ARTICLE, title="Tổ tự quản thôn Đồng Sậy",
                                                           body_md="Tổ tự quản họp dân.", area_id=area.id,
                                                           image_id=image.id), now=now)
    assert article.current_revision.public_image_alt == f"{NAME} và tổ tự quản thôn Đồng Sậy"
    write(session, now, consent=False, image_id=image.id)  # a story about her, without her consent, uses the picture
    session.expire_all()
    assert article.current_revision.number == 1  # no new revision: the stored caption was derived again
    assert article.current_revision.public_image_alt == "Đ.T.H. và tổ tự quản thôn Đồng Sậy"


def test_a_dictionary_edit_is_heard_at_once_and_stored_at_the_next_save(session, now):
    message, editor = write(session, now, consent=False)
    admin = make_user(session, role=Role.ADMIN, area=None)
    change_abbreviation(session, admin, abbreviation="CA", expansion="lực lượng Công an", now=now)
    assert message.current_revision.spoken_text.endswith("báo Công an xã.")  # read with the dictionary of its save
    assert spoken_for(message) == "Gương sáng Đ.T.H.\nChị Đ.T.H. báo lực lượng Công an xã."
    update_message(session, message, editor, story_input(message.area, consent=False),
                   expected_version=message.version, now=now)
    assert message.current_revision.spoken_text.endswith("báo lực lượng Công an xã.")
    assert message.current_revision.spoken_stamp == load_rules(session).stamp


def test_html_becomes_paragraphs_of_plain_text():
    html = "<h2>Tin &amp; ảnh</h2>\n<p>Một <strong>hai</strong>\nba</p>\n<ul>\n<li>bốn</li>\n<li>năm<br>sáu</li>\n</ul>"
    assert html_paragraphs(html) == ["Tin & ảnh", "Một hai ba", "bốn", "năm", "sáu"]
    assert [line for line in html_to_text(html).splitlines() if line.strip()] == \
        ["Tin & ảnh", "Một hai", "ba", "bốn", "năm", "sáu"]
