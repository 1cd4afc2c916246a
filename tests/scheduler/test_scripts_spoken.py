"""Spoken texts kept between builds: reused while the message is unchanged, read afresh when it is saved."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

import scheduler.radio_scripts.spoken_cache
from content.models import Message, MessageKind, Role
from content.spoken.dictionary import add_abbreviation
from scheduler.radio_scripts.building import build_scripts
from scheduler.radio_scripts.spoken_cache import SpokenCache
from tests.factories import make_area, make_station, make_user
from tests.radio_scenarios import on_air

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def readings(monkeypatch) -> list[int]:
    """The ids of the messages whose spoken text was actually derived, in order."""
    calls: list[int] = []
    real = scheduler.radio_scripts.spoken_cache.spoken_text

    def counting(message: Message, **options: object) -> str:
        calls.append(message.id)
        return real(message, **options)

    monkeypatch.setattr(scheduler.radio_scripts.spoken_cache, "spoken_text", counting)
    return calls


def message(id: int, version: int, title: str = "Cảnh giác lừa đảo") -> Message:
    return Message(id=id, version=version, kind=MessageKind.NOTICE, title=title,
                   body_md="Không chuyển tiền cho người lạ.", body_html="<p>Không chuyển tiền cho người lạ.</p>")


def test_an_unchanged_message_is_read_once(readings):
    cache = SpokenCache()
    first = cache.text(message(1, 1))
    assert cache.text(message(1, 1)) == first and readings == [1]


def test_a_saved_message_is_read_again(readings):
    cache = SpokenCache()
    cache.text(message(1, 1, "Tin cũ"))
    assert cache.text(message(1, 2, "Tin mới")).startswith("Tin mới") and readings == [1, 1]


def test_an_entry_expires_so_a_dictionary_edit_reaches_scripts(readings):
    clock = Clock()
    cache = SpokenCache(max_age=300, clock=clock)
    cache.text(message(1, 1))
    clock.now += 299
    cache.text(message(1, 1))
    clock.now += 2
    cache.text(message(1, 1))
    assert readings == [1, 1]


def test_the_least_recently_used_entries_go_first(readings):
    cache = SpokenCache(max_entries=2)
    for n in (1, 2, 1, 3):
        cache.text(message(n, 1))
    cache.text(message(1, 1))
    cache.text(message(2, 1))
    assert len(cache) == 2 and readings == [1, 2, 3, 2]


def test_a_build_reads_the_stored_spoken_texts_and_nothing_afresh(session, readings):
    station = make_station(session, make_area(session, parent=make_area(session)))
    on_air(session, station, "Tin buổi sáng", datetime(2026, 11, 24, 6, tzinfo=ZONE))
    on_air(session, station, "Tin buổi chiều", datetime(2026, 11, 24, 17, tzinfo=ZONE))
    cache = SpokenCache()
    first = build_scripts(session, [station], [date(2026, 11, 24)], zone=ZONE, spoken=cache)
    assert readings == [] and first[station.id, date(2026, 11, 24)].item_count == 2


def test_after_a_dictionary_edit_the_first_build_reads_afresh_and_the_second_reads_nothing(session, readings, now):
    station = make_station(session, make_area(session, parent=make_area(session)))
    on_air(session, station, "Tin buổi sáng: BCH xã họp", datetime(2026, 11, 24, 6, tzinfo=ZONE))
    on_air(session, station, "Tin buổi chiều", datetime(2026, 11, 24, 17, tzinfo=ZONE))
    add_abbreviation(session, make_user(session, role=Role.ADMIN, area=None), abbreviation="BCH",
                     expansion="ban chỉ huy", now=now)
    cache = SpokenCache()
    first = build_scripts(session, [station], [date(2026, 11, 24)], zone=ZONE, spoken=cache)
    assert len(readings) == 2
    assert "ban chỉ huy xã họp" in first[station.id, date(2026, 11, 24)].slots[0].items[0].text
    assert build_scripts(session, [station], [date(2026, 11, 24)], zone=ZONE, spoken=cache) == first
    assert len(readings) == 2
