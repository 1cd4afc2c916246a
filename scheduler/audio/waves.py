"""Join WAV files with silences between them, in plain Python: pauses need no ffmpeg."""

from __future__ import annotations

import wave
from collections.abc import Sequence
from pathlib import Path

from content.wording import Text
from scheduler.audio.errors import AudioFailed

_CHUNK_FRAMES = 1 << 16


def join_waves(parts: Sequence[Path | float], out_path: Path) -> None:
    """Each Path is a WAV copied in, each float that many seconds of silence; all WAVs share one format."""
    sources = [part for part in parts if isinstance(part, Path)]
    if not sources:
        raise AudioFailed(Text("Không có đoạn âm thanh nào để ghép."))
    with wave.open(str(sources[0]), "rb") as first:
        channels, width, rate = first.getnchannels(), first.getsampwidth(), first.getframerate()
    # 8-bit WAV is unsigned, so its silence is the midpoint; wider samples are signed.
    silent_frame = (b"\x80" if width == 1 else b"\x00" * width) * channels
    with wave.open(str(out_path), "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        for part in parts:
            if not isinstance(part, Path):
                writer.writeframes(silent_frame * round(part * rate))
                continue
            with wave.open(str(part), "rb") as reader:
                if (reader.getnchannels(), reader.getsampwidth(), reader.getframerate()) != (channels, width, rate):
                    raise AudioFailed(Text("Các đoạn âm thanh khác định dạng, không ghép được (%(name)s).",
                                           name=part.name))
                while frames := reader.readframes(_CHUNK_FRAMES):
                    writer.writeframes(frames)
