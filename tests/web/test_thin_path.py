"""One message, end to end through HTTP: written, approved, planned, published at its time."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from campaigns.models import ChannelKind
from campaigns.station_tokens import issue_station_token
from content.models import Role
from scheduler.dispatch import run_tick
from tests.factories import make_area, make_channel, make_station, make_user
from tests.web.helpers import csrf_token, log_in

TITLE = "Cảnh giác với cuộc gọi giả danh công an"
BODY = (
    "Thời gian gần đây, nhiều người dân **thôn Bến Đò** nhận cuộc gọi giả danh công an.\n\n"
    "Khi nghi ngờ, hãy gọi ngay số 113 hoặc xem [trang thông tin](https://congan.example.vn/canh-bao).\n\n"
    "<script>alert('xss')</script>"
)


def post(client, path: str, data: dict, *, from_page: str):
    return client.post(path, data={**data, "csrf_token": csrf_token(client, from_page)})


def setup_world(session):
    province = make_area(session, name="Tỉnh Thử Nghiệm")
    commune = make_area(session, parent=province, name="Xã Bến Đò")
    editor = make_user(session, role=Role.EDITOR, area=province, username="bientap")
    make_user(session, role=Role.APPROVER, area=province, username="pheduyet")
    portal = make_channel(session, ChannelKind.PORTAL, name="Cổng thông tin")
    feed = make_channel(session, ChannelKind.FEED, name="RSS")
    station = make_station(session, commune)
    token = issue_station_token(station, now=datetime.now(timezone.utc))
    session.commit()
    return commune, editor, portal, feed, station, token


def test_a_message_goes_from_editor_to_portal_feed_and_radio_script_at_its_time(
    app, client, session, session_factory, clock
):
    commune, _, portal, feed, station, token = setup_world(session)

    log_in(client, "bientap")
    response = post(client, "/desk/messages/new", {
        "kind": "notice", "title": TITLE, "summary": "Không chuyển tiền theo yêu cầu qua điện thoại.",
        "body_md": BODY, "area_id": commune.id, "priority": "priority",
    }, from_page="/desk/messages/new")
    assert response.status_code == 302
    message_path = response.headers["Location"]
    message_id = int(message_path.rstrip("/").rsplit("/", 1)[1])
    assert post(client, f"/desk/messages/{message_id}/submit", {}, from_page=message_path).status_code == 302

    # The author may not approve their own text.
    assert post(client, f"/desk/messages/{message_id}/approve", {}, from_page=message_path).status_code == 403

    client.post("/desk/logout", data={"csrf_token": csrf_token(client, message_path)})
    log_in(client, "pheduyet")
    assert post(client, f"/desk/messages/{message_id}/approve", {}, from_page=message_path).status_code == 302

    # 06:00 on 24 November in Hà Nội time is 23:00 UTC on the 23rd.
    response = post(client, f"/desk/messages/{message_id}/plan", {
        "channel_ids": [portal.id, feed.id], "station_ids": [station.id], "due_at": "2026-11-24T06:00",
    }, from_page=message_path)
    assert response.status_code == 302
    assert "Đã lên lịch 3 lượt phát" in client.get(message_path).get_data(as_text=True)

    public = app.test_client()
    assert run_tick(session_factory, now=clock(), worker="test").claimed == 0
    assert TITLE not in public.get("/").get_data(as_text=True)
    assert TITLE not in public.get("/feed.rss").get_data(as_text=True)

    clock.set(datetime(2026, 11, 23, 22, 59, tzinfo=timezone.utc))
    assert run_tick(session_factory, now=clock(), worker="test").claimed == 0

    clock.set(datetime(2026, 11, 23, 23, 0, tzinfo=timezone.utc))
    assert run_tick(session_factory, now=clock(), worker="test").sent == 3

    index = public.get("/").get_data(as_text=True)
    assert TITLE in index
    slug = re.search(r'href="/tin/([^"]+)"', index).group(1)
    page = public.get(f"/tin/{slug}").get_data(as_text=True)
    assert "<strong>thôn Bến Đò</strong>" in page
    assert "<script>alert" not in page
    rss = public.get("/feed.rss")
    assert rss.mimetype == "application/rss+xml"
    assert TITLE in rss.get_data(as_text=True)

    script = public.get(f"/radio/stations/{station.id}/scripts/2026-11-24.txt",
                        headers={"Authorization": f"Bearer {token}"}).get_data(as_text=True)
    assert "Khung giờ 06:00" in script
    assert "gọi ngay số một một ba" in script
    assert "https://" not in script and "**" not in script


def test_the_radio_script_refuses_a_missing_or_wrong_token(app, client, session):
    _, _, _, _, station, _ = setup_world(session)
    path = f"/radio/stations/{station.id}/scripts/2026-11-24.json"
    assert client.get(path).status_code == 403
    assert client.get(path, headers={"Authorization": "Bearer sai-ma"}).status_code == 403


def test_the_radio_script_rejects_an_impossible_date(app, client, session):
    _, _, _, _, station, token = setup_world(session)
    response = client.get(f"/radio/stations/{station.id}/scripts/2026-02-30.json",
                          headers={"Authorization": f"Bearer {token}", "Accept": "application/json"})
    assert response.status_code == 400
    assert "2026-02-30" in response.get_json()["detail"]


def test_every_html_page_links_the_site_feed(app, client, session):
    setup_world(session)
    for path in ("/", "/desk/login"):
        html = client.get(path).get_data(as_text=True)
        assert '<link rel="alternate" type="application/rss+xml"' in html
