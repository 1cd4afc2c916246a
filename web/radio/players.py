"""What the staff pages need to put a player and a download button beside each slot and item."""

from __future__ import annotations

from flask import current_app

from scheduler.audio.encoding import FfmpegEncoder, playable_format


def page_audio_format() -> str:
    """The configured format, or WAV when this server has no ffmpeg: a button must never lead to a 503."""
    return playable_format(current_app.config["AUDIO_FORMAT"], FfmpegEncoder())
