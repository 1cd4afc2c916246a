"""Two editors, one message: the second save over a newer version gets a conflict page, nothing lost."""

from __future__ import annotations

from content.messages import MessageInput, create_message
from content.models import Message, MessageKind, Role
from tests.factories import make_area, make_user
from tests.web.helpers import edit, log_in


def setup(session, now):
    area = make_area(session)
    first = make_user(session, role=Role.EDITOR, area=area, username="bientap1")
    make_user(session, role=Role.EDITOR, area=area, username="bientap2")
    message = create_message(session, first, MessageInput(kind=MessageKind.ARTICLE, title="Phòng chống đuối nước",
                                                          body_md="Dòng một.\nDòng hai.", area_id=area.id), now=now)
    session.commit()
    return message


def test_saving_over_a_newer_revision_shows_a_conflict_and_keeps_both_texts(app, session, now):
    message = setup(session, now)
    alice, bob = app.test_client(), app.test_client()
    log_in(alice, "bientap1")
    log_in(bob, "bientap2")
    assert edit(alice, message, version=1, title="Phòng chống đuối nước", body="Dòng một.\nDòng hai (Alice).").status_code == 302
    response = edit(bob, message, version=1, title="Phòng chống đuối nước", body="Dòng một.\nDòng hai (Bob).")
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Dòng hai (Alice)." in page and "Dòng hai (Bob)." in page
    assert 'name="version" value="2"' in page
    session.expire_all()
    assert session.get(Message, message.id).body_md == "Dòng một.\nDòng hai (Alice)."
    # Saving again from the conflict page is a deliberate choice, and it goes through.
    assert edit(bob, message, version=2, title="Phòng chống đuối nước", body="Dòng một.\nDòng hai (gộp).").status_code == 302


def test_the_history_shows_each_revision_as_a_difference(client, session, now):
    message = setup(session, now)
    log_in(client, "bientap1")
    edit(client, message, version=1, title="Phòng chống đuối nước", body="Dòng một.\nDòng hai đã sửa.")
    assert "Phiên bản 2" in client.get(f"/desk/messages/{message.id}/revisions").get_data(as_text=True)
    page = client.get(f"/desk/messages/{message.id}/revisions/2").get_data(as_text=True)
    assert '<div class="diff-removed" role="row"><span class="sign" aria-hidden="true">−</span>Dòng hai.</div>' in page
    assert '<div class="diff-added" role="row"><span class="sign" aria-hidden="true">+</span>Dòng hai đã sửa.</div>' in page
    assert client.get(f"/desk/messages/{message.id}/revisions/9").status_code == 404
