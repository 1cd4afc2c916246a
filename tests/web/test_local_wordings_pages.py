"""A place's own wording from the desk: written, shown in every script format and in the audio, kept in the history."""

from __future__ import annotations

import html
import re
from datetime import datetime

import pytest
from sqlalchemy import select

from campaigns.local_wording_models import LocalWording
from content.models import Role
from tests.audio_tools import assert_near_estimate, require_tool, wav_seconds
from tests.factories import make_user
from tests.radio_scenarios import ZONE, World
from tests.web.helpers import csrf_token, log_in

DUE = datetime(2026, 11, 24, 6, 0, tzinfo=ZONE)
LOCAL = ("Bà con xã Bãi Sậy thấy người lạ dò hỏi nhà vắng chủ, hãy gọi ngay Công an xã Bãi Sậy, "
         "số 0221 3865 112, hoặc báo trưởng thôn Đông Kiều.")


@pytest.fixture
def world(session) -> World:
    """A province, the commune of Bãi Sậy with its station, a neighbouring station; tokens for both."""
    return World(session)


def text_of(response) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(response.get_data(as_text=True))


def add(client, message, place: str, text: str):  # type: ignore[no-untyped-def]
    path = f"/desk/messages/{message.id}/wordings/new"
    return client.post(path, data={"place": place, "text": text, "csrf_token": csrf_token(client, path)})


def saved(session) -> list[LocalWording]:  # type: ignore[no-untyped-def]
    session.rollback()
    return list(session.scalars(select(LocalWording)))


def test_an_officer_writes_a_stations_wording_and_every_format_shows_it(client, session, world):
    message = world.plan("Cảnh giác trộm cắp dịp cuối năm", DUE, stations=[world.station, world.neighbour])
    log_in(client, "bientap")
    form = text_of(client.get(f"/desk/messages/{message.id}/wordings/new"))
    assert "tin tin" in form  # starts from what the stations read now
    assert f'value="station-{world.station.id}"' in form and f'value="area-{world.commune.id}"' in form
    response = add(client, message, f"station-{world.station.id}", LOCAL)
    assert response.status_code == 302
    page = text_of(client.get(f"/desk/messages/{message.id}"))
    assert "Bản riêng cho Đài truyền thanh xã Bãi Sậy" in page and "0221 3865 112" in page
    # In the list of deliveries, the station's row says it reads its own words; the neighbour's does not.
    rows = re.findall(r"<tr><td>Đài: (.*?)</td>", page, re.S)
    assert [("Bản riêng cho" in row) for row in rows] == [True, False]
    assert f"wordings/new?place=station-{world.neighbour.id}" in rows[1]  # one tap to the neighbour's own
    form = text_of(client.get(f"/desk/messages/{message.id}/wordings/new?place=station-{world.neighbour.id}"))
    assert f'value="station-{world.neighbour.id}" selected' in form

    script = text_of(client.get(world.path("html"), headers=world.auth))
    assert "Bản riêng cho Đài truyền thanh xã Bãi Sậy" in script
    assert "không hai hai một, ba tám sáu năm, một một hai" in script  # the number read as words
    plain = client.get(world.path("txt"), headers=world.auth).get_data(as_text=True)
    assert "(Bản riêng cho Đài truyền thanh xã Bãi Sậy)\nBà con xã Bãi Sậy" in plain
    [item] = client.get(world.path("json"), headers=world.auth).get_json()["slots"][0]["items"]
    assert item["wording_for"] == "Đài truyền thanh xã Bãi Sậy" and "trưởng thôn Đông Kiều" in item["text"]

    auth = {"Authorization": f"Bearer {world.neighbour_token}"}
    [other] = client.get(world.path("json", station=world.neighbour), headers=auth).get_json()["slots"][0]["items"]
    assert other["wording_for"] is None and "Bãi Sậy" not in other["text"]
    neighbour_page = text_of(client.get(world.path("html", station=world.neighbour), headers=auth))
    assert "Bản riêng cho" not in neighbour_page


def test_bad_input_is_said_plainly_and_keeps_what_was_typed(client, session, world):
    message = world.plan("Cảnh giác trộm cắp dịp cuối năm", DUE)
    log_in(client, "bientap")
    for place, text, said in [(f"station-{world.station.id}", "  ", "không được để trống"),
                              ("station-999999", LOCAL, "Hãy chọn một đài hoặc một địa bàn."),
                              ("area-99999999999999999999", LOCAL, "Hãy chọn một đài hoặc một địa bàn."),
                              ("đài-1", LOCAL, "Hãy chọn một đài hoặc một địa bàn."),
                              ("", LOCAL, "Hãy chọn một đài hoặc một địa bàn."),
                              (f"station-{world.station.id}", "x" * 8001, "quá giới hạn 8.000 ký tự")]:
        response = add(client, message, place, text)
        assert response.status_code == 400 and said in text_of(response)
        if text.strip():
            assert text[:60] in text_of(response)  # nothing typed is lost
    assert saved(session) == []


def test_markup_in_a_wording_is_shown_as_text_and_never_read_as_tags(client, session, world):
    message = world.plan("Cảnh giác trộm cắp dịp cuối năm", DUE)
    log_in(client, "bientap")
    add(client, message, f"station-{world.station.id}", "<script>alert(1)</script> Gọi <b>113</b>.")
    page = client.get(f"/desk/messages/{message.id}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    script = client.get(world.path("html"), headers=world.auth).get_data(as_text=True)
    assert "<script>alert" not in script and "<b>" not in script and "một một ba" in script


def test_a_wording_is_only_reached_through_its_own_message(client, session, world):
    first = world.plan("Cảnh giác trộm cắp dịp cuối năm", DUE)
    second = world.plan("Phòng chống cháy nổ mùa khô", DUE)
    log_in(client, "bientap")
    add(client, first, f"station-{world.station.id}", LOCAL)
    [wording] = saved(session)
    assert client.get(f"/desk/messages/{second.id}/wordings/{wording.id}").status_code == 404
    path = f"/desk/messages/{second.id}/wordings/{wording.id}/delete"
    token = csrf_token(client, f"/desk/messages/{second.id}")
    assert client.post(path, data={"csrf_token": token}).status_code == 404
    assert [w.id for w in saved(session)] == [wording.id]


def test_edit_remove_and_the_history_says_who_changed_what_for_where(client, session, world):
    message = world.plan("Cảnh giác trộm cắp dịp cuối năm", DUE)
    log_in(client, "bientap")
    add(client, message, f"area-{world.commune.id}", LOCAL)
    [wording] = saved(session)
    path = f"/desk/messages/{message.id}/wordings/{wording.id}"
    assert LOCAL in text_of(client.get(path))
    changed = LOCAL.replace("0221 3865 112", "0221 3865 999")
    assert client.post(path, data={"text": changed, "csrf_token": csrf_token(client, path)}).status_code == 302
    assert [w.text for w in saved(session)] == [changed]
    client.post(f"{path}/delete", data={"csrf_token": csrf_token(client, f"/desk/messages/{message.id}")})
    assert saved(session) == []
    history = text_of(client.get(f"/desk/messages/{message.id}/revisions"))
    section = history[history.index('id="local-wordings"'):]
    assert section.count("Xã Bãi Sậy") == 3 and "3865 112" in section and "3865 999" in section
    assert re.search(r"Xoá bản riêng.*Lưu bản riêng.*Lưu bản riêng", section, re.S)  # newest first
    assert world.editor.full_name in section


def test_people_outside_the_messages_area_or_role_cannot_write_one(client, session, world):
    message = world.plan("Cảnh giác trộm cắp dịp cuối năm", DUE)
    make_user(session, role=Role.EDITOR, area=world.neighbour.area, username="bientap_dongcoi")
    make_user(session, role=Role.ANALYST, area=world.province, username="phantich_tinh")
    session.commit()
    for username in ("bientap_dongcoi", "phantich_tinh"):
        client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/desk/login")})
        log_in(client, username)
        assert client.get(f"/desk/messages/{message.id}/wordings/new").status_code == 403
    page = text_of(client.get(f"/desk/messages/{message.id}"))  # the analyst reads the message, without the button
    assert "Thêm bản riêng" not in page
    assert saved(session) == []


def test_the_audio_reads_the_stations_own_wording(client, session, world, tmp_path):
    require_tool("espeak-ng", "espeak-ng")
    message = world.plan("Cảnh giác trộm cắp dịp cuối năm", DUE)
    log_in(client, "bientap")
    add(client, message, f"station-{world.station.id}", LOCAL + " " + LOCAL)
    [item] = client.get(world.path("json"), headers=world.auth).get_json()["slots"][0]["items"]
    assert item["wording_for"]
    with client.get(f"/radio/stations/{world.station.id}/scripts/2026-11-24/items/{item['delivery_id']}.wav",
                    headers=world.auth) as response:
        assert response.status_code == 200
        (tmp_path / "item.wav").write_bytes(response.get_data())
    assert_near_estimate(wav_seconds(tmp_path / "item.wav"), item["seconds"])
    assert item["seconds"] > 15  # the long local text, not the general one of twenty "tin"


def test_past_the_picker_limit_the_form_offers_areas_and_says_why(client, session, world, monkeypatch):
    import web.desk.local_wordings

    monkeypatch.setattr(web.desk.local_wordings, "STATION_PICKER", 1)
    message = world.plan("Cảnh giác trộm cắp dịp cuối năm", DUE, stations=[world.station, world.neighbour])
    log_in(client, "bientap")
    form = text_of(client.get(f"/desk/messages/{message.id}/wordings/new"))
    assert 'value="station-' not in form and f'value="area-{world.commune.id}"' in form
    assert "hơn 1 đài truyền thanh" in form
    # From a station's row in the deliveries, that one station is offered.
    form = text_of(client.get(f"/desk/messages/{message.id}/wordings/new?place=station-{world.neighbour.id}"))
    assert re.findall(r'value="(station-\d+)"', form) == [f"station-{world.neighbour.id}"]
