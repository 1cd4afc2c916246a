"""Admins keep the loudspeaker's reading dictionary; every change is audited and reaches the next spoken text."""

from __future__ import annotations

import html

import pytest
from sqlalchemy import select

from content.models import AuditLog, Role, SpokenAbbreviation, SpokenSetting
from tests.factories import make_area, make_user
from tests.web.helpers import csrf_token, log_in

PAGE = "/admin/spoken"


def signed_in(client, session, role: Role = Role.ADMIN) -> None:  # type: ignore[no-untyped-def]
    make_user(session, role=role, area=None if role is Role.ADMIN else make_area(session), username="nguoidung")
    session.commit()
    log_in(client, "nguoidung")


def post(client, path: str, data: dict):  # type: ignore[no-untyped-def]
    return client.post(path, data={**data, "csrf_token": csrf_token(client, "/desk/password")})


def page(response) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(response.get_data(as_text=True))


def audit_actions(session) -> list[str]:  # type: ignore[no-untyped-def]
    session.expire_all()
    return session.scalars(select(AuditLog.action).where(AuditLog.action.startswith("spoken."))
                           .order_by(AuditLog.id)).all()


def test_the_page_asks_for_a_login(client):
    response = client.get(PAGE)
    assert response.status_code == 302 and "/desk/login" in response.location


@pytest.mark.parametrize("role", [Role.EDITOR, Role.APPROVER, Role.RADIO_OPERATOR, Role.ANALYST])
def test_only_admins_may_see_or_change_the_dictionary(client, session, role):
    signed_in(client, session, role)
    assert client.get(PAGE).status_code == 403
    response = post(client, f"{PAGE}/entries", {"abbreviation": "KVPT", "expansion": "khu vực phòng thủ"})
    assert response.status_code == 403
    assert session.scalar(select(SpokenAbbreviation)) is None


def test_an_admin_sees_the_defaults_and_tries_out_a_text(client, session):
    signed_in(client, session)
    text = page(client.get(PAGE, query_string={"sample": "Gọi 113 lúc 8h30 tại UBND xã."}))
    assert "PCCC&CNCH" in text and "phòng cháy, chữa cháy và cứu nạn, cứu hộ" in text
    assert "Gọi một một ba lúc tám giờ ba mươi phút tại Ủy ban nhân dân xã." in text
    assert "khoảng 6 giây" in text  # 16 syllables at 190 a minute: 5.05 s, rounded up


def test_an_admin_adds_a_token_and_the_next_spoken_text_uses_it(client, session):
    signed_in(client, session)
    response = post(client, f"{PAGE}/entries", {"abbreviation": " KVPT ", "expansion": "khu vực  phòng thủ"})
    assert response.status_code == 302
    row = session.scalar(select(SpokenAbbreviation))
    assert (row.abbreviation, row.expansion, row.updated_by.username) == ("KVPT", "khu vực phòng thủ", "nguoidung")
    assert audit_actions(session) == ["spoken.abbreviation.create"]
    assert "Diễn tập khu vực phòng thủ" in page(client.get(PAGE, query_string={"sample": "Diễn tập KVPT"}))


def test_an_admin_overrides_a_default_and_brings_it_back(client, session):
    signed_in(client, session)
    response = post(client, f"{PAGE}/entries/edit", {"abbreviation": "CA", "expansion": "lực lượng Công an"})
    assert response.status_code == 302
    text = page(client.get(PAGE, query_string={"sample": "CA xã"}))
    assert "lực lượng Công an xã" in text and "mặc định: Công an" in text
    assert post(client, f"{PAGE}/entries/delete", {"abbreviation": "CA"}).status_code == 302
    assert session.scalar(select(SpokenAbbreviation)) is None
    assert "Về cách đọc mặc định" not in page(client.get(PAGE))
    assert audit_actions(session) == ["spoken.abbreviation.update", "spoken.abbreviation.delete"]
    detail = session.scalar(select(AuditLog.detail).where(AuditLog.action == "spoken.abbreviation.update"))
    assert detail == {"abbreviation": "CA", "expansion": "lực lượng Công an", "previous": "Công an"}


@pytest.mark.parametrize(("data", "reason"), [
    ({"abbreviation": "", "expansion": "khu vực phòng thủ"}, "Hãy nhập chữ viết tắt."),
    ({"abbreviation": "KVPT", "expansion": "   "}, "Hãy nhập cách đọc."),
    ({"abbreviation": "K" * 41, "expansion": "khu vực phòng thủ"}, "tối đa 40 ký tự"),
    ({"abbreviation": "KVPT", "expansion": "khu vực " * 30}, "tối đa 200 ký tự"),
    ({"abbreviation": "UBND", "expansion": "Ủy ban"}, "đã có trong từ điển"),
])
def test_a_bad_addition_is_refused_and_keeps_what_was_typed(client, session, data, reason):
    signed_in(client, session)
    response = post(client, f"{PAGE}/entries", data)
    assert response.status_code == 400
    text = page(response)
    assert reason in text
    for value in data.values():
        assert value.strip() in text
    assert session.scalar(select(SpokenAbbreviation)) is None and audit_actions(session) == []


def test_a_bad_edit_keeps_the_typed_reading_on_its_own_line(client, session):
    signed_in(client, session)
    too_long = "Ủy ban nhân dân " * 14
    response = post(client, f"{PAGE}/entries/edit", {"abbreviation": "UBND", "expansion": too_long})
    assert response.status_code == 400
    text = page(response)
    assert "Chưa lưu được “UBND”" in text and f'value="{too_long}"' in text
    assert session.scalar(select(SpokenAbbreviation)) is None


def test_removing_an_entry_that_is_not_an_admins_is_not_found(client, session):
    signed_in(client, session)
    assert post(client, f"{PAGE}/entries/delete", {"abbreviation": "UBND"}).status_code == 404


def test_an_admin_sets_what_a_removed_link_is_read_as(client, session):
    signed_in(client, session)
    pointer = "trang thông tin điện tử của Công an xã"
    assert post(client, f"{PAGE}/pointer", {"pointer": pointer}).status_code == 302
    text = page(client.get(PAGE, query_string={"sample": "Xem tại https://xaphuha.example.vn/tin."}))
    assert f"Xem tại {pointer}." in text
    assert post(client, f"{PAGE}/pointer", {"pointer": "x" * 301}).status_code == 400
    assert session.scalar(select(SpokenSetting.value)) == pointer
    assert audit_actions(session) == ["spoken.setting.update"]


def test_the_editor_preview_reads_with_the_admins_dictionary(client, session, now):
    from content.spoken.dictionary import change_abbreviation

    admin = make_user(session, role=Role.ADMIN, area=None)
    change_abbreviation(session, admin, abbreviation="CA", expansion="lực lượng Công an", now=now)
    make_user(session, role=Role.EDITOR, area=make_area(session), username="bientap")
    session.commit()
    log_in(client, "bientap")
    token = csrf_token(client, "/desk/messages/new")
    data = client.post("/desk/preview", json={"body_md": "CA xã trực 24/7, gọi 113."},
                       headers={"X-CSRFToken": token}).get_json()
    assert data["spoken"] == "lực lượng Công an xã trực hai mươi tư trên bảy, gọi một một ba."
    assert data["words"] == 6


def admin_of(client, session, area) -> None:  # type: ignore[no-untyped-def]
    make_user(session, role=Role.ADMIN, area=area, username="quantrixa")
    session.commit()
    log_in(client, "quantrixa")


def test_a_commune_admin_may_read_and_try_the_dictionary_but_not_change_what_every_station_reads(client, session):
    province = make_area(session, name="Tỉnh Sông Lam")
    admin_of(client, session, make_area(session, parent=province, name="Xã Bến Đò"))
    text = page(client.get(PAGE, query_string={"sample": "UBND xã"}))
    assert "Ủy ban nhân dân xã" in text and "chỉ quản trị viên cấp tỉnh hoặc toàn quốc được sửa" in text
    assert 'action="/admin/spoken/entries"' not in text and 'name="pointer"' not in text
    for path, data in ((f"{PAGE}/entries", {"abbreviation": "KVPT", "expansion": "khu vực phòng thủ"}),
                       (f"{PAGE}/entries/edit", {"abbreviation": "UBND", "expansion": "ủy ban"}),
                       (f"{PAGE}/pointer", {"pointer": "trang của xã"})):
        assert post(client, path, data).status_code == 403
    session.expire_all()
    assert session.scalar(select(SpokenAbbreviation)) is None and session.scalar(select(SpokenSetting)) is None
    refused = session.scalars(select(AuditLog).where(AuditLog.action == "denied")).all()
    assert [entry.detail["attempted"] for entry in refused] == ["settings.manage"] * 3


def test_a_province_admin_changes_the_dictionary(client, session):
    admin_of(client, session, make_area(session, name="Tỉnh Sông Lam"))
    response = post(client, f"{PAGE}/entries", {"abbreviation": "KVPT", "expansion": "khu vực phòng thủ"})
    assert response.status_code == 302
    assert audit_actions(session) == ["spoken.abbreviation.create"]
