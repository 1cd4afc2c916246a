"""The public nomination form, the desk's list, the story draft and the consent, through the web."""

from __future__ import annotations

from io import BytesIO

from sqlalchemy import select

from campaigns.nomination_models import Nomination, NominationSource
from content.models import AuditLog, Message
from tests.web.helpers import csrf_token, log_in
from tests.web.nomination_world import nomination_world

FORM = "/de-cu-nguoi-tot"


def _fields(world, **overrides):  # type: ignore[no-untyped-def]
    return {"person_name": "Lê Thị Hoa", "commune_id": str(world.commune.id), "village_id": str(world.village.id),
            "deed": "Dọn sạch bãi rác ven kênh và trồng hai hàng cây.", "deed_on": "2026-11-10",
            "nominator_name": "", "nominator_contact": "", **overrides}


def _send(client, fields):  # type: ignore[no-untyped-def]
    return client.post(FORM, data={"csrf_token": csrf_token(client, FORM), **fields})


def test_anyone_nominates_anonymously_and_it_lands_in_the_village(client, session, now, app):
    world = nomination_world(session, now)
    page = client.get(FORM).get_data(as_text=True)
    assert "Thôn Đồng Xanh" in page and "Xã Yên Lạc" in page
    response = _send(client, _fields(world))
    assert response.status_code == 200 and "Cảm ơn" in response.get_data(as_text=True)
    session.expire_all()
    sent = session.scalar(select(Nomination).where(Nomination.person_name == "Lê Thị Hoa"))
    assert sent is not None and sent.area_id == world.village.id and sent.source is NominationSource.PUBLIC
    assert sent.nominator_name is None and sent.nominator_contact is None


def test_a_nominator_may_leave_a_contact(client, session, now):
    world = nomination_world(session, now)
    _send(client, _fields(world, nominator_name="Phạm Văn Tư", nominator_contact="0987 654 321", village_id=""))
    session.expire_all()
    sent = session.scalar(select(Nomination).where(Nomination.person_name == "Lê Thị Hoa"))
    assert sent is not None and sent.area_id == world.commune.id
    assert (sent.nominator_name, sent.nominator_contact) == ("Phạm Văn Tư", "0987 654 321")


def test_a_village_alone_says_where(client, session, now):
    world = nomination_world(session, now)
    assert _send(client, _fields(world, commune_id="")).status_code == 200
    session.expire_all()
    sent = session.scalar(select(Nomination).where(Nomination.person_name == "Lê Thị Hoa"))
    assert sent is not None and sent.area_id == world.village.id


def test_every_bad_input_is_named_and_the_typing_kept(client, session, now, app):
    app.config["NOMINATION_RATE_LIMIT"] = "100 per hour"
    world = nomination_world(session, now)
    for overrides, says in (
            ({"person_name": " "}, "Hãy ghi tên người được đề cử"),
            ({"commune_id": "", "village_id": ""}, "Hãy chọn xã, phường"),
            ({"village_id": str(world.commune.id)}, "Hãy chọn thôn, tổ dân phố trong danh sách"),
            ({"commune_id": "abc"}, "Giá trị không hợp lệ"),
            ({"commune_id": str(world.other.id)}, "không thuộc xã, phường đã chọn"),
            ({"deed": ""}, "Hãy kể việc tốt"),
            ({"deed": "x" * 4001}, "giới hạn 4000 ký tự"),
            ({"deed_on": "2027-05-01"}, "không thể ở sau hôm nay"),
            ({"deed_on": "31/12/2026"}, "31/12/2026"),
            ({"nominator_contact": "0" * 201}, "giới hạn 200 ký tự")):
        response = _send(client, _fields(world, nominator_name="Người Gửi Thử", **overrides))
        page = response.get_data(as_text=True)
        assert response.status_code == 400 and says in page, (overrides, page[:2000])
        assert "Người Gửi Thử" in page and "Chưa gửi được" in page
    session.expire_all()
    assert session.scalars(select(Nomination)).all() == [world.nomination]


def test_the_honeypot_refuses_with_a_clear_error_and_keeps_the_typing(client, session, now):
    world = nomination_world(session, now)
    response = _send(client, _fields(world, website="http://quang-cao.example"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "phải để trống" in page and "Dọn sạch bãi rác" in page
    session.expire_all()
    assert session.scalar(select(Nomination).where(Nomination.person_name == "Lê Thị Hoa")) is None


def test_an_oversized_request_is_refused_keeping_the_typing(client, session, now):
    world = nomination_world(session, now)
    response = _send(client, _fields(world, padding="x" * 40_000))
    assert response.status_code == 413 and "quá dài" in response.get_data(as_text=True)
    assert "Dọn sạch bãi rác" in response.get_data(as_text=True)


def test_the_rate_limit_answers_429_keeping_the_typing(client, session, now, app):
    app.config["NOMINATION_RATE_LIMIT"] = "2 per hour"
    world = nomination_world(session, now)
    assert [_send(client, _fields(world)).status_code for _ in range(2)] == [200, 200]
    response = _send(client, _fields(world, deed="Lần thứ ba gửi đề cử."))
    page = response.get_data(as_text=True)
    assert response.status_code == 429 and "thử lại sau" in page and "Lần thứ ba gửi đề cử." in page
    assert client.get(FORM).status_code == 200  # reading the form is never limited
    session.expire_all()
    assert len(session.scalars(select(Nomination)).all()) == 3


def test_the_desk_lists_its_own_area_only(client, session, now):
    nomination_world(session, now)
    log_in(client, "bientap_xa")
    assert "Nguyễn Văn Bình" in client.get("/desk/nominations/").get_data(as_text=True)
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/desk/")})
    log_in(client, "bientap_khac")
    assert "Nguyễn Văn Bình" not in client.get("/desk/nominations/").get_data(as_text=True)


def test_another_areas_officer_cannot_open_or_act_on_it(client, session, now):
    world = nomination_world(session, now)
    log_in(client, "bientap_khac")
    address = f"/desk/nominations/{world.nomination.id}"
    assert client.get(address).status_code == 403
    token = csrf_token(client, "/desk/nominations/")
    assert client.post(f"{address}/story", data={"csrf_token": token}).status_code == 403
    assert client.post(f"{address}/consent", data={"csrf_token": token, "method": "phone",
                                                   "given_on": "2026-11-20"}).status_code == 403


def test_an_officer_enters_a_nomination_on_someones_behalf(client, session, now):
    world = nomination_world(session, now)
    log_in(client, "bientap_xa")
    response = client.post("/desk/nominations/new", data={
        "csrf_token": csrf_token(client, "/desk/nominations/new"), **_fields(world, nominator_name="Bà Đỗ Thị Lan")})
    assert response.status_code == 302
    session.expire_all()
    entered = session.scalar(select(Nomination).where(Nomination.person_name == "Lê Thị Hoa"))
    assert entered is not None and entered.source is NominationSource.OFFICER and entered.entered_by is not None
    refused = client.post("/desk/nominations/new", data={
        "csrf_token": csrf_token(client, "/desk/nominations/new"),
        **_fields(world, commune_id=str(world.other.id), village_id="", nominator_name="Bà Đỗ Thị Lan")})
    assert refused.status_code in (400, 403)


def test_story_then_consent_with_a_scan_unmasks_the_name(client, session, now):
    world = nomination_world(session, now)
    log_in(client, "bientap_xa")
    address = f"/desk/nominations/{world.nomination.id}"
    response = client.post(f"{address}/story", data={"csrf_token": csrf_token(client, address)})
    assert response.status_code == 302 and "/edit" in response.headers["Location"]
    session.expire_all()
    story = session.get(Message, session.get(Nomination, world.nomination.id).message_id)
    assert story is not None and story.current_revision.public_person == "N.V.B."
    page = client.get(address).get_data(as_text=True)
    assert "đang được che" in page
    story_page = client.get(f"/desk/messages/{story.id}").get_data(as_text=True)
    assert f'href="/desk/nominations/{world.nomination.id}"' in story_page
    # A signed form without its scan is refused, what was typed is kept.
    refused = client.post(f"{address}/consent", data={"csrf_token": csrf_token(client, address),
                                                      "method": "signed_form", "given_on": "2026-11-20",
                                                      "note": "Ký tại nhà văn hóa thôn"})
    assert refused.status_code == 400 and "Ký tại nhà văn hóa thôn" in refused.get_data(as_text=True)
    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    accepted = client.post(f"{address}/consent", content_type="multipart/form-data", data={
        "csrf_token": csrf_token(client, address), "method": "signed_form", "given_on": "2026-11-20",
        "note": "Ký tại nhà văn hóa thôn", "scan": (BytesIO(pdf), "don-dong-y.pdf")})
    assert accepted.status_code == 302
    session.rollback()  # ends the read that saw the masked story (SQLite keeps that snapshot until then)
    story = session.get(Message, story.id)
    assert story.name_consent and story.current_revision.public_person == "Nguyễn Văn Bình"
    scan = client.get(f"{address}/consent-scan")
    assert scan.status_code == 200 and scan.data == pdf and scan.mimetype == "application/pdf"
    assert "attachment" in scan.headers["Content-Disposition"]
    scan.close()
    assert session.scalar(select(AuditLog).where(AuditLog.action == "nomination.consent")) is not None


def test_the_editors_tick_alone_never_names_a_nominated_person(client, session, now):
    world = nomination_world(session, now)
    log_in(client, "bientap_xa")
    address = f"/desk/nominations/{world.nomination.id}"
    drafted = client.post(f"{address}/story", data={"csrf_token": csrf_token(client, address)})
    assert drafted.status_code == 302, drafted.get_data(as_text=True)[:800]
    session.expire_all()
    story = session.get(Message, session.get(Nomination, world.nomination.id).message_id)
    edit = f"/desk/messages/{story.id}/edit"
    response = client.post(edit, data={
        "csrf_token": csrf_token(client, edit), "version": story.version, "kind": "story", "title": story.title,
        "body_md": story.body_md, "area_id": story.area_id, "person_name": story.person_name, "deed": story.deed,
        "name_consent": "on"}, follow_redirects=True)
    assert response.status_code == 200 and "ô đồng ý được giữ theo hồ sơ" in response.get_data(as_text=True)
    session.rollback()
    story = session.get(Message, story.id)
    assert not story.name_consent and story.current_revision.public_person == "N.V.B."
