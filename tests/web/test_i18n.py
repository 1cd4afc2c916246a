"""The interface language: Vietnamese by default, English on request, times in the configured zone."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.messages.pofile import read_po
from babel.support import Translations

import web
from content.messages import MessageInput, StoryFields, create_message, transition_message
from content.models import MessageKind, Role
from tests.factories import make_area, make_published_message, make_user
from tests.web.helpers import log_in, switch

CATALOGUE = Path(web.__file__).parent / "translations" / "en" / "LC_MESSAGES"


def page(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def test_a_first_visit_is_in_vietnamese(client):
    text = page(client, "/desk/login")
    assert '<html lang="vi">' in text
    assert "<h1>Đăng nhập</h1>" in text
    assert ">English</a>" in text


def test_a_browser_asking_for_english_still_gets_vietnamese(client):
    text = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="vi">' in text and "Tin tuyên truyền mới" in text


def test_switching_to_english_returns_to_the_same_page_in_english(client):
    assert switch(client, "en", "/desk/login") == "/desk/login"
    text = page(client, "/desk/login")
    assert '<html lang="en">' in text
    assert "<h1>Sign in</h1>" in text and "<label>Username" in text
    assert ">Tiếng Việt</a>" in text
    portal = page(client, "/")
    assert ">Latest news</a>" in portal and "<h1>Latest awareness messages</h1>" in portal


def test_switching_back_gives_vietnamese_again(client):
    switch(client, "en", "/")
    switch(client, "vi", "/")
    text = page(client, "/")
    assert '<html lang="vi">' in text and ">Tin mới</a>" in text


def test_the_switch_keeps_the_query_string_of_the_page(client):
    assert switch(client, "en", "/?page=2") == "/?page=2"


def test_a_signed_in_officer_switches_language_and_stays_signed_in(client, session):
    make_user(session, role=Role.EDITOR, area=make_area(session), username="bientap")
    session.commit()
    log_in(client, "bientap")
    switch(client, "en", "/desk/")
    text = page(client, "/desk/")
    assert "<h1>Editor desk</h1>" in text and "Sign out (bientap)" in text


def story_in_review(session, now):
    area = make_area(session)
    editor = make_user(session, role=Role.EDITOR, area=area, username="bientap")
    story = StoryFields(person_name="Nguyễn Văn An", deed="Cứu hai em nhỏ đuối nước ở sông Bến Đò.")
    message = create_message(session, editor, MessageInput(kind=MessageKind.STORY, title="Cứu người giữa dòng nước xiết",
                                                           body_md="Anh An nhảy xuống sông.", area_id=area.id,
                                                           story=story), now=now)
    transition_message(session, message, "submit", actor=editor, now=now)
    session.commit()
    return message


def test_the_message_editor_and_a_message_page_read_in_english(client, session, now):
    message = story_in_review(session, now)
    log_in(client, "bientap")
    switch(client, "en", "/desk/")
    editor = page(client, "/desk/messages/new?kind=story")
    assert "<legend>Good person, good deed (this kind of message only)</legend>" in editor
    assert "<label>Kind of message" in editor and "<legend>Illustration</legend>" in editor
    assert "Loudspeaker script (leave empty to generate it from the body)" in editor
    assert "<button>Save</button>" in editor
    assert "Người tốt, việc tốt (chỉ với loại tin này)" not in editor and "Loại tin" not in editor
    shown = page(client, f"/desk/messages/{message.id}")
    assert 'value="approve">Approve</button>' in shown and "<button>Request changes</button>" in shown
    assert "<dt>Person commended</dt>" in shown and "has not agreed to be named publicly" in shown
    assert "<h2>Delivery schedule</h2>" in shown and "Not scheduled yet." in shown
    assert "Yêu cầu sửa" not in shown and "Lịch phát" not in shown


def test_the_message_editor_and_a_message_page_stay_vietnamese_by_default(client, session, now):
    message = story_in_review(session, now)
    log_in(client, "bientap")
    editor = page(client, "/desk/messages/new?kind=story")
    assert "<legend>Người tốt, việc tốt (chỉ với loại tin này)</legend>" in editor
    assert "<button>Lưu</button>" in editor and "Good person" not in editor
    shown = page(client, f"/desk/messages/{message.id}")
    assert 'value="approve">Duyệt</button>' in shown and "<button>Yêu cầu sửa</button>" in shown
    assert "<dt>Người được nêu gương</dt>" in shown and "<h2>Lịch phát</h2>" in shown
    assert "Request changes" not in shown


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example", "/\t/evil.example",
    "javascript:alert(1)", "evil.example", "",
])
def test_the_switch_never_sends_a_visitor_off_the_site(client, target):
    location = urlsplit(switch(client, "en", target))
    assert location.netloc in ("", "loa.test") and location.path == "/"


def test_an_unknown_language_is_not_found(client):
    assert client.get("/language/fr?next=/").status_code == 404


def test_a_forged_cookie_value_falls_back_to_vietnamese(client):
    client.set_cookie("loa_locale", "../../etc")
    assert '<html lang="vi">' in page(client, "/")


def test_the_default_language_is_configurable(app, client):
    app.config["DEFAULT_LOCALE"] = "en"
    assert '<html lang="en">' in page(client, "/")


def test_an_anonymous_reader_of_the_portal_gets_no_cookie(client):
    # Why the switch is a link and not a form: a form's CSRF token would need a session cookie.
    assert "Set-Cookie" not in client.get("/").headers


def test_an_api_error_names_its_problem_in_the_chosen_language(client):
    switch(client, "en", "/")
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.get_json()["title"] == "Not found"


def test_the_english_catalogue_is_compiled_and_current():
    mo = CATALOGUE / "messages.mo"
    assert mo.exists(), "web/translations/en/LC_MESSAGES/messages.mo is missing: `pip install -e .` compiles it"
    with (CATALOGUE / "messages.po").open("rb") as source:
        entries = [m for m in read_po(source, locale="en") if m.id]
    with mo.open("rb") as compiled:
        translations = Translations(compiled)
    stale = [m.id for m in entries if isinstance(m.id, str)
             and (translations.pgettext(m.context, m.id) if m.context else translations.gettext(m.id)) != m.string]
    assert stale == [], "the .mo is older than the .po: run `pybabel compile -d web/translations` or reinstall"


def test_every_english_entry_is_translated():
    with (CATALOGUE / "messages.po").open("rb") as source:
        entries = [m for m in read_po(source, locale="en") if m.id]
    untranslated = [m.id for m in entries
                    if m.fuzzy or not all(m.string if isinstance(m.string, tuple) else (m.string,))]
    assert untranslated == []


@pytest.mark.parametrize("code", ["vi", "en"])
def test_a_publication_time_is_shown_in_vietnam_whatever_the_language(client, session, session_factory, code):
    now = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
    make_published_message(session, session_factory, now)  # published at 01:05 UTC
    switch(client, code, "/")
    text = page(client, "/")
    assert "08:05 23/11/2026" in text and "01:05" not in text


def test_babel_formats_times_in_the_configured_zone(app):
    from flask_babel import format_datetime, get_timezone

    with app.test_request_context("/"):
        assert str(get_timezone()) == "Asia/Ho_Chi_Minh"
        assert format_datetime(datetime(2026, 11, 23, 17, 30, tzinfo=timezone.utc), "HH:mm dd/MM/yyyy") == "00:30 24/11/2026"
