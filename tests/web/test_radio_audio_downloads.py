"""Each slot's and each item's audio, to play on the staff pages or download under a name that says station, day
and slot: ASCII in `filename`, the Vietnamese name in `filename*` (RFC 6266 / 5987)."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest

from campaigns.planning import plan_deliveries
from campaigns.station_tokens import issue_station_token
from content.messages import MessageInput, create_message, transition_message
from content.models import MessageKind, Role
from tests.audio_tools import assert_near_estimate, require_tool, wav_seconds
from tests.factories import make_area, make_station, make_user
from tests.web.helpers import log_in
from web.radio.downloads import audio_name

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
DAY = "2026-11-24"
FIRE = ("Phòng cháy chợ Đồng Xuân mùa hanh khô", "Tiểu thương tắt điện, khóa ga trước khi đóng cửa sạp mỗi tối.")
THEFT = ("Giữ xe cẩn thận khi đi lễ chùa", "Bà con gửi xe tại bãi có người trông, không để chìa khóa trên xe.")
EVENING = ("Họp tổ tự quản thôn Ngọc Lâm", "Tối thứ Sáu, mời đại diện các hộ đến nhà văn hóa thôn họp bàn.")


def disposition(response) -> tuple[str, str, str]:
    """(kind, filename, filename*) of a Content-Disposition header."""
    header = response.headers["Content-Disposition"]
    kind = header.split(";", 1)[0]
    plain = re.search(r'filename="([^"]*)"', header).group(1)
    encoded = re.search(r"filename\*=UTF-8''(\S+)", header).group(1)
    return kind, plain, unquote(encoded)


def fetch(client, path: str, **options):
    with client.get(path, **options) as response:
        response.get_data()
    return response


@pytest.fixture
def world(session, now):
    commune = make_area(session, parent=make_area(session, name="Tỉnh Kinh Bắc Thử"), name="Xã Ngọc Lâm")
    station = make_station(session, commune, name="Đài truyền thanh xã Ngọc Lâm",
                           slots=((time(6), 15), (time(11), 10), (time(17), 15)))
    editor = make_user(session, role=Role.EDITOR, area=commune)
    approver = make_user(session, role=Role.APPROVER, area=commune)
    operator = make_user(session, role=Role.RADIO_OPERATOR, area=commune, username="phatthanh_ngoclam")
    ids = []
    for (title, body), hour in ((FIRE, 6), (THEFT, 6), (EVENING, 17)):
        message = create_message(session, editor, MessageInput(kind=MessageKind.NOTICE, title=title, body_md=body,
                                                               area_id=commune.id), now=now)
        transition_message(session, message, "submit", actor=editor, now=now)
        transition_message(session, message, "approve", actor=approver, now=now)
        [delivery] = plan_deliveries(session, message, actor=approver, due_at=datetime(2026, 11, 24, hour, tzinfo=ZONE),
                                     now=now, stations=[station])
        ids.append(delivery.id)
    token = issue_station_token(station, now=now)
    session.commit()
    return {"station": station.id, "token": token, "fire": ids[0], "theft": ids[1], "evening": ids[2],
            "operator": operator.username}


def slot_path(world, slot: str, ext: str = "mp3") -> str:
    return f"/radio/stations/{world['station']}/scripts/{DAY}/slots/{slot}.{ext}"


def test_a_slots_audio_reads_its_opening_items_and_closing_for_about_the_slots_total(client, world, tmp_path):
    require_tool("espeak-ng", "espeak-ng")
    response = fetch(client, slot_path(world, "0600", "wav"), query_string={"token": world["token"]})
    assert response.status_code == 200 and response.mimetype.startswith("audio/")
    saved = tmp_path / "slot.wav"
    saved.write_bytes(response.data)
    script = fetch(client, f"/radio/stations/{world['station']}/scripts/{DAY}.json",
                   query_string={"token": world["token"]}).get_json()
    morning = script["slots"][0]
    assert [item["title"] for item in morning["items"]] == [FIRE[0], THEFT[0]]
    assert_near_estimate(wav_seconds(saved), morning["total_seconds"])


def test_the_download_button_gets_an_attachment_named_by_station_day_and_slot(client, world):
    require_tool("espeak-ng", "espeak-ng")
    require_tool("ffmpeg", "ffmpeg")
    response = fetch(client, slot_path(world, "0600"), query_string={"token": world["token"], "download": "1"})
    assert response.status_code == 200 and response.mimetype == "audio/mpeg"
    kind, plain, vietnamese = disposition(response)
    assert kind == "attachment"
    assert plain == "dai-truyen-thanh-xa-ngoc-lam_2026-11-24_06h00.mp3"
    assert vietnamese == "Đài truyền thanh xã Ngọc Lâm 2026-11-24 06h00.mp3"
    # Played in the page, the same file is inline, and "save as" still gets the name.
    played = fetch(client, slot_path(world, "0600"), query_string={"token": world["token"]})
    assert disposition(played) == ("inline", plain, vietnamese)


def test_an_items_file_is_named_by_its_slot_number_and_title(client, world):
    require_tool("espeak-ng", "espeak-ng")
    path = f"/radio/stations/{world['station']}/scripts/{DAY}/items/{world['theft']}.wav"
    response = fetch(client, path, query_string={"token": world["token"], "download": "1"})
    assert response.status_code == 200
    assert disposition(response) == (
        "attachment", "dai-truyen-thanh-xa-ngoc-lam_2026-11-24_06h00_tin-2_giu-xe-can-than-khi-di-le-chua.wav",
        "Đài truyền thanh xã Ngọc Lâm 2026-11-24 06h00 tin 2 Giữ xe cẩn thận khi đi lễ chùa.wav")


def test_the_whole_days_audio_is_named_by_station_and_day(client, world):
    require_tool("espeak-ng", "espeak-ng")
    response = fetch(client, f"/radio/stations/{world['station']}/scripts/{DAY}.wav",
                     query_string={"token": world["token"], "download": "1"})
    assert disposition(response)[1:] == ("dai-truyen-thanh-xa-ngoc-lam_2026-11-24.wav",
                                         "Đài truyền thanh xã Ngọc Lâm 2026-11-24.wav")


@pytest.mark.parametrize("slot", ["1100", "0700", "2460", "abcd", "06:00", "ca-ngay"])
def test_a_slot_with_nothing_to_read_or_none_at_all_is_not_found_and_says_so(client, world, slot):
    response = fetch(client, slot_path(world, slot, "wav"), query_string={"token": world["token"]},
                     headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert "khung giờ" in response.get_json()["detail"].lower()


def test_a_slots_audio_needs_this_stations_token(client, world, session, now):
    other = make_station(session, make_area(session, parent=make_area(session), name="Xã Khác"))
    other_token = issue_station_token(other, now=now)
    session.commit()
    assert fetch(client, slot_path(world, "0600", "wav")).status_code == 403
    assert fetch(client, slot_path(world, "0600", "wav"), query_string={"token": other_token}).status_code == 403


def test_the_script_page_has_a_player_and_a_download_for_each_slot_and_item_with_the_token(client, world):
    page = client.get(f"/radio/stations/{world['station']}/scripts/{DAY}.html",
                      query_string={"token": world["token"]}).get_data(as_text=True)
    players = re.findall(r'<audio controls preload="none" src="([^"]+)"', page)
    downloads = re.findall(r'<a class="download" href="([^"]+)" download>', page)
    token = f"token={world['token']}"
    # 06:00 and its two items, 17:00 and its one; the empty 11:00 has none.
    assert len(players) == len(downloads) == 5
    assert all(token in src for src in players + downloads)
    assert sum("/slots/0600." in src for src in players) == 1 and not any("/slots/1100." in p for p in players)
    assert all("download=1" in href for href in downloads)
    assert sum(f"/items/{world['theft']}." in src for src in players) == 1


def test_a_signed_in_operator_plays_the_audio_without_a_token(client, world):
    require_tool("espeak-ng", "espeak-ng")
    log_in(client, world["operator"])
    page = client.get(f"/radio/stations/{world['station']}/scripts/{DAY}.html").get_data(as_text=True)
    src = re.search(r'<audio controls preload="none" src="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert "token=" not in src
    assert fetch(client, src).status_code == 200


def test_a_name_keeps_no_character_a_file_system_refuses_and_shortens_a_long_title():
    name = audio_name('Đài "Bến/Cảng": thôn*1', date(2026, 1, 2), "mp3", slot=time(17, 30), item_number=3,
                      item_title="Cảnh giác với thủ đoạn lừa đảo chiếm đoạt tài sản qua mạng xã hội trong dịp Tết")
    assert not re.search(r'[\\/:*?"<>|]', name.unicode) and re.fullmatch(r"[a-z0-9._-]+", name.ascii)
    assert name.unicode.startswith("Đài Bến Cảng thôn 1 2026-01-02 17h30 tin 3 Cảnh giác")
    assert name.unicode.endswith(" chiếm đoạt tài….mp3")  # cut at a word, never inside one
    assert len(name.unicode) < 120
    assert audio_name("Đài xã A", date(2026, 1, 2), "ogg").ascii == "dai-xa-a_2026-01-02_ca-ngay.ogg"
