"""The loudspeaker's text: what a radio operator reads aloud, with no links, markup or abbreviations."""

from __future__ import annotations

from content.spoken.messages import spoken_text, to_spoken
from content.spoken.rules import DEFAULT_RULES, SpokenRules
from content.spoken.timing import estimate_seconds

__all__ = ["DEFAULT_RULES", "SpokenRules", "estimate_seconds", "spoken_text", "to_spoken"]
