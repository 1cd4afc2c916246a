"""Audio of scripts: real espeak-ng speech as long as its estimate, made once, cached, and refused clearly."""

from __future__ import annotations

import threading
import wave
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from campaigns.planning import plan_deliveries
from content.messages import MessageInput, create_message, transition_message
from content.models import MessageKind, Role
from content.spoken import estimate_seconds
from scheduler.audio.cache import AudioCache
from scheduler.audio.encoding import FfmpegEncoder, playable_format
from scheduler.audio.engines import EspeakEngine
from scheduler.audio.errors import AudioFailed, AudioUnavailable
from scheduler.audio.production import AudioStudio, Pause, audio_key, cached_audio, make_audio
from scheduler.audio.programme import SLOT_PAUSE, script_programme
from scheduler.audio.waves import join_waves
from scheduler.radio_scripts.building import DailyScript, SlotScript, build_daily_script
from tests.audio_tools import assert_near_estimate, probed_seconds, require_tool, wav_seconds
from tests.factories import make_area, make_station, make_user

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 11, 20, 1, 0, tzinfo=timezone.utc)
NOTICE = (
    "Công an xã thông báo: thời gian gần đây có nhiều cuộc gọi giả danh cán bộ công an, yêu cầu người dân "
    "chuyển tiền để phục vụ điều tra. Công an không bao giờ làm việc qua điện thoại như vậy. Khi nhận cuộc "
    "gọi đáng ngờ, bà con hãy báo ngay cho công an xã hoặc gọi số một một ba."
)
FIRE = "Bà con chú ý, tối nay thôn Đông họp dân bàn về phòng cháy chữa cháy. Mời mỗi hộ cử một người tới dự."
OTP = "Không cung cấp mã xác thực cho bất kỳ ai, kể cả người tự xưng là cán bộ ngân hàng."


@pytest.fixture
def espeak() -> EspeakEngine:
    require_tool("espeak-ng", "espeak-ng")
    return EspeakEngine()


@pytest.fixture
def ffmpeg() -> FfmpegEncoder:
    require_tool("ffmpeg", "ffmpeg")
    return FfmpegEncoder()


@dataclass
class CountingEngine:
    """A real engine, counted: caching is seen in how often it is asked to speak."""

    inner: EspeakEngine
    calls: list[str] = field(default_factory=list)
    name: str = "espeak-ng"
    voice: str = "vi"
    speed: int = 124

    def available(self) -> bool:
        return self.inner.available()

    def synthesize(self, text: str, out_path: Path) -> None:
        self.calls.append(text)
        self.inner.synthesize(text, out_path)


def on_air(session, station, title: str, body: str, due: datetime) -> None:
    editor = make_user(session, role=Role.EDITOR, area=station.area)
    approver = make_user(session, role=Role.APPROVER, area=station.area)
    message = create_message(session, editor, MessageInput(kind=MessageKind.NOTICE, title=title, body_md=body,
                                                           area_id=station.area.id), now=NOW)
    transition_message(session, message, "submit", actor=editor, now=NOW)
    transition_message(session, message, "approve", actor=approver, now=NOW)
    plan_deliveries(session, message, actor=approver, due_at=due, now=NOW, stations=[station])


def two_slot_script(session) -> DailyScript:
    """Built the way the radio API builds it, so the audio follows the script's own opening and pauses."""
    station = make_station(session, make_area(session, parent=make_area(session), name="Xã Bến Đò"))
    on_air(session, station, "Họp dân về phòng cháy", FIRE, datetime(2026, 11, 24, 6, tzinfo=ZONE))
    on_air(session, station, "Giữ kín mã xác thực", OTP, datetime(2026, 11, 24, 6, tzinfo=ZONE))
    on_air(session, station, "Cuộc gọi giả danh công an", NOTICE, datetime(2026, 11, 24, 17, tzinfo=ZONE))
    return build_daily_script(session, station, date(2026, 11, 24), zone=ZONE)


def studio_in(tmp_path: Path, engine, encoder: FfmpegEncoder | None = None) -> AudioStudio:
    return AudioStudio(engine=engine, cache=AudioCache(tmp_path / "audio"), encoder=encoder or FfmpegEncoder())


def test_espeak_reads_a_vietnamese_notice_in_about_its_estimated_time(espeak, tmp_path):
    out = tmp_path / "notice.wav"
    espeak.synthesize(NOTICE, out)
    assert_near_estimate(wav_seconds(out), estimate_seconds(NOTICE))


@pytest.mark.parametrize(("fmt", "magic"), [("mp3", (b"ID3", b"\xff\xfb", b"\xff\xf3")), ("ogg", (b"OggS",))])
def test_encoded_audio_keeps_the_length_of_the_speech(espeak, ffmpeg, tmp_path, fmt, magic):
    audio = make_audio(studio_in(tmp_path, espeak, ffmpeg), (NOTICE,), fmt)
    assert audio.path.suffix == f".{fmt}" and audio.path.read_bytes().startswith(magic)
    assert_near_estimate(probed_seconds(audio.path), estimate_seconds(NOTICE))


def test_a_whole_script_reads_each_slot_as_its_read_time_counts_it(espeak, session, tmp_path):
    script = two_slot_script(session)
    morning, evening = script.slots
    parts = script_programme(script)
    texts = [part for part in parts if isinstance(part, str)]
    assert FIRE in texts[1] and OTP in texts[2] and NOTICE in texts[5]
    assert texts[0] == morning.opening and texts[-1] == evening.closing
    pauses = [part for part in parts if isinstance(part, Pause)]
    assert pauses.count(SLOT_PAUSE) == 1 and len(pauses) == morning.pauses + evening.pauses + 1
    audio = make_audio(studio_in(tmp_path, espeak), parts, "wav")
    assert_near_estimate(wav_seconds(audio.path), morning.total_seconds + SLOT_PAUSE.seconds + evening.total_seconds)


def test_a_day_with_nothing_to_read_has_no_audio():
    empty = DailyScript(station_id=1, station_name="Đài xã Bến Đò", day=date(2026, 11, 24),
                        slots=(SlotScript(starts_at=time(6), minutes=15, items=()),))
    assert script_programme(empty) == ()


def test_the_same_text_is_synthesized_once_then_served_from_the_cache(espeak, tmp_path):
    engine = CountingEngine(espeak)
    studio = studio_in(tmp_path, engine)
    first = make_audio(studio, (FIRE,), "wav")
    made_at = first.path.stat().st_mtime_ns
    second = make_audio(studio, (FIRE,), "wav")
    assert engine.calls == [FIRE]
    assert second == first and second.path.stat().st_mtime_ns == made_at
    assert cached_audio(studio, (FIRE,), "wav") == first


def test_the_key_changes_with_the_text_voice_speed_format_and_pauses(espeak):
    key = audio_key(espeak, "mp3", (FIRE,))
    assert key == audio_key(EspeakEngine(), "mp3", (FIRE,))
    others = {
        audio_key(espeak, "mp3", (OTP,)),
        audio_key(EspeakEngine(voice="vi-vn-x-south"), "mp3", (FIRE,)),
        audio_key(EspeakEngine(speed=150), "mp3", (FIRE,)),
        audio_key(espeak, "ogg", (FIRE,)),
        audio_key(espeak, "mp3", (FIRE, Pause(2.0), OTP)),
        audio_key(espeak, "mp3", (FIRE, Pause(3.0), OTP)),
    }
    assert key not in others and len(others) == 6


def test_two_requests_for_the_same_audio_wait_for_one_synthesis(espeak, tmp_path):
    speaking, release = threading.Event(), threading.Event()

    class SlowEngine(CountingEngine):
        def synthesize(self, text: str, out_path: Path) -> None:
            speaking.set()
            release.wait(timeout=10)
            super().synthesize(text, out_path)

    engine = SlowEngine(espeak)
    studio = studio_in(tmp_path, engine)
    results: list[Path] = []
    first = threading.Thread(target=lambda: results.append(make_audio(studio, (OTP,), "wav").path))
    second = threading.Thread(target=lambda: results.append(make_audio(studio, (OTP,), "wav").path))
    first.start()
    assert speaking.wait(timeout=10)
    second.start()
    second.join(timeout=0.3)
    assert second.is_alive(), "the second request should be waiting for the first synthesis"
    release.set()
    first.join(timeout=30)
    second.join(timeout=30)
    assert engine.calls == [OTP]
    assert len(results) == 2 and results[0] == results[1]
    assert wav_seconds(results[0]) > 1


def test_a_missing_engine_says_which_package_to_install(tmp_path):
    engine = EspeakEngine(binary=str(tmp_path / "khong-co" / "espeak-ng"))
    assert not engine.available()
    with pytest.raises(AudioUnavailable, match=r"apt-get install espeak-ng"):
        make_audio(studio_in(tmp_path, engine), (FIRE,), "wav")
    assert not list((tmp_path / "audio").glob("*.wav"))


def test_without_ffmpeg_mp3_is_refused_before_any_speech_and_wav_still_works(espeak, tmp_path):
    engine = CountingEngine(espeak)
    no_ffmpeg = FfmpegEncoder(binary=str(tmp_path / "khong-co" / "ffmpeg"))
    studio = studio_in(tmp_path, engine, no_ffmpeg)
    with pytest.raises(AudioUnavailable, match=r"apt-get install ffmpeg"):
        make_audio(studio, (OTP,), "mp3")
    assert engine.calls == []
    assert playable_format("mp3", no_ffmpeg) == "wav"
    with pytest.raises(AudioFailed, match="flac"):
        playable_format("flac", no_ffmpeg)
    assert make_audio(studio, (OTP,), playable_format("mp3", no_ffmpeg)).path.suffix == ".wav"


def test_a_failing_engine_leaves_nothing_half_written_in_the_cache(espeak, tmp_path):
    broken = EspeakEngine(voice="khong-co-giong-nay")
    with pytest.raises(AudioFailed, match="espeak-ng"):
        make_audio(studio_in(tmp_path, broken), (FIRE,), "wav")
    assert [p.name for p in (tmp_path / "audio").iterdir()] == [".locks"]


def test_waves_of_different_formats_are_not_joined(tmp_path):
    paths = []
    for rate in (22050, 16000):
        path = tmp_path / f"{rate}.wav"
        with wave.open(str(path), "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(rate)
            writer.writeframes(b"\x00\x00" * rate)
        paths.append(path)
    with pytest.raises(AudioFailed):
        join_waves([paths[0], 1.0, paths[1]], tmp_path / "joined.wav")


def test_pauses_are_silence_of_the_stated_length(tmp_path):
    source = tmp_path / "one-second.wav"
    with wave.open(str(source), "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(22050)
        writer.writeframes(b"\x10\x00" * 22050)
    joined = tmp_path / "joined.wav"
    join_waves([source, 2.5, source], joined)
    assert wav_seconds(joined) == pytest.approx(4.5)
    with wave.open(str(joined), "rb") as reader:
        reader.setpos(22050 + 100)
        assert reader.readframes(10) == b"\x00\x00" * 10
