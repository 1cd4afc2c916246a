"""Which words of a text name a story's person, and which only might: the one rule for hiding a name.

Editors write a person the way people speak of them: the full name, the given name after a title
("anh Bình", "cô giáo Hoa"), without diacritics from a phone ("anh Binh"), with a stray double or
non-breaking space, in capitals. Every such form is masked by the same initials.

The given name alone is the hard case: Vietnamese given names are ordinary words ("bình" in "hòa bình",
"an" in "an ninh", "năm" in "năm nay") and parts of place names ("Ninh Bình", "Bình Dương", "miền Nam").
The rule, in order, for the given name standing alone:

1. after a place word ("xã Bình", "miền Nam") it is a place: left alone;
2. followed by a word it makes a common phrase with ("bình tĩnh", "an ninh", "năm nay"), or a number
   name ("Ba", "Năm") used untitled: it cannot be told from the word, so it is left alone — and if it
   was capitalised or had a title, the editor is warned;
3. after a title ("anh", "chị", "cô giáo", …), in any case: masked;
4. capitalised, next to another capitalised word that is not part of the name ("Ninh Bình",
   "Bình Dương"), or in a line of capitals: another proper noun or a heading — left alone, and the
   editor is warned when it could still be the person (capitals, or the word before opens the sentence);
5. capitalised otherwise (mid-sentence or opening a sentence): masked;
6. in lower case without a title: the ordinary word, left alone.

What cannot be masked at all: a nickname the editor never entered, a name split by punctuation
("Bình.béo"), a name with another tone ("Bính" is another name), a surname used alone. A hyphen
separates words, so "Bình-béo" is masked (and "An-đrê" would be over-masked). The
given name glued inside another word ("#CảmƠnAnhBình") is reported to the editor; the whole name glued
("NguyenVanBinh", an e-mail address) is masked.

The words and the word lists the rule consults are in content.name_words.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from content.name_words import (
    COMMON_PHRASES,
    NUMBER_NAMES,
    PLACE_WORDS,
    TITLES,
    Word,
    make_word,
    matches,
    phrase_pairs,
    same_word,
    side_of,
    split_words,
    strip_format,
    word_table,
)

_SENTENCE_END = frozenset(".!?…:;\n")
# Allowed tags of content.rendering, split by whether they end a line of text.
_INLINE_TAGS = frozenset({"a", "abbr", "b", "code", "del", "em", "i", "s", "strong", "sub", "sup"})
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_ATTRIBUTE = re.compile(r"""\b(alt|title|href)=("[^"]*"|'[^']*')""")
_ENTITY = re.compile(r"&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
_HTML_SPECIAL = frozenset("<>&\"'")
NO_NAME = "(ẩn danh)"


def masked_name(name: str) -> str:
    """"Nguyễn Văn An" → "N.V.A.": enough for neighbours who already know, nothing for a stranger."""
    # Letters only: the mask goes into HTML too, so it must never carry markup from the name field.
    initials = [part[0].upper() for part in name.split() if part[0].isalpha()]
    return ".".join(initials) + "." if initials else NO_NAME


@dataclass(frozen=True)
class Person:
    """A person's name as the rules use it: its words, and the initials that replace them."""

    words: tuple[Word, ...]
    mask: str

    @property
    def given(self) -> Word:
        return self.words[-1]

    def forms(self) -> list[tuple[Word, ...]]:
        """Names of two words or more, longest first: full, the given names ("Ngọc Diệp"), surname + given."""
        n = len(self.words)
        found = [self.words[k:] for k in range(n - 1)] + ([(self.words[0], self.words[-1])] if n > 2 else [])
        return sorted(found, key=len, reverse=True)


def parse_person(name: str | None) -> Person | None:
    name = unicodedata.normalize("NFC", name or "")
    words = split_words(name)
    # A title typed into the name field ("Cháu Lê Gia Huy") is not part of the name.
    titled = False
    while len(words) > 2 and _title_length(words, 0) == 1:
        words, titled = words[1:], True
    if not words:
        return None
    return Person(tuple(words), masked_name(name[words[0].start:] if titled else name or ""))


def person_mask(name: str | None) -> str:
    """The initials shown for the person: "Cháu Lê Gia Huy" → "L.G.H."."""
    person = parse_person(name)
    return person.mask if person is not None else NO_NAME



def _title_length(words: list[Word], at: int) -> int:
    """How many words from `at` on form a title, longest first; 0 when they do not."""
    for phrase in word_table(TITLES).candidates(words[at]):
        if matches(words, at, phrase):
            return len(phrase)
    return 0


@dataclass(frozen=True)
class Mention:
    """A place where the person may be named in a form that cannot be masked safely."""

    start: int
    end: int
    excerpt: str
    reason: str  # "phrase", "proper_noun", "inside_word"


@dataclass
class _Scan:
    text: str
    offsets: list[int]  # projected index → index in the original text
    words: list[Word]


def _project(text: str, *, is_html: bool) -> _Scan:
    """Plain text as read: inline tags vanish, block tags end a line; the original position of each character."""
    if not is_html:
        return _Scan(text, list(range(len(text) + 1)), split_words(text))
    chars: list[str] = []
    offsets: list[int] = []
    position = 0
    for tag in _TAG.finditer(text):
        chars += text[position:tag.start()]
        offsets += range(position, tag.start())
        if tag[1].lower() not in _INLINE_TAGS:  # a paragraph, heading, list item or line break ends here
            chars += "\n\n"
            offsets += (tag.start(), tag.start())
        position = tag.end()
    chars += text[position:]
    offsets += range(position, len(text) + 1)
    projected = "".join(chars)
    return _Scan(projected, offsets, split_words(projected))


def _gap(scan: _Scan, left: Word, right: Word) -> str:
    return scan.text[left.end:right.start]


def _joined(scan: _Scan, left: Word, right: Word) -> bool:
    """Two words written as one run of a name: only spaces (any kind) or invisible marks, in one paragraph."""
    gap = _gap(scan, left, right)
    return bool(gap) and gap.count("\n") < 2 and all(c.isspace() or unicodedata.category(c) == "Cf" for c in gap)


def _opens_sentence(scan: _Scan, index: int) -> bool:
    if index == 0:
        return True
    gap = _gap(scan, scan.words[index - 1], scan.words[index])
    return any(c in _SENTENCE_END for c in gap)


def _title_before(scan: _Scan, index: int) -> int:
    """The number of title words right before words[index], joined to it; 0 when there is no title."""
    for length in (3, 2, 1):
        first = index - length
        if first >= 0 and _title_length(scan.words, first) == length \
                and all(_joined(scan, scan.words[k], scan.words[k + 1]) for k in range(first, index)):
            return length
    return 0


def _place_before(scan: _Scan, index: int) -> bool:
    if index == 0:
        return False
    for phrase in word_table(PLACE_WORDS, by_last=True).candidates(scan.words[index - 1]):
        first = index - len(phrase)
        if first >= 0 and matches(scan.words, first, phrase) \
                and all(_joined(scan, scan.words[k], scan.words[k + 1]) for k in range(first, index)):
            return True
    return False


def _makes_phrase(scan: _Scan, index: int) -> bool:
    words = scan.words
    if index + 1 >= len(words):
        return False
    for phrase in phrase_pairs(COMMON_PHRASES).get((side_of(words[index]), side_of(words[index + 1])), ()):
        end = index + len(phrase)
        if matches(words, index, phrase) and not words[index + 1].is_capitalised \
                and all(_joined(scan, words[k], words[k + 1]) for k in range(index, end - 1)):
            return True
    return False


def _is_number_name(word: Word) -> bool:
    return bool(word_table(NUMBER_NAMES).candidates(word))


def _excerpt(text: str, start: int, end: int) -> str:
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    before, after = text[max(left, start - 30):start], text[end:min(right, end + 30)]
    return " ".join(f"{'…' if start - 30 > left else ''}{before}{text[start:end]}{after}"
                    f"{'…' if end + 30 < right else ''}".split())


def _scan_person(scan: _Scan, person: Person) -> tuple[list[tuple[int, int]], list[Mention]]:
    """Spans to mask (in projected positions) and mentions to warn about."""
    words, spans, mentions = scan.words, [], []
    taken: set[int] = set()
    for i in range(len(words)):
        if i in taken:
            continue
        for form in person.forms():
            n = len(form)
            if not matches(words, i, form) or not all(_joined(scan, words[k], words[k + 1]) for k in range(i, i + n - 1)):
                continue
            # The full name is unmistakable in any case; a shorter pair needs a capital or a title.
            if form == person.words or words[i].is_capitalised or _title_before(scan, i):
                spans.append((words[i].start, words[i + n - 1].end))
                taken.update(range(i, i + n))
                break
    given = person.given
    glued = "".join(w.folded for w in person.words) if len(person.words) > 1 else None
    for i, word in enumerate(words):
        if i in taken:
            continue
        if glued and glued in word.folded:
            spans.append((word.start, word.end))
            continue
        if not same_word(word, given):
            if _given_inside(word, given):
                mentions.append(Mention(word.start, word.end, _excerpt(scan.text, word.start, word.end), "inside_word"))
            continue
        verdict = _judge_given(scan, i)
        if verdict == "mask":
            spans.append((word.start, word.end))
        elif verdict != "leave":
            end = words[i + 1].end if verdict == "phrase" and i + 1 < len(words) else word.end
            start = words[i - 1].start if verdict == "proper_noun" and i > 0 and words[i - 1].is_capitalised else word.start
            mentions.append(Mention(start, end, _excerpt(scan.text, word.start, word.end), verdict))
    return spans, mentions


def _given_inside(word: Word, given: Word) -> bool:
    """The given name glued to other letters at a capital ("CảmƠnAnhBình"): a hashtag, say."""
    if len(word.folded) <= len(given.folded):
        return False
    letters = strip_format(word.text)
    folded = word.folded
    at = folded.find(given.folded, 1)
    while at > 0:
        piece = letters[at:at + len(given.folded)]
        if piece[:1].isupper() and letters[at - 1:at].islower() and same_word(make_word(0, piece), given):
            return True
        at = folded.find(given.folded, at + 1)
    return False


def _judge_given(scan: _Scan, i: int) -> str:
    """"mask", "leave", or the reason a possible mention is left showing (then the editor is warned)."""
    words, word = scan.words, scan.words[i]
    titled = _title_before(scan, i) > 0
    if not titled and _place_before(scan, i):
        return "leave"
    if _makes_phrase(scan, i) or (not titled and _is_number_name(word)):
        # A capital that only opens a sentence says nothing ("Năm nay…"); one mid-sentence might.
        return "phrase" if titled or (word.is_capitalised and not _opens_sentence(scan, i)) else "leave"
    if titled:
        return "mask"
    if not word.is_capitalised:
        return "leave"
    after = words[i + 1] if i + 1 < len(words) and _joined(scan, word, words[i + 1]) else None
    before = words[i - 1] if i > 0 and _joined(scan, words[i - 1], word) else None
    if word.is_all_caps or (after is not None and after.is_capitalised):
        return "proper_noun"
    if before is not None and before.is_capitalised:
        # "Ninh Bình" mid-sentence is a place; "Gặp Bình" opening a sentence may be the person.
        return "proper_noun" if _opens_sentence(scan, i - 1) else "leave"
    return "mask"


def _decode_entities(text: str) -> str:
    # "B&igrave;nh" is "Bình" to a browser; markup characters stay escaped so no tag can appear.
    def decode(match: re.Match[str]) -> str:
        char = html.unescape(match[0])
        return match[0] if char == match[0] or any(c in _HTML_SPECIAL for c in char) else char
    return _ENTITY.sub(decode, text)


def mask_person(text: str, name: str | None, *, is_html: bool = False) -> str:
    """The text with every safely recognisable mention of the person replaced by their initials."""
    person = parse_person(name)
    if person is None or not text:
        return text
    text = unicodedata.normalize("NFC", text.replace("\u00d0", "Đ"))
    if is_html:
        text = _decode_entities(text)
        # Attribute values (an image's alt, a link's title and address) are read or shown too.
        text = _ATTRIBUTE.sub(lambda m: f"{m[1]}={m[2][0]}{mask_person(m[2][1:-1], name)}{m[2][0]}", text)
    scan = _project(text, is_html=is_html)
    spans, _ = _scan_person(scan, person)
    out, position = [], 0
    for start, end in sorted(spans):
        first, last = scan.offsets[start], scan.offsets[end - 1] + 1
        if first < position:
            continue
        out.append(text[position:first])
        # Tags inside the span ("<strong>Nguyễn Văn</strong> Bình") are kept, so the markup stays whole.
        mask = person.mask[:-1] if text[last:last + 1] == "." and person.mask.endswith(".") else person.mask
        out.append(mask + "".join(tag[0] for tag in _TAG.finditer(text[first:last])))
        position = last
    out.append(text[position:])
    return "".join(out)


def unsafe_mentions(text: str, name: str | None) -> list[Mention]:
    """Where the text may name the person in a form the mask leaves showing (plain text or Markdown)."""
    person = parse_person(name)
    if person is None or not text:
        return []
    scan = _project(unicodedata.normalize("NFC", text), is_html=False)
    return _scan_person(scan, person)[1]


def mask_all(text: str, names: Iterable[str], *, is_html: bool = False) -> str:
    """The text with each of several people masked: an image may show more than one."""
    for name in names:
        text = mask_person(text, name, is_html=is_html)
    return text
