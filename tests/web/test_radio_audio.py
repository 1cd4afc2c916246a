"""Audio over the radio API: the station's token, real espeak-ng speech, 304s, and a podcast feed a box can pull."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from lxml import etree

from campaigns.planning import plan_deliveries
from campaigns.station_tokens import issue_station_token
from content.messages import MessageInput, create_message, transition_message
from content.models import MessageKind, Role
from scheduler.audio.programme import SLOT_PAUSE
from tests.audio_tools import assert_near_estimate, probed_seconds, require_tool, wav_seconds
from tests.factories import make_area, make_station, make_user

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
MORNING = ("Phòng chống cháy nổ mùa khô", "Trời hanh khô, nguy cơ cháy rất cao. Bà con không đốt rác, đốt rơm gần "
           "nhà và chuồng trại, tắt bếp và rút phích điện trước khi đi ngủ, để bình chữa cháy ở nơi dễ lấy. "
           "Khi có cháy, hãy hô hoán mọi người và gọi ngay số một một bốn.")
EVENING = ("Cảnh giác lừa đảo qua mạng", "Không chuyển tiền cho người lạ, không bấm vào đường dẫn lạ.")
LATER = ("Tin tháng sau", "Thông báo này phát sau tuần tới, chưa có trong danh sách tải về.")


@pytest.fixture(autouse=True)
def tools() -> None:
    require_tool("espeak-ng", "espeak-ng")
    require_tool("ffmpeg", "ffmpeg")


def on_air(session, station, title: str, body: str, due: datetime, now: datetime) -> int:
    editor = make_user(session, role=Role.EDITOR, area=station.area)
    approver = make_user(session, role=Role.APPROVER, area=station.area)
    message = create_message(session, editor, MessageInput(kind=MessageKind.NOTICE, title=title, body_md=body,
                                                           area_id=station.area.id), now=now)
    transition_message(session, message, "submit", actor=editor, now=now)
    transition_message(session, message, "approve", actor=approver, now=now)
    [delivery] = plan_deliveries(session, message, actor=approver, due_at=due, now=now, stations=[station])
    return delivery.id


@pytest.fixture
def world(session, now):
    """A commune station with a token, two notices on 24 November and one a fortnight later."""
    commune = make_area(session, parent=make_area(session), name="Xã Bến Đò")
    station = make_station(session, commune)
    other = make_station(session, commune, name="Đài thôn Trung")
    token = issue_station_token(station, now=now)
    other_token = issue_station_token(other, now=now)
    morning = on_air(session, station, *MORNING, datetime(2026, 11, 24, 6, tzinfo=ZONE), now)
    evening = on_air(session, station, *EVENING, datetime(2026, 11, 24, 17, tzinfo=ZONE), now)
    on_air(session, station, *LATER, datetime(2026, 12, 8, 6, tzinfo=ZONE), now)
    session.commit()
    return {"station": station.id, "token": token, "other_token": other_token, "morning": morning,
            "evening": evening}


def fetch(client, path: str, **options):
    """The whole answer read and its file closed: audio is sent straight from the cache file."""
    with client.get(path, **options) as response:
        response.get_data()
    return response


def script_path(world, ext: str = "mp3") -> str:
    return f"/radio/stations/{world['station']}/scripts/2026-11-24.{ext}"


def test_a_station_token_fetches_its_days_script_as_mp3_of_about_the_read_time(client, world, tmp_path):
    response = fetch(client, script_path(world), query_string={"token": world["token"]})
    assert response.status_code == 200
    assert response.mimetype == "audio/mpeg" and response.headers["ETag"]
    assert "private" in response.headers["Cache-Control"]
    saved = tmp_path / "script.mp3"
    saved.write_bytes(response.data)
    text = fetch(client, script_path(world, "json"), headers={"Authorization": f"Bearer {world['token']}"}).get_json()
    morning, evening = (slot["total_seconds"] for slot in text["slots"])
    assert_near_estimate(probed_seconds(saved), morning + SLOT_PAUSE.seconds + evening)


def test_an_unchanged_script_answers_304_without_a_body(client, world):
    first = fetch(client, script_path(world, "ogg"), headers={"Authorization": f"Bearer {world['token']}"})
    assert first.status_code == 200 and first.mimetype == "audio/ogg"
    again = fetch(client, script_path(world, "ogg"), headers={"Authorization": f"Bearer {world['token']}",
                                                           "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]


def test_a_player_can_fetch_part_of_the_audio(client, world):
    whole = fetch(client, script_path(world), query_string={"token": world["token"]})
    part = fetch(client, script_path(world), query_string={"token": world["token"]}, headers={"Range": "bytes=0-99"})
    assert part.status_code == 206 and part.data == whole.data[:100]


def test_each_item_is_its_own_audio_as_long_as_its_estimate(client, world, tmp_path):
    path = f"/radio/stations/{world['station']}/scripts/2026-11-24/items/{world['morning']}.wav"
    response = fetch(client, path, query_string={"token": world["token"]})
    assert response.status_code == 200 and response.mimetype == "audio/wav"
    saved = tmp_path / "item.wav"
    saved.write_bytes(response.data)
    [slot, _] = fetch(client, script_path(world, "json"), query_string={"token": world["token"]}).get_json()["slots"]
    assert_near_estimate(wav_seconds(saved), slot["items"][0]["seconds"])


def test_audio_needs_this_stations_token(client, world):
    assert fetch(client, script_path(world)).status_code == 403
    assert fetch(client, script_path(world), query_string={"token": "sai-ma"}).status_code == 403
    assert fetch(client, script_path(world), query_string={"token": world["other_token"]}).status_code == 403


def test_an_unknown_audio_format_is_not_found(client, world):
    auth = {"token": world["token"]}
    assert fetch(client, script_path(world, "flac"), query_string=auth).status_code == 404
    item = f"/radio/stations/{world['station']}/scripts/2026-11-24/items/{world['morning']}.flac"
    assert fetch(client, item, query_string=auth).status_code == 404


def test_an_item_from_another_day_is_not_found(client, world):
    path = f"/radio/stations/{world['station']}/scripts/2026-11-25/items/{world['morning']}.mp3"
    response = fetch(client, path, query_string={"token": world["token"]}, headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert "25/11/2026" in response.get_json()["detail"]


def test_a_day_with_nothing_to_read_has_no_audio(client, world):
    path = f"/radio/stations/{world['station']}/scripts/2026-11-26.mp3"
    assert fetch(client, path, query_string={"token": world["token"]}).status_code == 404


def test_without_espeak_the_audio_answers_503_saying_what_to_install(app, client, world, tmp_path):
    app.config["AUDIO_ESPEAK"] = str(tmp_path / "khong-co" / "espeak-ng")
    response = fetch(client, script_path(world), query_string={"token": world["token"]},
                          headers={"Accept": "application/json"})
    assert response.status_code == 503
    assert "apt-get install espeak-ng" in response.get_json()["detail"]
    page = fetch(client, script_path(world), query_string={"token": world["token"]})
    assert page.status_code == 503 and "espeak-ng" in page.get_data(as_text=True)


def podcast(client, world):
    response = fetch(client, f"/radio/stations/{world['station']}/podcast.xml", query_string={"token": world["token"]})
    assert response.status_code == 200 and response.mimetype == "application/rss+xml"
    return response, etree.fromstring(response.data)


def test_the_podcast_lists_the_weeks_audio_with_the_token_in_every_enclosure(client, world):
    _, feed = podcast(client, world)
    channel = feed.find("channel")
    assert channel.findtext(f"{{{ITUNES}}}block") == "yes" and channel.findtext(f"{{{ITUNES}}}explicit") == "no"
    titles = [entry.findtext("title") for entry in channel.iter("item")]
    assert len(titles) == 3 and not any(LATER[0] in title for title in titles)
    assert any(MORNING[0] in title for title in titles) and any(EVENING[0] in title for title in titles)
    for entry in channel.iter("item"):
        enclosure = entry.find("enclosure")
        assert enclosure.get("type") == "audio/mpeg"
        assert parse_qs(urlsplit(enclosure.get("url")).query)["token"] == [world["token"]]
        assert int(entry.findtext(f"{{{ITUNES}}}duration")) > 0


def test_a_box_can_follow_the_podcasts_enclosures_and_then_sees_their_length(client, world):
    _, feed = podcast(client, world)
    [day] = [e for e in feed.iter("item") if e.findtext("title").startswith("Chương trình ngày")]
    url = urlsplit(day.find("enclosure").get("url"))
    assert day.find("enclosure").get("length") == "0"
    audio = fetch(client, url.path, query_string=url.query)
    assert audio.status_code == 200 and audio.mimetype == "audio/mpeg"
    _, feed = podcast(client, world)
    [day] = [e for e in feed.iter("item") if e.findtext("title").startswith("Chương trình ngày")]
    assert day.find("enclosure").get("length") == str(len(audio.data))


def test_the_podcast_needs_the_token_and_answers_304_when_unchanged(client, world):
    assert fetch(client, f"/radio/stations/{world['station']}/podcast.xml").status_code == 403
    response, _ = podcast(client, world)
    again = fetch(client, f"/radio/stations/{world['station']}/podcast.xml", query_string={"token": world["token"]},
                       headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304


def test_the_audio_reads_the_spoken_texts_the_script_route_worked_out(client, session, world, now, monkeypatch):
    import content.public_forms
    import scheduler.radio_scripts.spoken_cache
    from content.spoken.dictionary import add_abbreviation

    # A dictionary edit after the notices were saved: their stored spoken texts are read afresh, once.
    add_abbreviation(session, make_user(session, role=Role.ADMIN, area=None), abbreviation="BCH",
                     expansion="ban chỉ huy", now=now)
    session.commit()
    readings: list[int] = []
    real = scheduler.radio_scripts.spoken_cache.spoken_text

    def counting(message, **options):  # type: ignore[no-untyped-def]
        readings.append(message.id)
        return real(message, **options)

    # Read afresh through the app's cache, or without one (content.public_forms): both are counted.
    monkeypatch.setattr(scheduler.radio_scripts.spoken_cache, "spoken_text", counting)
    monkeypatch.setattr(content.public_forms, "spoken_text", counting)
    auth = {"Authorization": f"Bearer {world['token']}"}
    assert fetch(client, script_path(world, "json"), headers=auth).status_code == 200
    assert len(readings) == 2
    # "*" matches any version: the answer is a 304 once the script is built, without waiting for speech.
    assert fetch(client, script_path(world), headers={**auth, "If-None-Match": "*"}).status_code == 304
    item = f"/radio/stations/{world['station']}/scripts/2026-11-24/items/{world['morning']}.ogg"
    assert fetch(client, item, headers={**auth, "If-None-Match": "*"}).status_code == 304
    assert len(readings) == 2
