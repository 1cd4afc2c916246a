"""The "was this useful?" form under a portal message, and what the message's editors see of the answers."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from campaigns.feedback_models import MessageFeedback
from campaigns.reach_rollups import roll_up_new_events
from content.models import Role
from tests.factories import make_published_message, make_user
from tests.web.helpers import log_in


def _path(message) -> str:  # type: ignore[no-untyped-def]
    return f"/tin/{message.slug}/y-kien"


def _count(session) -> int:  # type: ignore[no-untyped-def]
    session.expire_all()
    return session.scalar(select(func.count()).select_from(MessageFeedback))


def test_the_message_page_asks_whether_it_was_useful(client, session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    page = client.get(f"/tin/{message.slug}").get_data(as_text=True)
    assert f'action="{_path(message)}"' in page and "Tin này có ích cho bạn không?" in page
    assert "csrf_token" not in page  # the page is the same for every reader, so it may be kept and shared


def test_an_answer_with_a_note_is_thanked_and_kept(client, session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    response = client.post(_path(message), data={"useful": "yes", "note": "Rất thiết thực cho người già."})
    assert response.status_code == 303 and response.headers["Location"].endswith(f"/tin/{message.slug}#y-kien")
    assert "Cảm ơn bạn đã góp ý" in client.get(f"/tin/{message.slug}").get_data(as_text=True)
    session.expire_all()
    kept = session.scalar(select(MessageFeedback))
    assert (kept.is_useful, kept.note) == (True, "Rất thiết thực cho người già.")


def test_a_note_too_long_comes_back_with_the_reason_and_nothing_is_kept(client, session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    typed = "Ý kiến rất dài " * 100
    response = client.post(_path(message), data={"useful": "no", "note": typed})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "dài quá 1000 ký tự" in page and typed.strip() in page and 'value="no" checked' in page
    assert _count(session) == 0


def test_no_answer_chosen_comes_back_with_the_note_kept(client, session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    response = client.post(_path(message), data={"note": "Quên bấm chọn"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Hãy chọn" in page and "Quên bấm chọn" in page
    assert _count(session) == 0


def test_a_filled_honeypot_is_refused_with_a_reason(client, session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    response = client.post(_path(message), data={"useful": "yes", "note": "mua ngay", "website": "http://spam.example"})
    assert response.status_code == 400 and "ô ẩn" in response.get_data(as_text=True)
    assert _count(session) == 0


def test_an_unknown_message_gets_404(client, session):
    assert client.post("/tin/khong-co-tin-nay/y-kien", data={"useful": "yes"}).status_code == 404


def test_one_address_is_held_to_its_answers_an_hour(client, app, session, session_factory, now):
    app.config["FEEDBACK_RATE_LIMIT"] = "3 per hour"
    message = make_published_message(session, session_factory, now)
    answers = [client.post(_path(message), data={"useful": "yes", "note": f"Lần {n}"}) for n in range(4)]
    assert [a.status_code for a in answers] == [303, 303, 303, 429]
    held = answers[-1].get_data(as_text=True)
    assert "quá nhiều ý kiến" in held and "Lần 3" in held and int(answers[-1].headers["Retry-After"]) > 0
    other = client.post(_path(message), data={"useful": "no"}, environ_base={"REMOTE_ADDR": "198.51.100.9"})
    assert other.status_code == 303
    assert _count(session) == 4  # the held-back answer was not kept


def test_the_editors_see_the_answers_on_the_desk_message_page(client, session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    client.post(_path(message), data={"useful": "yes", "note": "Nên phát lại trên loa buổi tối."})
    client.post(_path(message), data={"useful": "no"})
    make_user(session, role=Role.EDITOR, area=message.area, username="bientap")
    session.commit()
    log_in(client, "bientap")
    page = client.get(f"/desk/messages/{message.id}").get_data(as_text=True)
    assert "Có ích: 1 · Không có ích: 1" in page and "Nên phát lại trên loa buổi tối." in page


def test_answers_count_as_measured_engagement_on_the_message_reach_page(client, session, session_factory, now):
    message = make_published_message(session, session_factory, now)
    for answer in ("yes", "no", "yes"):
        client.post(_path(message), data={"useful": answer})
    roll_up_new_events(session, now=now + timedelta(days=1), zone=ZoneInfo("Asia/Ho_Chi_Minh"))
    session.commit()
    make_user(session, role=Role.EDITOR, area=message.area, username="bientap")
    session.commit()
    log_in(client, "bientap")
    page = client.get(f"/desk/messages/{message.id}/reach").get_data(as_text=True)
    row = page[page.index("Ý kiến “tin có ích không?”"):][:600]
    assert ">3<" in row and "Đo được" in page
