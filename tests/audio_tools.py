"""The real audio tools for tests: skipped on a dev machine without them, a failure in CI (.ci/run installs them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import wave
from pathlib import Path

import pytest

# Measured with espeak-ng 1.51 at -s 124 on notices and on each class of official text
# (tests/scheduler/test_audio_read_time.py): every audio within 8% of estimate_seconds. At -s 135, the old
# default, plain words ran 11% faster than the estimate and number-heavy official text 10-16% short. ±10% is
# the promise; it still catches espeak's own default of 175 words a minute, whose audio comes out 25% short.
TOLERANCE = 0.10


def require_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is missing in CI: .ci/run should have installed Debian's {package}")
        pytest.skip(f"{name} is not installed (apt-get install {package})")
    return path


def wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as reader:
        return reader.getnframes() / reader.getframerate()


def probed_seconds(path: Path) -> float:
    """What ffprobe reads from the file itself, for MP3 and OGG whose headers Python cannot parse."""
    ffprobe = require_tool("ffprobe", "ffmpeg")
    output = subprocess.run([ffprobe, "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
                            capture_output=True, text=True, check=True, timeout=30).stdout
    return float(output)


def assert_near_estimate(seconds: float, estimate: float) -> None:
    assert abs(seconds - estimate) <= TOLERANCE * estimate, f"audio {seconds:.1f} s, estimate {estimate} s"
