"""Every role, inside and outside its area, against every guarded action: allowed, or 403 and audited.

The expectations are written out here by hand, independently of content/permissions.py, so a
change to the table that nobody meant shows up as a failing case.
"""

from __future__ import annotations

from datetime import datetime, timezone
from io import BytesIO

import pytest
from PIL import Image
from sqlalchemy import select

from campaigns.campaign_records import CampaignInput, create_campaign
from campaigns.models import ChannelKind, Delivery
from campaigns.nominations import NominationInput, submit_nomination
from campaigns.tipoff_models import Tipoff, TipoffKind
from campaigns.tipoff_sealing import generate_tipoff_key, seal_text
from content.messages import MessageInput, create_message, transition_message
from content.models import AuditLog, MessageKind, Role
from tests.factories import make_area, make_channel, make_station, make_user
from tests.web.helpers import csrf_token, log_in

ZONE_NOW = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
ALLOWED = {  # action → roles that may take it inside their own area
    "message.view": {"admin", "editor", "approver", "analyst"},
    "message.write": {"admin", "editor"},
    "message.submit": {"admin", "editor"},
    "message.approve": {"admin", "approver"},
    "message.request_changes": {"admin", "approver"},
    "message.schedule": {"admin", "editor", "approver"},
    "message.archive": {"admin", "approver"},
    "campaign.view": {"admin", "editor", "approver", "analyst"},
    "campaign.write": {"admin", "editor", "approver"},
    "script.view": {"admin", "editor", "approver", "radio_operator"},
    "audit.view": {"admin"},
    "user.manage": {"admin"},
    "media.upload": {"admin", "editor"},
    "channel.manage": {"admin"},
    "station.manage": {"admin"},
    "airing.confirm": {"admin", "radio_operator"},
    "airing.view": {"admin", "editor", "approver", "analyst"},
}
# Actions whose object lives in no area: "outside" has no meaning for them.
UNPLACED = {"audit.view", "user.manage", "media.upload", "channel.manage"}


def png() -> BytesIO:
    out = BytesIO()
    Image.new("RGB", (40, 30), (30, 90, 160)).save(out, "PNG")
    out.seek(0)
    return out


def world(session, role: Role, inside: bool):
    province = make_area(session, name="Tỉnh Thử Nghiệm")
    home, away = make_area(session, parent=province), make_area(session, parent=province)
    author = make_user(session, role=Role.ADMIN, area=province, username="tacgia")
    make_user(session, role=role, area=home, username="nguoidung")
    target = home if inside else away
    portal = make_channel(session, ChannelKind.PORTAL)
    station = make_station(session, target)
    data = MessageInput(kind=MessageKind.ARTICLE, title="Tin thử quyền", body_md="Nội dung.", area_id=target.id)
    messages = {status: create_message(session, author, data, now=ZONE_NOW) for status in ("draft", "review", "approved")}
    for status in ("review", "approved"):
        transition_message(session, messages[status], "submit", actor=author, now=ZONE_NOW)
    reviewer = make_user(session, role=Role.APPROVER, area=province)
    transition_message(session, messages["approved"], "approve", actor=reviewer, now=ZONE_NOW)
    campaign = create_campaign(session, author, CampaignInput(
        plan_number="KH 1", issuing_body="UBND", title="Chiến dịch thử", starts_on=ZONE_NOW.date(),
        ends_on=ZONE_NOW.date(), owner_area_id=target.id), now=ZONE_NOW, zone=timezone.utc)
    airing_item = Delivery(message=messages["approved"], station=station, due_at=ZONE_NOW, idempotency_key="quyen-phat")
    session.add(airing_item)
    nomination = submit_nomination(session, NominationInput(person_name="Người Thử Quyền", area_id=target.id,
                                                            deed="Việc tốt thử quyền."), now=ZONE_NOW,
                                   today=ZONE_NOW.date())
    session.commit()
    return {"messages": messages, "campaign": campaign, "station": station, "portal": portal, "target": target,
            "airing_item": airing_item, "nomination": nomination}


def request_for(action: str, w: dict):
    m, c = w["messages"], w["campaign"]
    edit = {"kind": "article", "title": "Tin thử quyền (sửa)", "body_md": "Nội dung.", "area_id": w["target"].id,
            "version": m["draft"].version}
    return {
        "message.view": ("GET", f"/desk/messages/{m['draft'].id}", None, None),
        "message.write": ("POST", f"/desk/messages/{m['draft'].id}/edit", edit, "/desk/password"),
        "message.submit": ("POST", f"/desk/messages/{m['draft'].id}/submit", {}, "/desk/password"),
        "message.approve": ("POST", f"/desk/messages/{m['review'].id}/approve", {}, "/desk/password"),
        "message.request_changes": ("POST", f"/desk/messages/{m['review'].id}/request_changes",
                                    {"comment": "Bổ sung số điện thoại."}, "/desk/password"),
        "message.schedule": ("POST", f"/desk/messages/{m['approved'].id}/plan",
                             {"channel_ids": w["portal"].id, "due_at": "2026-12-01T06:00"}, "/desk/password"),
        "message.archive": ("POST", f"/desk/messages/{m['approved'].id}/archive", {}, "/desk/password"),
        "campaign.view": ("GET", f"/desk/campaigns/{c.id}", None, None),
        "campaign.write": ("GET", f"/desk/campaigns/{c.id}/edit", None, None),
        "script.view": ("GET", f"/radio/stations/{w['station'].id}/scripts/2026-12-01.html", None, None),
        "audit.view": ("GET", "/admin/audit", None, None),
        "user.manage": ("GET", "/admin/users", None, None),
        "channel.manage": ("GET", "/admin/channels/", None, None),
        "station.manage": ("GET", f"/stations/{w['station'].id}", None, None),
        "airing.confirm": ("POST", f"/radio/stations/{w['station'].id}/airings/2026-11-23",
                           {"delivery_id": w["airing_item"].id, "status": "aired"}, "/desk/password"),
        "airing.view": ("GET", f"/stations/airings?area={w['target'].id}", None, None),
        "media.upload": ("POST", "/desk/media/", {"image": (png(), "anh.png"), "alt_text": "Ảnh thử quyền"}, "/desk/password"),
    }[action]


def success_location(action: str, w: dict) -> str | None:
    """Where a successful POST sends the browser; None for a GET, which answers 200 with its page."""
    m = w["messages"]
    return {
        "message.write": f"/desk/messages/{m['draft'].id}",
        "message.submit": f"/desk/messages/{m['draft'].id}",
        "message.approve": f"/desk/messages/{m['review'].id}",
        "message.request_changes": f"/desk/messages/{m['review'].id}",
        "message.schedule": f"/desk/messages/{m['approved'].id}",
        "message.archive": f"/desk/messages/{m['approved'].id}",
        "airing.confirm": f"/radio/stations/{w['station'].id}/airings/2026-11-23#item-{w['airing_item'].id}",
        "media.upload": "/desk/media/",
    }.get(action)


CASES = [(role, inside, action) for role in Role for inside in (True, False) for action in ALLOWED
         if inside or action not in UNPLACED]


@pytest.mark.parametrize(("role", "inside", "action"), CASES,
                         ids=[f"{r.value}-{'inside' if i else 'outside'}-{a}" for r, i, a in CASES])
def test_the_permission_matrix(client, session, role, inside, action):
    w = world(session, role, inside)
    log_in(client, "nguoidung")
    method, path, data, token_page = request_for(action, w)
    if method == "GET":
        response = client.get(path)
    else:
        response = client.post(path, data={**data, "csrf_token": csrf_token(client, token_page)})
    expected = role.value in ALLOWED[action] and inside
    if expected:
        # Exactly what the route answers on success: a page, or the redirect to where the work shows —
        # never the login page nor a refusal dressed as a redirect.
        where = success_location(action, w)
        if where is None:
            assert response.status_code == 200, response.get_data(as_text=True)[:500]
        else:
            assert response.status_code == 302, response.get_data(as_text=True)[:500]
            assert response.headers["Location"] == where
    else:
        assert response.status_code == 403
        session.expire_all()
        denial = session.scalar(select(AuditLog).where(AuditLog.action == "denied"))
        assert denial is not None and denial.detail["attempted"]


# Every GET page of the desk (and the preview), with the permission it asks for.
DESK_PAGES = {
    "/desk/": "message.view",
    "/desk/calendar": "message.view",
    "/desk/dispatch": "message.view",
    "/desk/media/": "message.view",
    "/desk/messages/{draft}": "message.view",
    "/desk/messages/{draft}/revisions": "message.view",
    "/desk/messages/{draft}/revisions/1": "message.view",
    "/desk/messages/new": "message.write",
    "/desk/messages/{draft}/edit": "message.write",
    "/desk/messages/{approved}/plan": "message.schedule",
    "/desk/deliveries/{social}/variant": "message.view",
    "/desk/campaigns/": "campaign.view",
    "/desk/campaigns/{campaign}": "campaign.view",
    "/desk/campaigns/new": "campaign.write",
    "/desk/campaigns/{campaign}/edit": "campaign.write",
    "/desk/campaigns/{campaign}/model-areas": "campaign.view",
    "/desk/models/": "campaign.view",
    "/desk/models/new": "campaign.write",
    "POST /desk/preview": "message.write",
    "/desk/nominations/": "message.write",
    "/desk/nominations/new": "message.write",
    "/desk/nominations/{nomination}": "message.write",
    "/desk/commendations/": "campaign.view",
    "/desk/commendations/new": "campaign.write",
    "/desk/festival/2026": "campaign.view",  # reach.view: the same roles
}
DESK_CASES = [(role, page) for role in Role for page in DESK_PAGES]


@pytest.mark.parametrize(("role", "page"), DESK_CASES, ids=[f"{r.value}-{p}" for r, p in DESK_CASES])
def test_every_desk_page_is_refused_to_a_role_without_its_permission(client, session, role, page):
    w = world(session, role, inside=True)
    telegram = make_channel(session, ChannelKind.TELEGRAM)
    social = Delivery(message=w["messages"]["approved"], channel=telegram, due_at=ZONE_NOW, idempotency_key="quyen-mxh")
    session.add(social)
    session.commit()
    log_in(client, "nguoidung")
    path = page.removeprefix("POST ").format(draft=w["messages"]["draft"].id, approved=w["messages"]["approved"].id,
                                             campaign=w["campaign"].id, social=social.id,
                                             nomination=w["nomination"].id)
    if page.startswith("POST "):
        token = csrf_token(client, "/desk/password")
        response = client.post(path, json={"body_md": "Bản nháp **bí mật**."}, headers={"X-CSRFToken": token})
    else:
        response = client.get(path)
    body = response.get_data(as_text=True)
    if role.value in ALLOWED[DESK_PAGES[page]]:
        assert response.status_code == 200, body[:500]
        return
    if role is Role.RADIO_OPERATOR and path == "/desk/":
        # Their home is their stations' page: the desk link sends them there.
        assert response.status_code == 302 and response.headers["Location"].endswith("/stations/mine")
        return
    assert response.status_code == 403, body[:500]
    assert "Tin thử quyền" not in body and "bí mật" not in body
    session.expire_all()
    denial = session.scalar(select(AuditLog).where(AuditLog.action == "denied"))
    assert denial is not None and denial.detail["attempted"]


# Tip-offs are read on a per-person grant (users.reads_tipoffs), never on a role: every role, with and without it.
TIPOFF_CASES = [(role, granted, inside) for role in Role for granted in (True, False) for inside in (True, False)]


@pytest.mark.parametrize(("role", "granted", "inside"), TIPOFF_CASES,
                         ids=[f"{r.value}-{'granted' if g else 'not-granted'}-{'inside' if i else 'outside'}"
                              for r, g, i in TIPOFF_CASES])
def test_tip_off_pages_follow_the_grant_and_the_area_never_the_role(app, client, session, role, granted, inside):
    key = generate_tipoff_key()
    app.config["TIPOFF_KEY"] = key
    province = make_area(session, name="Tỉnh Thử Nghiệm")
    home, away = make_area(session, parent=province), make_area(session, parent=province)
    make_user(session, role=role, area=home, username="nguoidung").reads_tipoffs = granted
    tipoff = Tipoff(receipt_hash="1" * 64, kind=TipoffKind.DENUNCIATION, area_id=(home if inside else away).id,
                    received_at=ZONE_NOW, body_ciphertext=seal_text(key, "Tố giác thử quyền."))
    session.add(tipoff)
    session.commit()
    log_in(client, "nguoidung")
    response = client.get(f"/desk/tipoffs/{tipoff.id}")
    body = response.get_data(as_text=True)
    if granted and inside:
        assert response.status_code == 200 and "Tố giác thử quyền." in body
    else:
        assert response.status_code == 403 and "Tố giác thử quyền." not in body
        session.expire_all()
        assert session.scalar(select(AuditLog).where(AuditLog.action == "denied")) is not None
    assert client.get("/desk/tipoffs/").status_code == (200 if granted else 403)
