"""Why audio could not be made, in words an admin can act on."""

from __future__ import annotations

from content.errors import LoaError


class AudioUnavailable(LoaError):
    """A tool the audio needs is not installed; the message names the Debian package to install."""


class AudioFailed(LoaError):
    """A tool is installed but failed or took too long on this text."""
