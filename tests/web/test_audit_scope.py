"""The audit log shows an admin what happened in their own area, never another area's officers or stations."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from content.audit import record_audit
from content.models import AuditLog, Role, User
from tests.factories import make_area, make_station, make_user
from tests.web.helpers import csrf_token, log_in


@pytest.fixture
def trail(session, now):  # type: ignore[no-untyped-def]
    """Two provinces; in the first, two communes, each with an officer who saved something and a station."""
    lam = make_area(session, name="Tỉnh Sông Lam")
    ben_do, khe_lim = (make_area(session, parent=lam, name=name) for name in ("Xã Bến Đò", "Xã Khe Lim"))
    other = make_area(session, name="Tỉnh Đồi Thông")
    for username, area in (("bientap_bendo", ben_do), ("bientap_khelim", khe_lim), ("bientap_tinh", lam),
                           ("bientap_doithong", other)):
        editor = make_user(session, role=Role.EDITOR, area=area, username=username)
        record_audit(session, actor=editor, action="message.create", object_type="message", object_id=1, now=now,
                     remote_addr="10.0.0.1", detail={"by": username})
    for area, address in ((ben_do, "203.0.113.7"), (khe_lim, "203.0.113.8")):
        station = make_station(session, area)
        record_audit(session, actor=None, action="denied", object_type="station", object_id=station.id, now=now,
                     remote_addr=address, detail={"refused": 3})
    record_audit(session, actor=None, action="denied", object_type="station", object_id=None, now=now,
                 remote_addr="198.51.100.9", detail={"refused": 40})
    for username, area in (("quantri_bendo", ben_do), ("quantri_tinh", lam), ("quantri_toanquoc", None)):
        make_user(session, role=Role.ADMIN, area=area, username=username)
    session.commit()


def shown(client, username: str) -> str:  # type: ignore[no-untyped-def]
    log_in(client, username)
    response = client.get("/admin/audit")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_a_commune_admin_sees_only_its_communes_officers_and_station(client, trail):
    text = shown(client, "quantri_bendo")
    assert "bientap_bendo" in text and "203.0.113.7" in text
    for elsewhere in ("bientap_khelim", "bientap_tinh", "bientap_doithong", "203.0.113.8", "198.51.100.9"):
        assert elsewhere not in text


def test_a_province_admin_sees_its_communes_and_the_anonymous_bursts_but_not_another_province(client, trail):
    text = shown(client, "quantri_tinh")
    for inside in ("bientap_bendo", "bientap_khelim", "bientap_tinh", "203.0.113.7", "203.0.113.8", "198.51.100.9"):
        assert inside in text
    assert "bientap_doithong" not in text


def test_a_nationwide_admin_sees_everything(client, trail):
    text = shown(client, "quantri_toanquoc")
    assert "bientap_doithong" in text and "bientap_bendo" in text and "198.51.100.9" in text


def test_the_log_pages_keep_the_action_filter_and_a_page_past_the_end_shows_the_last(app, client, trail, session, now):
    app.config["PAGE_SIZE"] = 1  # the log shows twice the page size: two entries a page
    log_in(client, "quantri_toanquoc")
    first = client.get("/admin/audit?action=denied").get_data(as_text=True)
    # Three refusals: two pages, the second reached with the filter still on.
    assert "Trang 1 / 2" in first and 'href="/admin/audit?page=2&amp;action=denied"' in first
    last = client.get("/admin/audit?action=denied&page=9").get_data(as_text=True)
    assert "Trang 2 / 2" in last and 'href="/admin/audit?page=1&amp;action=denied"' in last
    assert last.count('<tr class="denied">') == 1


def failed_login(client, username: str, address: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/desk/login", data={"username": username, "password": "doan-bua-123",
                                                "csrf_token": csrf_token(client, "/desk/login")},
                           environ_base={"REMOTE_ADDR": address})
    assert response.status_code == 200 and "không đúng" in response.get_data(as_text=True)


def test_failed_sign_ins_are_audited_for_the_admins_of_the_account_they_named(client, session, trail):
    failed_login(client, "bientap_khelim", "192.0.2.50")
    failed_login(client, "Mật khẩu gõ nhầm ô", "192.0.2.51")  # no such account
    entries = session.scalars(select(AuditLog).where(AuditLog.action == "user.login_failed")).all()
    assert [(e.remote_addr, e.detail["account"]) for e in entries] == [("192.0.2.50", "known"),
                                                                       ("192.0.2.51", "unknown")]
    assert "gõ nhầm" not in str([e.detail for e in entries])  # what was typed is never stored
    client.get("/desk/logout")
    khe_lim_admin = make_user(session, role=Role.ADMIN, area=session.get(User, entries[0].object_id).area,
                              username="quantri_khelim")
    session.commit()
    assert "192.0.2.50" in shown(client, khe_lim_admin.username)
    client.get("/desk/logout")
    text = shown(client, "quantri_bendo")
    assert "192.0.2.50" not in text and "192.0.2.51" not in text
    client.get("/desk/logout")
    assert "192.0.2.51" in shown(client, "quantri_tinh")  # an unknown name: for those who run the install
