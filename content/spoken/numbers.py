"""Numbers as a Vietnamese announcer says them: mốt, tư, lăm, linh, "không trăm", nghìn, triệu, tỷ."""

from __future__ import annotations

import re

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
# Past tỷ the scales stack ("nghìn tỷ", "triệu tỷ"), which is how large budgets are read.
_SCALES = ("", "nghìn", "triệu")
# After "mươi" (twenty and up) 1, 4 and 5 change their sound; after "mười" only 5 does.
_UNITS_AFTER_MUOI = {1: "mốt", 4: "tư", 5: "lăm"}
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_PLAIN = re.compile(r"\d+(?:,\d+)?")
# Ungrouped runs this long are identifiers (accounts, ID cards), not quantities anyone says as one number.
LONGEST_QUANTITY = 9
# Grouped, a number may be a budget in "nghìn tỷ"; past this many digits it is no amount anyone reads out (and past
# 4,300 Python refuses to make it an int at all).
LONGEST_GROUPED = 24


def _below_thousand(n: int, *, inner: bool) -> list[str]:
    """:param inner: a higher group was said before, so an empty hundreds place is still spoken."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or inner:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            words += ["linh", DIGITS[units]] if words else [DIGITS[units]]
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
    else:
        words += [DIGITS[tens], "mươi"]
        if units:
            words.append(_UNITS_AFTER_MUOI.get(units, DIGITS[units]))
    return words


def _scale(index: int) -> list[str]:
    base, stacked = _SCALES[index % 3], ["tỷ"] * (index // 3)
    return ([base] if base else []) + stacked


def integer_words(n: int) -> str:
    if n == 0:
        return DIGITS[0]
    groups: list[int] = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    words: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        if groups[index]:
            words += _below_thousand(groups[index], inner=bool(words)) + _scale(index)
    return " ".join(words)


def text_before(match: re.Match[str], width: int = 60) -> str:
    """The last `width` characters before a match: what a rule looks back at, bounded so that a line of
    100,000 matches is not read back to its start from each of them."""
    return match.string[max(0, match.start() - width):match.start()]


def digit_words(digits: str) -> str:
    return " ".join(DIGITS[int(d)] for d in digits if d.isdigit())


def grouped_digit_words(groups: list[str]) -> str:
    """Digit by digit, a short breath between the groups: "không chín một hai, ba bốn năm"."""
    return ", ".join(digit_words(group) for group in groups if group)


def split_for_reading(digits: str) -> list[str]:
    """Threes from the left, never a lone digit at the end: how people read a code back."""
    if len(digits) <= 4:
        return [digits]
    groups = [digits[i:i + 3] for i in range(0, len(digits), 3)]
    if len(groups[-1]) == 1:
        groups[-2:] = [groups[-2] + groups[-1]]
    return groups


def _fraction_words(digits: str) -> str:
    """After "phẩy": leading zeros one by one, the rest as a number while it stays short."""
    stripped = digits.lstrip("0")
    zeros = [DIGITS[0]] * (len(digits) - len(stripped))
    if not stripped:
        return " ".join(zeros)
    rest = integer_words(int(stripped)) if len(stripped) <= 3 else digit_words(stripped)
    return " ".join(zeros + [rest])


def number_words(token: str) -> str:
    """A written number ("1.005", "12,5", "2.1", "0091") in words."""
    if _GROUPED.fullmatch(token) or _PLAIN.fullmatch(token):
        is_grouped = "." in token
        whole, _, fraction = token.replace(".", "").partition(",")
        too_long = len(whole) > (LONGEST_GROUPED if is_grouped else LONGEST_QUANTITY)
        if too_long or not is_grouped and whole.startswith("0") and len(whole) > 2:
            spoken = grouped_digit_words(split_for_reading(whole))
        else:
            spoken = integer_words(int(whole))
        return f"{spoken} phẩy {_fraction_words(fraction)}" if fraction else spoken
    # Not a well-formed Vietnamese number ("2.1" section numbers, "4.0"): each part, joined as written.
    parts = re.split(r"([.,])", token)
    return " ".join(number_words(p) if p.isdigit() else ("chấm" if p == "." else "phẩy") for p in parts if p)


def ordinal_words(n: int) -> str:
    """"thứ nhất", "thứ tư": the two ordinals that are not the plain number."""
    return {1: "nhất", 4: "tư"}.get(n, integer_words(n))


def month_words(n: int) -> str:
    """April is "tháng tư", never "tháng bốn"."""
    return "tư" if n == 4 else integer_words(n)


_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman_value(token: str) -> int | None:
    if not token or not _ROMAN.fullmatch(token):
        return None
    total = 0
    for current, following in zip(token, token[1:] + " "):
        value = _ROMAN_VALUES[current]
        total += -value if value < _ROMAN_VALUES.get(following, 0) else value
    return total
