"""Vehicle number plates read the way a police notice is read out: "75A-123.45" → "bảy năm A, một hai ba, bốn năm".

Every digit of a plate is said on its own, in the groups the plate is written in, so a listener can note it down;
the letters of the series stay letters.
"""

from __future__ import annotations

import re

from content.spoken.numbers import digit_words, text_before

# The province code (two digits), the series (one or two capitals, maybe a digit), then the serial number:
# "29A-123.45", "75A1-234.56", "30LD 12345", "51F-1234".
_PLATE = re.compile(r"(?<![\w.,/-])(?P<province>\d\d)(?P<series>[A-ZĐ]{1,2})(?P<series_digit>\d?)[-\s]"
                    r"(?P<serial>\d{3}\.\d{2}|\d{4,5})(?![\w.,]\d|\w)")


# "12A-2025" could be a class and a year: a plate without the dot in its serial counts only after one of these.
_PLATE_WORDS = re.compile(r"(?<!\w)(?:(?i:biển số(?: xe)?|biển kiểm soát|xe(?: máy| ô tô| tải| khách)?)|BKS|BSX)"
                          r"\s*:?\s*$")


def _said(match: re.Match[str]) -> str:
    if "." not in match["serial"] and not _PLATE_WORDS.search(text_before(match, 30)):
        return match.group(0)
    series = " ".join(filter(None, (match["series"], digit_words(match["series_digit"]))))
    serial = ", ".join(digit_words(group) for group in match["serial"].split("."))
    return f"{digit_words(match['province'])} {series}, {serial}"


def read_plates(text: str) -> str:
    return _PLATE.sub(_said, text)
