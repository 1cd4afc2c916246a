"""The accounts page: an empty area means unchanged, and no admin reaches past its own scope."""

from __future__ import annotations

from sqlalchemy import select

from content.models import AuditLog, Role, User
from tests.factories import PASSWORD, make_area, make_user
from tests.web.helpers import csrf_token, log_in


def world(session):
    province = make_area(session, code="P37", name="Tỉnh Sơn Khê")
    commune = make_area(session, parent=province, code="X1329", name="Xã Bến Gỗ")
    neighbour = make_area(session, parent=province, code="X1330", name="Xã Đồng Sậy")
    admin = make_user(session, role=Role.ADMIN, area=commune, username="quantrixa")
    editor = make_user(session, role=Role.EDITOR, area=commune, username="bientapxa")
    session.commit()
    return province, commune, neighbour, admin, editor


def edit(client, user_id: int, **fields):
    data = {"role": "admin", "area_code": "", "is_active": "on", **fields}
    return client.post(f"/admin/users/{user_id}", data={**data, "csrf_token": csrf_token(client, "/admin/users")})


def reload(session, user_id: int) -> User:
    session.rollback()  # a fresh snapshot: the app committed in its own session
    session.expire_all()
    return session.get(User, user_id)


def test_a_commune_admin_posting_its_own_user_with_an_empty_area_stays_in_its_commune(client, session):
    _, commune, _, admin, _ = world(session)
    log_in(client, "quantrixa")
    response = edit(client, admin.id, area_code="")
    assert response.status_code == 302
    assert reload(session, admin.id).area_id == commune.id


def test_a_commune_admin_posting_its_own_user_with_the_province_code_is_refused(client, session):
    province, commune, _, admin, _ = world(session)
    log_in(client, "quantrixa")
    for code in (province.code, "VN"):
        response = edit(client, admin.id, area_code=code)
        page = response.get_data(as_text=True)
        assert response.status_code == 403
        assert "không thể tự đổi vai trò, địa bàn" in page
        assert f'value="{code}"' in page  # what was typed comes back with the error
        assert reload(session, admin.id).area_id == commune.id
    session.rollback()
    denials = session.scalars(select(AuditLog).where(AuditLog.action == "denied")).all()
    assert len(denials) == 2 and all(d.actor_id == admin.id for d in denials)


def test_an_admin_cannot_deactivate_or_demote_itself(client, session):
    *_, admin, _ = world(session)
    log_in(client, "quantrixa")
    assert edit(client, admin.id, is_active="").status_code == 403
    assert edit(client, admin.id, role="editor").status_code == 403
    user = reload(session, admin.id)
    assert user.is_active and user.role is Role.ADMIN


def test_an_admin_cannot_move_someone_outside_its_area_nor_make_them_nationwide(client, session):
    province, commune, _, _, editor = world(session)
    log_in(client, "quantrixa")
    for code in (province.code, "VN"):
        response = edit(client, editor.id, role="editor", area_code=code)
        assert response.status_code == 403
        assert "trong phạm vi của mình (Xã Bến Gỗ)" in response.get_data(as_text=True)
        assert reload(session, editor.id).area_id == commune.id


def test_an_empty_area_leaves_someone_elses_area_unchanged(client, session):
    province, _, neighbour, _, _ = world(session)
    make_user(session, role=Role.ADMIN, area=province, username="quantritinh")
    moved = make_user(session, role=Role.EDITOR, area=neighbour, username="bientaplang")
    session.commit()
    log_in(client, "quantritinh")
    assert edit(client, moved.id, role="approver", area_code="").status_code == 302
    user = reload(session, moved.id)
    assert user.area_id == neighbour.id and user.role is Role.APPROVER


def test_a_nationwide_admin_grants_the_whole_country_by_typing_vn(client, session):
    *_, editor = world(session)
    make_user(session, role=Role.ADMIN, area=None, username="quantritw")
    session.commit()
    log_in(client, "quantritw")
    assert edit(client, editor.id, role="editor", area_code="VN").status_code == 302
    assert reload(session, editor.id).area_id is None


def test_creating_with_an_empty_area_gives_the_admins_own_area_and_a_wider_one_is_refused(client, session):
    province, commune, *_ = world(session)
    log_in(client, "quantrixa")

    def create(username: str, area_code: str):
        return client.post("/admin/users", data={
            "username": username, "full_name": "Đinh Thị Mây", "password": PASSWORD, "role": "editor",
            "area_code": area_code, "csrf_token": csrf_token(client, "/admin/users")})

    assert create("maydt", "").status_code == 302
    assert session.scalar(select(User).where(User.username == "maydt")).area_id == commune.id
    for code in (province.code, "VN"):
        response = create("maydt2", code)
        assert response.status_code == 403
        assert "trong phạm vi của mình" in response.get_data(as_text=True)
        assert 'value="maydt2"' in response.get_data(as_text=True)
    assert session.scalar(select(User).where(User.username == "maydt2")) is None


def test_a_weak_initial_password_comes_back_as_a_field_error(client, session):
    world(session)
    log_in(client, "quantrixa")
    response = client.post("/admin/users", data={
        "username": "haitv", "full_name": "Trần Văn Hải", "password": "password1234", "role": "editor",
        "area_code": "", "csrf_token": csrf_token(client, "/admin/users")})
    assert response.status_code == 400
    assert "quá phổ biến" in response.get_data(as_text=True)


def test_a_commune_admin_cannot_edit_a_nationwide_admin_and_is_told_why(client, session):
    world(session)
    national = make_user(session, role=Role.ADMIN, area=None, username="quantritw")
    session.commit()
    log_in(client, "quantrixa")
    response = edit(client, national.id, area_code="VN", is_active="")
    assert response.status_code == 403
    assert "trong phạm vi của mình (Xã Bến Gỗ)" in response.get_data(as_text=True)
    assert reload(session, national.id).is_active


def test_the_accounts_are_paged_and_found_by_name_and_an_edit_returns_to_the_same_page(client, session):
    _, commune, neighbour, _, _ = world(session)
    for n in range(60):
        make_user(session, role=Role.RADIO_OPERATOR, area=commune, username=f"dai_bengo_{n:02}",
                  full_name=f"Phát thanh viên Lò Văn Số {n}")
    make_user(session, role=Role.EDITOR, area=neighbour, username="dai_dongsay")
    session.commit()
    log_in(client, "quantrixa")
    first = client.get("/admin/users").get_data(as_text=True)
    assert "62 tài khoản" in first and "Trang 1 / 2" in first  # 60 + the admin and editor of its own commune
    assert "dai_bengo_00" in first and "dai_bengo_59" not in first and "dai_dongsay" not in first
    second = client.get("/admin/users?page=2").get_data(as_text=True)
    assert "dai_bengo_59" in second and "dai_bengo_00" not in second
    found = client.get("/admin/users", query_string={"q": "số 4"}).get_data(as_text=True)
    assert "dai_bengo_04" in found and "dai_bengo_40" in found and "dai_bengo_05" not in found
    assert "Không có tài khoản nào khớp." in client.get("/admin/users?q=dongsay").get_data(as_text=True)
    target = session.scalar(select(User).where(User.username == "dai_bengo_59"))
    response = client.post(f"/admin/users/{target.id}?page=2&q=bengo",
                           data={"role": "radio_operator", "area_code": "", "csrf_token": csrf_token(client, "/admin/users")})
    assert response.status_code == 302 and response.headers["Location"].endswith("/admin/users?page=2&q=bengo")
    assert reload(session, target.id).is_active is False
