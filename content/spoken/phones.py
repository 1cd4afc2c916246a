"""Numbers to dial, read digit by digit in groups, so a listener can write them down while hearing them.

What counts as a number to dial (everything else is a quantity, read as one number):
- a run that starts with 0 and has 10 or 11 digits, in the writer's groups or none ("0912 345 678",
  "0912.345.678", "02438261234"); "+84" counts as the leading 0;
- a 1800/1900 service number, the prefix and 4 or 6 more digits;
- a known short hotline (111–115) standing alone, unless a count follows it ("113 người");
- right after "gọi", "số điện thoại", "đường dây nóng", "liên hệ", "số tài khoản" and the like: the first
  run of at least 3 digits and the groups of 3 or more that follow it, up to 19 digits (bank accounts);
  a short group after it ("gọi 113 2 lần") is a quantity again.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from content.spoken.numbers import grouped_digit_words, split_for_reading
from content.spoken.rules import SpokenRules

_COUNTRY_CODE = re.compile(r"(?<![\w+])\+84[ .-]?(?=\d)")
_START = r"(?<![\w.,/])"
_END = r"(?![\w/]|[.,]\d)"
_RUN = r"\d+(?:[ .-]\d+)*"
MAX_CONTEXT_DIGITS = 19
_CONTEXT_FILLERS = r"(?:\s+(?:ngay|tới|đến|cho|vào|theo|qua|số|máy|là))*"


def _is_dialable(digits: str, rules: SpokenRules) -> bool:
    if digits.startswith(rules.service_prefixes):
        return len(digits) in (8, 10)
    return digits.startswith("0") and len(digits) in (10, 11)


def _groups_for(digits: str) -> list[str]:
    """How a number typed without spaces is read back: mobiles 4-3-3, landlines 3-4-4, services 4-4."""
    if len(digits) == 8:
        return [digits[:4], digits[4:]]
    if len(digits) == 10:
        return [digits[:4], digits[4:7], digits[7:]]
    if len(digits) == 11:
        return [digits[:3], digits[3:7], digits[7:]]
    return split_for_reading(digits)


def _read(groups: list[str]) -> str:
    return grouped_digit_words(groups if len(groups) > 1 else _groups_for(groups[0]))


def _longest_dialable(run: str, rules: SpokenRules) -> tuple[list[str], str] | None:
    """The leading groups of `run` that make a whole number to dial, and what follows them."""
    parts = re.split(r"([ .-])", run)
    groups, rest = parts[0::2], parts[1::2]
    # A number to dial has at most 11 digits, so at most 11 groups: a run of 20,000 groups costs 11 tries, not 20,000².
    for count in range(min(len(groups), 11), 0, -1):
        if _is_dialable("".join(groups[:count]), rules):
            tail = "".join(p for pair in zip(rest[count - 1:], groups[count:]) for p in pair)
            return groups[:count], tail
    return None


def _context_groups(run: str) -> tuple[list[str], str] | None:
    parts = re.split(r"([ .-])", run)
    groups, separators = parts[0::2], parts[1::2]
    count = 1
    while count < len(groups) and len(groups[count]) >= 3 and len("".join(groups[:count + 1])) <= MAX_CONTEXT_DIGITS:
        count += 1
    if not 3 <= len("".join(groups[:count])) <= MAX_CONTEXT_DIGITS:
        return None
    return groups[:count], "".join(p for pair in zip(separators[count - 1:], groups[count:]) for p in pair)


def _replace_run(rules: SpokenRules, *, in_context: bool) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        run = match.group("run")
        found = _longest_dialable(run, rules)
        if found is None:
            found = _context_groups(run) if in_context else None
            if found is None:
                return match.group(0)
        groups, tail = found
        return match.group(0)[: match.start("run") - match.start()] + _read(groups) + tail
    return replace


@lru_cache(maxsize=32)
def _patterns(context_words: tuple[str, ...], prefixes: tuple[str, ...], hotlines: tuple[str, ...],
              counts: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    context = "|".join(map(re.escape, context_words))
    starts = "|".join(["0", *map(re.escape, prefixes)])
    count = "|".join(map(re.escape, counts))
    return (
        re.compile(rf"(?<!\w)(?i:{context}){_CONTEXT_FILLERS}\s*:?\s*(?P<run>{_RUN}){_END}"),
        re.compile(rf"{_START}(?P<run>(?:{starts})\d*(?:[ .-]\d+)*){_END}"),
        re.compile(rf"{_START}(?:{'|'.join(map(re.escape, hotlines))}){_END}(?!\s*(?:%|(?:{count})(?!\w)))"),
    )


def read_phone_numbers(text: str, rules: SpokenRules) -> str:
    after_context, standalone, hotline = _patterns(rules.digits_context, rules.service_prefixes, rules.hotlines,
                                                   rules.count_words)
    text = _COUNTRY_CODE.sub("0", text)
    text = after_context.sub(_replace_run(rules, in_context=True), text)
    text = standalone.sub(_replace_run(rules, in_context=False), text)
    return hotline.sub(lambda m: _read([m.group(0)]), text)
