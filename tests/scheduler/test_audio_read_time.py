"""The read-time estimate against espeak-ng's real audio, on official text: within 10% for each class of it.

Official text is where the estimate is most easily wrong: long number words with no comma between them, phone
numbers broken into groups by commas, short sentences. Each class is read once as one paragraph and once a sentence
a line, the two ways a script holds text.
"""

from __future__ import annotations

import pytest

from content.spoken import estimate_seconds, to_spoken
from scheduler.audio.engines import EspeakEngine
from tests.audio_tools import require_tool, wav_seconds
from tests.spoken_official_cases import (
    ADDRESSES,
    BIRTH_YEARS,
    DATE_LISTS,
    DOCUMENTS,
    DOTTED,
    FOURTH_BATCH,
    PERIODS,
    PHONE_LABELS,
    PLATES,
    SECOND_BATCH,
    THIRD_BATCH,
    TIME_SPANS,
    UNSEEN,
)

TOLERANCE = 0.10
CLASSES = {
    "documents": DOCUMENTS, "birth years": BIRTH_YEARS, "addresses": ADDRESSES, "date lists": DATE_LISTS,
    "time spans": TIME_SPANS, "periods": PERIODS, "phone labels": PHONE_LABELS, "dotted short forms": DOTTED,
    "number plates": PLATES, "unseen sentences": UNSEEN + SECOND_BATCH + THIRD_BATCH + FOURTH_BATCH,
}


@pytest.fixture(scope="module")
def espeak() -> EspeakEngine:
    require_tool("espeak-ng", "espeak-ng")
    return EspeakEngine()


def as_sentence(text: str) -> str:
    text = text.strip().rstrip(";,:")
    return text if text.endswith((".", "!", "?", "…")) else f"{text}."


def spoken_sentences(cases: list[tuple[str, str]]) -> list[str]:
    return [as_sentence(to_spoken(written)) for written, _ in cases]


@pytest.mark.parametrize("joiner", [" ", "\n"], ids=["one paragraph", "a sentence a line"])
@pytest.mark.parametrize("name", list(CLASSES))
def test_the_estimate_is_within_ten_percent_of_espeaks_audio(espeak, tmp_path, name, joiner):
    text = joiner.join(spoken_sentences(CLASSES[name]))
    out = tmp_path / "read.wav"
    espeak.synthesize(text, out)
    seconds, estimate = wav_seconds(out), estimate_seconds(text)
    assert seconds > 20  # long enough that rounding up to a whole second does not decide the outcome
    assert abs(seconds - estimate) <= TOLERANCE * estimate, f"{name}: audio {seconds:.1f} s, estimate {estimate} s"


def test_a_comma_is_a_breath_in_the_estimate():
    grouped = "Gọi không chín một hai, ba bốn năm, sáu bảy tám."
    assert estimate_seconds(grouped, pace=60) == estimate_seconds(grouped.replace(",", ""), pace=60) + 1  # 2 × 0.3 s
