"""The radio script over HTTP: three formats and a week bundle, revalidated by ETag, for the right station only."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from content.messages import MessageInput, transition_message, update_message
from content.models import AuditLog, MessageKind, Priority, Role
from tests.factories import make_area, make_channel, make_user
from tests.radio_scenarios import World, world  # noqa: F401  (the fixture)
from tests.web.helpers import csrf_token, log_in
from web.write_behind import flush_pending

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 1, 0, tzinfo=timezone.utc)


def local(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=ZONE)


def test_the_html_script_numbers_items_times_them_and_warns_when_a_slot_overruns(client, world):
    world.plan("Cảnh giác lừa đảo qua mạng", local(24, 6))
    world.plan("Phòng cháy mùa khô", local(24, 6), priority=Priority.PRIORITY)
    world.plan("Bản tin dài buổi chiều", local(24, 17), words=400)
    response = client.get(world.path("html"), headers=world.auth)
    assert response.status_code == 200 and response.mimetype == "text/html"
    page = response.get_data(as_text=True)
    assert page.count('class="script-slot') == 2
    morning, evening = page.split('class="script-slot')[1:]
    assert re.search(r'class="number">1\.</span>\s*<span class="badge priority">Ưu tiên</span>\s*Phòng cháy', morning)
    assert 'class="number">2.</span>' in morning and "Cảnh giác lừa đảo qua mạng" in morning
    assert "Thời lượng đọc: khoảng" in morning and "Tổng thời lượng:" in morning
    assert "xin kính chào bà con" in morning and "lúc sáu giờ sáng" in morning
    assert "Xin cảm ơn bà con đã lắng nghe." in morning
    assert "Vượt thời lượng khung giờ" not in morning
    assert "Vượt thời lượng khung giờ" in evening and 'class="warning-over"' in evening


def test_an_emergency_is_flagged_in_every_format(client, world):
    world.plan("Tin thường", local(24, 6))
    # Planned for the province's portal only: the fan-out puts it in the station's 17:00 slot.
    world.plan("Thông báo khẩn: tìm trẻ đi lạc", local(24, 9), priority=Priority.EMERGENCY, area=world.province,
               stations=[], channels=[make_channel(world.session)])
    page = client.get(world.path("html"), headers=world.auth).get_data(as_text=True)
    evening = page.split('class="script-slot')[2]
    assert "has-emergency" in evening.split(">")[0]
    assert '<span class="badge emergency">KHẨN CẤP</span>' in evening and "KHẨN CẤP — có thông báo khẩn" in evening
    text = client.get(world.path("txt"), headers=world.auth).get_data(as_text=True)
    assert "Khung giờ 17:00 (1 phút) — CÓ THÔNG BÁO KHẨN" in text
    assert "1. [KHẨN CẤP] Thông báo khẩn: tìm trẻ đi lạc" in text
    document = client.get(world.path("json"), headers=world.auth).get_json()
    assert document["has_emergency"] is True
    morning, evening = document["slots"]
    assert morning["has_emergency"] is False and evening["has_emergency"] is True
    assert evening["items"][0]["is_emergency"] is True and evening["items"][0]["priority"] == "emergency"
    # The neighbour's station is in the province too, and hears it at its own next slot.
    neighbour = client.get(world.path("json", station=world.neighbour),
                           headers={"Authorization": f"Bearer {world.neighbour_token}"}).get_json()
    assert neighbour["slots"][1]["items"][0]["title"] == "Thông báo khẩn: tìm trẻ đi lạc"


def test_plain_text_is_utf8_and_json_has_a_stable_versioned_shape(client, world):
    world.plan("Cảnh giác lừa đảo qua mạng", local(24, 6))
    text = client.get(world.path("txt"), headers=world.auth)
    assert text.headers["Content-Type"] == "text/plain; charset=utf-8"
    assert "Cảnh giác lừa đảo qua mạng" in text.get_data().decode("utf-8")
    response = client.get(world.path("json"), headers=world.auth)
    assert response.mimetype == "application/json"
    # Vietnamese as UTF-8, not \u escapes: half the bytes on a weak line.
    assert "Cảnh giác".encode() in response.get_data()
    document = json.loads(response.get_data())
    assert document["schema"] == "loa.radio-script/1"
    assert re.fullmatch(r"[0-9a-f]{32}", document["version"])
    assert document["station"] == {"id": world.station.id, "name": "Đài truyền thanh xã Bãi Sậy"}
    assert document["date"] == "2026-11-24" and document["timezone"] == "Asia/Ho_Chi_Minh"
    morning = document["slots"][0]
    assert set(morning) >= {"starts_at", "starts_at_utc", "minutes", "length_seconds", "opening", "closing",
                            "pause_seconds", "total_seconds", "over_by_seconds", "is_over", "has_emergency", "items"}
    assert morning["starts_at"] == "06:00" and morning["starts_at_utc"] == "2026-11-23T23:00:00Z"
    [item] = morning["items"]
    assert item["number"] == 1 and item["seconds"] > 0 and item["due_at"] == "2026-11-24T06:00:00+07:00"
    assert morning["total_seconds"] == (morning["opening"]["seconds"] + item["seconds"]
                                        + morning["closing"]["seconds"] + 2 * morning["pause_seconds"])


@pytest.mark.parametrize(("fmt", "kind"), [("html", "scripts"), ("txt", "scripts"), ("json", "scripts"),
                                           ("txt", "week"), ("json", "week")])
def test_every_format_answers_304_until_the_script_changes(client, world, fmt, kind):
    world.plan("Tin buổi sáng", local(24, 6))
    path = world.path(fmt, kind=kind)
    first = client.get(path, headers=world.auth)
    etag = first.headers["ETag"]
    assert first.status_code == 200 and not etag.startswith("W/")
    assert first.headers["Cache-Control"] == "private, no-cache"
    again = client.get(path, headers={**world.auth, "If-None-Match": etag})
    assert again.status_code == 304 and again.get_data() == b""
    assert again.headers["ETag"] == etag and again.headers["Cache-Control"] == "private, no-cache"
    # Another day's item changes neither the day's script nor, outside the week, the week.
    world.plan("Tin tháng sau", datetime(2026, 12, 20, 6, tzinfo=ZONE))
    assert client.get(path, headers={**world.auth, "If-None-Match": etag}).status_code == 304
    world.plan("Tin mới buổi chiều", local(24, 17))
    changed = client.get(path, headers={**world.auth, "If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    assert "Tin mới buổi chiều" in changed.get_data(as_text=True)


def test_each_format_has_its_own_etag(client, world):
    world.plan("Tin buổi sáng", local(24, 6))
    etags = {client.get(world.path(fmt), headers=world.auth).headers["ETag"] for fmt in ("html", "txt", "json")}
    assert len(etags) == 3
    html_etag = client.get(world.path("html"), headers=world.auth).headers["ETag"]
    assert client.get(world.path("txt"), headers={**world.auth, "If-None-Match": html_etag}).status_code == 200


def test_the_week_bundle_holds_seven_days_in_one_response(client, world):
    world.plan("Tin thứ Ba", local(24, 6))
    world.plan("Tin thứ Hai tuần sau", local(30, 17))
    world.plan("Tin ngoài tuần", datetime(2026, 12, 1, 6, tzinfo=ZONE))
    document = client.get(world.path("json", kind="week"), headers=world.auth).get_json()
    assert document["schema"] == "loa.radio-week/1"
    assert (document["from"], document["to"]) == ("2026-11-24", "2026-11-30")
    assert [day["date"] for day in document["days"]] == [f"2026-11-{d}" for d in range(24, 31)]
    items = {day["date"]: [i["title"] for s in day["slots"] for i in s["items"]] for day in document["days"]}
    assert items["2026-11-24"] == ["Tin thứ Ba"] and items["2026-11-30"] == ["Tin thứ Hai tuần sau"]
    assert sum(map(len, items.values())) == 2
    day_alone = client.get(world.path("json", day="2026-11-30"), headers=world.auth).get_json()
    assert document["days"][6] == day_alone
    text = client.get(world.path("txt", kind="week"), headers=world.auth).get_data(as_text=True)
    assert "Từ 24/11/2026 đến 30/11/2026" in text
    assert all(f"Ngày {d}/11/2026" in text for d in range(24, 31))


def test_a_printed_link_may_carry_the_token_in_the_query(client, world):
    response = client.get(world.path("html") + f"?token={world.token}")
    assert response.status_code == 200
    # The page's own links keep it, so the next day opens too.
    assert f"2026-11-25.html?token={world.token}" in response.get_data(as_text=True)


@pytest.mark.parametrize("case", ["missing", "wrong", "revoked", "another station's"])
def test_the_script_refuses_a_bad_token(client, world, session, case):
    headers = {"missing": {}, "wrong": {"Authorization": "Bearer sai-ma-truy-cap"},
               "revoked": world.auth, "another station's": {"Authorization": f"Bearer {world.neighbour_token}"}}[case]
    if case == "revoked":
        world.station.token_hash = None
        session.commit()
    for fmt, kind in (("json", "scripts"), ("html", "scripts"), ("txt", "week")):
        response = client.get(world.path(fmt, kind=kind), headers={**headers, "Accept": "application/json"})
        assert response.status_code == 403, (case, fmt)
        assert "mã truy cập" in response.get_json()["detail"].lower()
    flush_pending(client.application)  # refusals are written by the write-behind thread, not by the request
    denials = session.scalars(select(AuditLog).where(AuditLog.action == "denied")).all()
    assert sum(d.detail["refused"] for d in denials) == 3 and {d.object_id for d in denials} == {world.station.id}


def test_a_signed_in_user_sees_scripts_of_their_area_only(client, world, session):
    outsider = make_user(session, role=Role.RADIO_OPERATOR, area=make_area(session, name="Tỉnh Khác"),
                         username="ngoaitinh")
    make_user(session, role=Role.RADIO_OPERATOR, area=world.commune, username="phatthanh")
    session.commit()
    log_in(client, "phatthanh")
    assert client.get(world.path("html")).status_code == 200
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/desk/password")})
    log_in(client, outsider.username)
    assert client.get(world.path("json")).status_code == 403


def test_bad_requests_say_what_is_wrong(client, world):
    headers = {**world.auth, "Accept": "application/json"}
    bad_day = client.get(world.path("json", day="2026-02-30"), headers=headers)
    assert bad_day.status_code == 400 and "2026-02-30" in bad_day.get_json()["detail"]
    assert client.get(world.path("txt", day="hom-nay", kind="week"), headers=headers).status_code == 400
    unknown_format = client.get(world.path("xml"), headers=headers)
    assert unknown_format.status_code == 404 and ".xml" in unknown_format.get_json()["detail"]
    assert ".html, .txt, .json" in unknown_format.get_json()["detail"]
    week_html = client.get(world.path("pdf", kind="week"), headers=headers)
    assert week_html.status_code == 404 and ".txt, .json" in week_html.get_json()["detail"]
    unknown_station = client.get("/radio/stations/999999/scripts/2026-11-24.json", headers=headers)
    assert unknown_station.status_code == 404 and "999999" in unknown_station.get_json()["detail"]


def test_the_script_day_is_the_local_day(client, world):
    # 23:30 UTC on the 23rd is 06:30 on the 24th in Hà Nội.
    world.plan("Tin lúc sáu rưỡi", datetime(2026, 11, 23, 23, 30, tzinfo=timezone.utc))
    document = client.get(world.path("json"), headers=world.auth).get_json()
    assert [i["title"] for i in document["slots"][1]["items"]] == ["Tin lúc sáu rưỡi"]
    assert date.fromisoformat(document["date"]) == date(2026, 11, 24)


def test_a_message_edited_and_approved_again_is_read_in_its_new_words(client, world, session):
    message = world.plan("Cảnh giác lừa đảo", local(24, 6))
    first = client.get(world.path("txt"), headers=world.auth)
    assert "Cảnh giác lừa đảo." in first.get_data(as_text=True)
    update_message(session, message, world.editor, MessageInput(
        kind=MessageKind.NOTICE, title="Cảnh giác lừa đảo qua điện thoại", body_md="Không chuyển tiền cho người lạ.",
        area_id=world.commune.id), expected_version=message.version, now=NOW)
    session.commit()
    # Back in review, it leaves the script until approved again.
    assert "Cảnh giác" not in client.get(world.path("txt"), headers=world.auth).get_data(as_text=True)
    transition_message(session, message, "approve", actor=world.approver, now=NOW)
    session.commit()
    again = client.get(world.path("txt"), headers={**world.auth, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 200
    assert "Cảnh giác lừa đảo qua điện thoại." in again.get_data(as_text=True)
    assert "Không chuyển tiền cho người lạ." in again.get_data(as_text=True)
