"""Numbers of official papers read as a listener hears them: "Nghị định 13/2023/NĐ-CP" → "Nghị định mười ba năm
hai nghìn không trăm hai mươi ba của Chính phủ".

A paper's number is its number, the year when one is written, then who issued it in words. The slashes are
never "trên", the code of its kind is never spelled (the kind is said in full when the sentence has not said it),
and the issuer is left out when the sentence names it right after ("… ngày 05/3/2025 của UBND xã") or has named
it already ("UBND xã ban hành Kế hoạch 32/KH-UBND").
Two ways of writing them are read:
- the State's: "32/KH-UBND", "13/2023/NĐ-CP", "55/2014/QH13", "01/2015/TTLT-BCA-BQP", "123/UBND-VP";
- the Party's: "35-CT/TW", "45-NQ/TW".
"""

from __future__ import annotations

import re

from content.spoken.numbers import integer_words, text_before
from content.spoken.rules import SpokenRules

# A part of a code: letters (an "&" inside, as in "PCCC&CNCH"), then maybe the digits of a term ("QH13").
_PART = r"[^\W\d_](?:[^\W\d_]|&)*\d{0,3}"
_CODE = rf"(?P<code>{_PART}(?:-{_PART})*)"
_START = r"(?<![\w.,/-])"
_END = r"(?![\w/-])"
_STATE = re.compile(rf"{_START}(?P<n>\d{{1,5}})(?:/(?P<y>(?:19|20)\d\d))?/{_CODE}{_END}")
_PARTY = re.compile(rf"{_START}(?P<n>\d{{1,5}})-(?P<kind>[^\W\d_]+)/{_CODE}{_END}")
# The sentence names the issuer itself right after the number, maybe after the paper's date.
_ISSUER_FOLLOWS = re.compile(
    r"(?:,?\s+(?i:ngày)\s+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r",?\s+(?:của|do)\s")
_NUMBER_SAID = re.compile(r"(?i:số)\s*:?\s*$")
_SENTENCE_END = re.compile(r"[.!?;…](?:\s|$)")
_TERM = re.compile(r"(?P<letters>.*?)(?P<digits>\d*)")
# How far back a sentence may have named the kind of paper ("Quyết định 1234/QĐ-UBND và 1235/QĐ-UBND").
_LOOK_BACK = 60


def _issuer(part: str, rules: SpokenRules) -> str | None:
    match = _TERM.fullmatch(part)
    assert match is not None  # the pattern matches every string
    letters, digits = match["letters"], match["digits"]
    # The issuers first: in a paper's number "BTC" is the Ministry of Finance, whatever else the dictionary says.
    said = rules.issuers.get(letters) or rules.abbreviations.get(letters)
    if said is None or not letters[0].isupper():
        return None
    if digits:
        term = rules.issuer_terms.get(letters)
        said = f"{said} {term} {integer_words(int(digits))}" if term else f"{said} {integer_words(int(digits))}"
    return said


def _issuers(parts: list[str], rules: SpokenRules, *, has_kind: bool) -> list[tuple[str, str]]:
    """Each issuer's code and words. With a kind ("TTLT-BCA-BQP") every known part is an issuer; without one
    ("UBND-VP") the first part is the issuer and the rest the office that drafted it, which no listener needs."""
    if not parts:
        return []
    first = (parts[0], _issuer(parts[0], rules) or parts[0])
    others = [(part, said) for part in parts[1:] if (said := _issuer(part, rules))] if has_kind else []
    return [first, *others]


def _is_named_in(sentence: str, code: str, said: str) -> bool:
    """"UBND xã ban hành Kế hoạch 32/KH-UBND": the sentence has just named who issued it."""
    letters = _TERM.fullmatch(code)
    names = {code, said, letters["letters"] if letters else code} - {""}
    alternation = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return re.search(rf"(?<!\w)(?i:{alternation})(?!\w)", sentence) is not None


def _reading(match: re.Match[str], rules: SpokenRules, kind_code: str | None, parts: list[str]) -> str | None:
    kind = rules.document_kinds.get(kind_code) if kind_code else None
    year = match.groupdict().get("y")
    if kind is None and not year and not (parts and _issuer(parts[0], rules)):
        return None  # "5/Chương" is no paper's number
    words = [integer_words(int(match["n"]))]
    if year:
        words += ["năm", integer_words(int(year))]
    before = text_before(match, _LOOK_BACK)
    sentence = _SENTENCE_END.split(before)[-1]
    issuers = [said for part, said in _issuers(parts, rules, has_kind=kind is not None)
               if not _is_named_in(sentence, part, said)]
    if issuers and not _ISSUER_FOLLOWS.match(match.string, match.end()):
        words += ["của", " và ".join(issuers)]
    if kind and kind_code and not (_NUMBER_SAID.search(before) or _is_named_in(before, kind_code, kind)):
        words[:0] = [kind, "số"]
    return " ".join(words)


def read_document_numbers(text: str, rules: SpokenRules) -> str:
    def state(match: re.Match[str]) -> str:
        parts = match["code"].split("-")
        kind_code = parts[0] if parts[0] in rules.document_kinds else None
        said = _reading(match, rules, kind_code, parts[1:] if kind_code else parts)
        return match.group(0) if said is None else said

    def party(match: re.Match[str]) -> str:
        if match["kind"] not in rules.document_kinds:
            return match.group(0)
        said = _reading(match, rules, match["kind"], match["code"].split("-"))
        return match.group(0) if said is None else said

    return _STATE.sub(state, _PARTY.sub(party, text))
