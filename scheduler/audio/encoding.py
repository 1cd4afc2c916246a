"""WAV → MP3 or OGG with ffmpeg; without ffmpeg only WAV can be served."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from content.wording import Text
from scheduler.audio.errors import AudioFailed, AudioUnavailable

MEDIA_TYPES = {"mp3": "audio/mpeg", "ogg": "audio/ogg", "wav": "audio/wav"}
# Mono speech for horn loudspeakers and weak connections: 48 kb/s MP3 and 32 kb/s Opus are clear
# for a voice and keep a fifteen-minute slot around 5 MB and 3.5 MB.
_CODECS = {
    "mp3": ["-c:a", "libmp3lame", "-b:a", "48k", "-f", "mp3"],
    "ogg": ["-c:a", "libopus", "-b:a", "32k", "-application", "voip", "-f", "ogg"],
}


@dataclass(frozen=True)
class FfmpegEncoder:
    binary: str = "ffmpeg"
    timeout: float = 300.0

    def _executable(self) -> str | None:
        return shutil.which(self.binary)

    def available(self) -> bool:
        return self._executable() is not None

    def require(self, fmt: str) -> str:
        executable = self._executable()
        if executable is None:
            raise AudioUnavailable(Text(
                "Máy chủ chưa cài ffmpeg nên không tạo được tệp %(format)s; hãy tải bản WAV, hoặc nhờ quản "
                "trị viên cài gói ffmpeg (Debian/Ubuntu: apt-get install ffmpeg).", format=fmt.upper()
            ))
        return executable

    def encode(self, wav_path: Path, out_path: Path, fmt: str) -> None:
        executable = self.require(fmt)
        command = [executable, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", str(wav_path),
                   "-ac", "1", "-map_metadata", "-1", *_CODECS[fmt], str(out_path)]
        try:
            subprocess.run(command, capture_output=True, check=True, timeout=self.timeout)
        except subprocess.TimeoutExpired:
            raise AudioFailed(Text("ffmpeg không mã hoá xong tệp %(format)s trong %(n)s giây.", format=fmt.upper(),
                                   n=f"{self.timeout:.0f}")) from None
        except subprocess.CalledProcessError as error:
            detail = error.stderr.decode("utf-8", "replace").strip()[:300]
            raise AudioFailed(Text("ffmpeg báo lỗi (mã %(code)s): %(detail)s", code=error.returncode,
                                   detail=detail)) from None


def playable_format(preferred: str, encoder: FfmpegEncoder) -> str:
    """The preferred format when it can be made here, WAV when ffmpeg is missing."""
    if preferred not in MEDIA_TYPES:
        raise AudioFailed(Text("Định dạng âm thanh '%(format)s' không được hỗ trợ; hãy chọn mp3, ogg hoặc wav.",
                               format=preferred))
    return preferred if preferred == "wav" or encoder.available() else "wav"
