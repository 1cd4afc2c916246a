"""Audio for a running order of texts and pauses: keyed by what is said and how, made once, then cached."""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scheduler.audio.cache import AudioCache
from scheduler.audio.encoding import MEDIA_TYPES, FfmpegEncoder
from scheduler.audio.engines import SpeechEngine
from scheduler.audio.waves import join_waves

# Part of every key: raise it when joining or encoding changes, so files made the old way are not served.
LAYOUT_VERSION = 1


@dataclass(frozen=True)
class Pause:
    seconds: float


Part = str | Pause


@dataclass(frozen=True)
class AudioStudio:
    """What it takes to make audio here: a voice, an encoder and a place to keep the results."""

    engine: SpeechEngine
    cache: AudioCache
    encoder: FfmpegEncoder = field(default_factory=FfmpegEncoder)


@dataclass(frozen=True)
class AudioFile:
    path: Path
    key: str
    fmt: str

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES[self.fmt]


def audio_key(engine: SpeechEngine, fmt: str, parts: Sequence[Part]) -> str:
    """Known before any synthesis, so an unchanged script answers 304 without touching the engine."""
    said = [part if isinstance(part, str) else {"pause": part.seconds} for part in parts]
    blob = json.dumps([LAYOUT_VERSION, engine.name, engine.voice, engine.speed, fmt, said], ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def cached_audio(studio: AudioStudio, parts: Sequence[Part], fmt: str) -> AudioFile | None:
    key = audio_key(studio.engine, fmt, parts)
    path = studio.cache.cached(key, fmt)
    return AudioFile(path, key, fmt) if path else None


def make_audio(studio: AudioStudio, parts: Sequence[Part], fmt: str) -> AudioFile:
    """The audio of parts in fmt (mp3, ogg or wav), made now unless an identical one is cached."""
    if fmt not in MEDIA_TYPES:
        raise ValueError(f"unknown audio format {fmt!r}")
    key = audio_key(studio.engine, fmt, parts)
    path = studio.cache.produce(key, fmt, lambda out: _record(studio, parts, fmt, out))
    return AudioFile(path, key, fmt)


def _record(studio: AudioStudio, parts: Sequence[Part], fmt: str, out: Path) -> None:
    if fmt == "wav":
        with tempfile.TemporaryDirectory(prefix="loa-audio-") as work:
            _speak(studio.engine, parts, out, Path(work))
        return
    # Refuse before synthesizing: minutes of speech are wasted if they cannot be encoded.
    studio.encoder.require(fmt)
    with tempfile.TemporaryDirectory(prefix="loa-audio-") as work:
        speech = Path(work) / "speech.wav"
        _speak(studio.engine, parts, speech, Path(work))
        studio.encoder.encode(speech, out, fmt)


def _speak(engine: SpeechEngine, parts: Sequence[Part], out: Path, work: Path) -> None:
    if len(parts) == 1 and isinstance(parts[0], str):
        engine.synthesize(parts[0], out)
        return
    pieces: list[Path | float] = []
    for number, part in enumerate(parts):
        if isinstance(part, Pause):
            pieces.append(part.seconds)
            continue
        piece = work / f"{number}.wav"
        engine.synthesize(part, piece)
        pieces.append(piece)
    join_waves(pieces, out)
