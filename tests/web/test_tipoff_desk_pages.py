"""The desk's tip-off pages: only granted officers of the area, every opening audited, handling with errors kept.

People and places invented.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from campaigns.tipoff_history_models import TipoffEvent
from campaigns.tipoff_models import TipoffNote, TipoffStatus
from campaigns.tipoff_photos import Upload, clean_photos
from campaigns.tipoffs import add_information
from content.models import AuditLog
from tests.tipdesk_world import SENT_AT, make_desk_world, send_tipoff
from tests.tipoff_world import KEY, SECRET_BODY, SECRET_CONTACT, photo_with_gps
from tests.web.helpers import csrf_token, log_in
from web.tipoff_labels import TIPOFF_STATUS_LABELS


@pytest.fixture
def desk(app, session, tmp_path):  # type: ignore[no-untyped-def]
    app.config["TIPOFF_KEY"], app.config["TIPOFF_ROOT"] = KEY, str(tmp_path)
    world = make_desk_world(session)
    return world, send_tipoff(session, world, tmp_path, contact=SECRET_CONTACT)


def post(client, path: str, data: dict):  # type: ignore[no-untyped-def]
    return client.post(path, data={**data, "csrf_token": csrf_token(client, "/desk/password")})


def test_the_granted_commune_officer_sees_the_queue_without_the_text(client, desk):
    world, tipoff = desk
    log_in(client, "canbo_xa")
    response = client.get("/desk/tipoffs/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "private, no-store"
    assert f'href="/desk/tipoffs/{tipoff.id}"' in page and "Thôn Gò Mít" in page and "Tố giác" in page
    assert SECRET_BODY not in page and SECRET_CONTACT not in page
    assert 'href="/desk/tipoffs/"' in page  # the header offers the queue to whoever holds the grant


def test_opening_a_tip_off_shows_it_and_writes_the_read_in_the_audit_log(client, session, desk):
    world, tipoff = desk
    log_in(client, "canbo_tinh")
    page = client.get(f"/desk/tipoffs/{tipoff.id}").get_data(as_text=True)
    assert SECRET_BODY in page and SECRET_CONTACT in page
    session.expire_all()
    read = session.scalar(select(AuditLog).where(AuditLog.action == "tipoff.read"))
    assert (read.actor_id, read.object_id) == (world.province_officer.id, tipoff.id)


@pytest.mark.parametrize("username", ["bientap_xa", "quantri", "canbo_phuong"])
def test_no_grant_or_another_area_is_refused_and_the_refusal_audited(client, session, desk, username):
    world, tipoff = desk
    log_in(client, username)
    for path in (f"/desk/tipoffs/{tipoff.id}",) + (("/desk/tipoffs/",) if username != "canbo_phuong" else ()):
        response = client.get(path)
        assert response.status_code == 403 and SECRET_BODY not in response.get_data(as_text=True)
    session.expire_all()
    assert session.scalar(select(AuditLog).where(AuditLog.action == "denied")) is not None
    assert session.scalar(select(AuditLog).where(AuditLog.action == "tipoff.read")) is None


def test_the_header_does_not_offer_the_queue_without_the_grant(client, desk):
    log_in(client, "bientap_xa")
    assert 'href="/desk/tipoffs/"' not in client.get("/desk/").get_data(as_text=True)


def test_an_officer_marks_it_valuable_assigns_it_and_notes_it(client, session, desk):
    world, tipoff = desk
    log_in(client, "canbo_xa")
    base = f"/desk/tipoffs/{tipoff.id}"
    assert post(client, f"{base}/status", {"status": "valuable"}).status_code == 303
    assert post(client, f"{base}/assignee", {"assignee_id": str(world.province_officer.id)}).status_code == 303
    assert post(client, f"{base}/notes", {"note": "Đã báo công an xã, chờ kết quả."}).status_code == 303
    page = client.get(base).get_data(as_text=True)
    assert "Có giá trị" in page and "Lê Thị Hạnh" in page and "Đã báo công an xã, chờ kết quả." in page
    assert "trạng thái: Mới nhận → Có giá trị" in page
    session.expire_all()
    assert [e.step.value for e in session.scalars(select(TipoffEvent).order_by(TipoffEvent.id))] == [
        "status", "assignee", "note"]
    assert "công an" not in session.scalar(select(TipoffNote.body_ciphertext))


@pytest.mark.parametrize(("path", "data", "field_text"), [
    ("status", {"status": "solved"}, "Hãy chọn một trạng thái"),
    ("assignee", {"assignee_id": "abc"}, "Giá trị không hợp lệ"),
    ("assignee", {"assignee_id": "999999"}, "Không có tài khoản này"),
    ("notes", {"note": "   "}, "Hãy viết nội dung ghi chú"),
    ("notes", {"note": "Ghi chú dài " * 400}, "tối đa 4000 ký tự"),
])
def test_a_bad_step_comes_back_with_the_reason_and_what_was_typed(client, session, desk, path, data, field_text):
    world, tipoff = desk
    log_in(client, "canbo_xa")
    response = post(client, f"/desk/tipoffs/{tipoff.id}/{path}", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and field_text in page
    if path == "notes" and data["note"].strip():
        assert data["note"].strip() in page
    session.expire_all()
    assert session.scalar(select(TipoffEvent.id)) is None


def test_an_officer_without_the_grant_in_the_area_cannot_be_given_it(client, session, desk):
    world, tipoff = desk
    log_in(client, "canbo_xa")
    response = post(client, f"/desk/tipoffs/{tipoff.id}/assignee", {"assignee_id": str(world.editor.id)})
    assert response.status_code == 400 and "không có quyền đọc phản ánh" in response.get_data(as_text=True)


def test_the_senders_addition_and_its_photo_reach_the_officer(client, session, desk, tmp_path):
    world, tipoff = desk
    photos = clean_photos([Upload(photo_with_gps(), "anh.jpg")])
    add_information(session, tipoff, "Thêm: chúng thường đến lúc 22 giờ.", photos, key=KEY, photo_root=tmp_path,
                    now=SENT_AT)
    session.commit()
    log_in(client, "canbo_xa")
    page = client.get(f"/desk/tipoffs/{tipoff.id}").get_data(as_text=True)
    photo = tipoff.photos[0]
    assert "Thêm: chúng thường đến lúc 22 giờ." in page
    assert f"/desk/tipoffs/{tipoff.id}/photos/{photo.id}" in page
    response = client.get(f"/desk/tipoffs/{tipoff.id}/photos/{photo.id}")
    assert response.status_code == 200 and response.data[:2] == b"\xff\xd8"
    assert response.headers["Cache-Control"] == "private, no-store"
    assert client.get(f"/desk/tipoffs/{tipoff.id}/photos/{photo.id + 1}").status_code == 404


def test_an_unknown_status_filter_is_named_and_ignored(client, desk):
    log_in(client, "canbo_xa")
    page = client.get("/desk/tipoffs/?status=bogus").get_data(as_text=True)
    assert "không có; đang hiện mọi trạng thái" in page


def test_the_admin_grants_the_reading_on_the_accounts_page(client, session, desk):
    world, _tipoff = desk
    log_in(client, "quantri")
    assert "Đọc phản ánh: không" in client.get("/admin/users").get_data(as_text=True)
    response = post(client, f"/admin/users/{world.editor.id}/tipoffs", {"allowed": "1"})
    assert response.status_code == 302
    session.expire_all()
    assert world.editor.reads_tipoffs
    assert post(client, f"/admin/users/{world.admin.id}/tipoffs", {"allowed": "1"}).status_code == 403


def test_the_status_enum_and_labels_agree():
    assert set(TIPOFF_STATUS_LABELS) == {s.value for s in TipoffStatus}
