"""Vietnamese words as the name rule compares them, and the word lists it consults.

A word is compared by its letters and its tone, wherever the tone sits; a word typed without any
diacritic may stand for any spelling with the same letters. The lists (titles, place words, common
phrases, number names) are looked up by a word's first (or last) word, longest entry first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# The five Vietnamese tones. Old and new spelling put the tone on different vowels ("hoà"/"hòa",
# "thuý"/"thúy"): a word is compared by its letters and its tone, wherever the tone sits.
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")

TITLES = (
    "anh", "chị", "em", "ông", "bà", "cô", "chú", "bác", "cháu", "cậu", "mợ", "dì", "dượng", "thím", "cụ",
    "bé", "thầy", "bạn", "o", "mệ", "cô giáo", "thầy giáo", "cụ ông", "cụ bà", "em bé", "cháu bé", "cô bé",
    "cậu bé", "anh trai", "chị gái", "em gái", "em trai", "đồng chí", "chiến sĩ", "bác sĩ", "y sĩ", "giáo viên",
    "học sinh", "sinh viên", "nữ sinh", "nam sinh", "thiếu úy", "trung úy", "thượng úy", "đại úy", "thiếu tá",
    "trung tá", "thượng tá", "đại tá", "trưởng thôn", "trưởng ấp", "trưởng bản", "tổ trưởng", "bí thư",
    "chủ tịch", "cựu chiến binh", "già làng", "tài xế", "lái xe", "shipper",
)
PLACE_WORDS = (
    "xã", "phường", "thị trấn", "thị xã", "thôn", "xóm", "ấp", "bản", "làng", "buôn", "sóc", "khóm", "khu",
    "khu phố", "tổ dân phố", "tỉnh", "huyện", "quận", "thành phố", "tp", "đường", "phố", "ngõ", "hẻm", "ngách",
    "sông", "suối", "núi", "đèo", "hồ", "cầu", "chợ", "bến", "đảo", "vịnh", "miền", "phía", "vùng", "trường",
    "chùa", "đình", "đền", "nhà thờ", "bệnh viện", "trạm", "đồn", "cụm", "cánh đồng", "rừng", "bãi", "cồn",
    "kênh", "rạch", "đồi", "công ty", "nhà văn hóa", "giáo xứ", "hợp tác xã", "tiếng", "người", "đất", "quê",
)
# Given names that are also the start of a common phrase. Not every phrase of the language: the ones
# a good-deed story about security work is likely to contain. A phrase missing here is over-masked
# ("Đ.T.H. sen"), which the editor sees in the preview — never a name left showing.
COMMON_PHRASES = (
    "an ninh", "an toàn", "an tâm", "an khang", "an cư", "an sinh", "an ủi", "an táng", "an dưỡng", "an bình",
    "an vui", "an nhàn", "bình tĩnh", "bình thường", "bình yên", "bình an", "bình đẳng", "bình luận",
    "bình chọn", "bình xét", "bình dân", "bình minh", "bình nước", "bình ga", "bình gas", "bình chữa cháy",
    "bình hoa", "bình ổn", "hoa quả", "hoa màu", "hoa mắt", "hoa hồng", "hoa sen", "hoa đào", "hoa mai",
    "hoa văn", "hoa tay", "hoa lợi", "hoa tiêu", "tâm lý", "tâm sự", "tâm huyết", "tâm trạng", "tâm điểm",
    "tâm linh", "tâm hồn", "tâm niệm", "năm nay", "năm ngoái", "năm sau", "năm mới", "năm học", "năm tới",
    "năm qua", "năm trước", "năm tháng", "hải quan", "hải sản", "hải đảo", "hải quân", "thủy lợi", "thủy sản",
    "thủy điện", "thủy triều", "thủy tinh", "minh bạch", "minh chứng", "minh họa", "minh mẫn", "minh oan",
    "nam giới", "nam sinh", "nam bộ", "nam nữ", "dũng cảm", "dũng khí", "dũng mãnh", "hùng hồn", "hùng mạnh",
    "hùng vĩ", "hùng dũng", "lan truyền", "lan rộng", "lan tỏa", "lan can", "mai táng", "mai mối", "mai này",
    "mai sau", "hương ước", "hương vị", "hương thơm", "thu hoạch", "thu gom", "thu hồi", "thu nhập", "thu phí",
    "thu thập", "thu giữ", "thu hút", "thu nhận", "đông người", "đông đúc", "đông đảo", "đông y", "hạnh phúc",
    "hạnh kiểm", "phúc lợi", "phúc đáp", "thanh niên", "thanh toán", "thanh tra", "thanh lý", "thanh thiếu niên",
    "thanh minh", "phong trào", "phong tục", "phong cách", "phong tỏa", "phong bì", "vân tay", "quang cảnh",
    "trung thực", "trung tâm", "trung bình", "trung thu", "trung ương", "trung học", "trung thành", "tín hiệu",
    "tín dụng", "tín nhiệm", "tín ngưỡng", "nghĩa vụ", "nghĩa trang", "nghĩa tình", "nghĩa là", "nghĩa cử",
    "đức tính", "long trọng", "hòa giải", "hòa bình", "hòa nhập", "hòa hợp", "hòa thuận", "hòa đồng",
    "lực lượng", "hậu quả", "hậu phương", "hậu cần", "hậu thuẫn", "thịnh vượng", "hưng thịnh", "khởi công",
    "khởi nghiệp", "khởi tố", "khởi động", "khởi đầu", "khởi hành", "khởi sắc", "huy động", "huy hiệu",
    "huy chương", "tài sản", "tài chính", "tài khoản", "tài liệu", "tài xế", "tài năng", "tài trợ", "sáng nay",
    "sáng mai", "sáng kiến", "sáng tạo", "sáng sớm", "hiếu học", "hiếu thảo", "thắng lợi", "tiến độ", "tiến bộ",
    "tiến hành", "toàn dân", "toàn bộ", "toàn diện", "toàn quốc", "toàn thể", "tư vấn", "tư pháp", "tư liệu",
    "tư cách", "tư nhân", "sơn tường", "lộc non",
)
# Southern families name children by birth order; these are numbers first.
NUMBER_NAMES = ("hai", "ba", "bốn", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "út")


def strip_format(word: str) -> str:
    # Zero-width and direction marks are invisible: "Bì\u200bnh" reads as "Bình".
    return "".join(c for c in word if unicodedata.category(c) != "Cf")


def foldmake_word(word: str) -> str:
    """Lower case with every mark gone and "đ" as "d": what a keyboard without Vietnamese types."""
    decomposed = unicodedata.normalize("NFD", strip_format(word).lower().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def word_key(word: str) -> str:
    """Letters and tone apart: "hoà" and "hòa" are one word, "Bình" and "Bính" are two."""
    decomposed = unicodedata.normalize("NFD", strip_format(word).lower())
    tones = "".join(sorted(c for c in decomposed if c in _TONES))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES)) + "|" + tones


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    key: str
    folded: str
    is_bare: bool  # typed without any diacritic: may stand for any spelling with the same letters
    is_capitalised: bool
    is_all_caps: bool


@lru_cache(maxsize=8192)
def _shape(text: str) -> tuple[str, str, bool, bool, bool]:
    # Texts repeat their words; each distinct word is worked out once.
    letters = strip_format(text)
    folded = foldmake_word(letters)
    alpha = [c for c in letters if c.isalpha()]
    return (word_key(letters), folded, folded == letters.lower(), bool(alpha) and alpha[0].isupper(),
            len(alpha) > 1 and all(c.isupper() for c in alpha))


def make_word(start: int, text: str) -> Word:
    return Word(start, start + len(text), text, *_shape(text))


def same_word(word: Word, wanted: Word) -> bool:
    return word.key == wanted.key or (word.is_bare and word.folded == wanted.folded)


# Letters and digits (so "10A" is not the name "A"), combining marks, and the invisible characters
# (soft hyphen, zero-width, direction marks) that may sit inside a word.
_WORD = re.compile("(?:[^\\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
                   "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff])+")


def split_words(text: str) -> list[Word]:
    return [make_word(match.start(), match[0]) for match in _WORD.finditer(text) if strip_format(match[0])]


@dataclass(frozen=True)
class WordTable:
    """A table's entries as words, found by their first (or last) word, longest first ("cô giáo" before "cô")."""

    by_key: dict[str, tuple[tuple[Word, ...], ...]]
    by_folded: dict[str, tuple[tuple[Word, ...], ...]]

    def candidates(self, word: Word) -> tuple[tuple[Word, ...], ...]:
        # A bare word may stand for any spelling of its letters; a marked one only for its own.
        found = self.by_key.get(word.key, ())
        return found + self.by_folded.get(word.folded, ()) if word.is_bare else found


def side_of(word: Word) -> str:
    # A bare word is found by its letters alone; a marked one by its letters and tone.
    return "f" + word.folded if word.is_bare else "k" + word.key


@lru_cache(maxsize=4)
def phrase_pairs(entries: tuple[str, ...]) -> dict[tuple[str, str], tuple[tuple[Word, ...], ...]]:
    """Phrases of two words or more by their first two words: a given name is checked in one look-up."""
    found: dict[tuple[str, str], list[tuple[Word, ...]]] = {}
    for phrase in (tuple(split_words(unicodedata.normalize("NFC", entry))) for entry in entries):
        if len(phrase) >= 2:
            for first in ("f" + phrase[0].folded, "k" + phrase[0].key):
                for second in ("f" + phrase[1].folded, "k" + phrase[1].key):
                    found.setdefault((first, second), []).append(phrase)
    return {pair: tuple(phrases) for pair, phrases in found.items()}


@lru_cache(maxsize=16)
def word_table(entries: tuple[str, ...], *, by_last: bool = False) -> WordTable:
    parsed = sorted((tuple(split_words(unicodedata.normalize("NFC", entry))) for entry in entries), key=len,
                    reverse=True)
    by_key: dict[str, list[tuple[Word, ...]]] = {}
    by_folded: dict[str, list[tuple[Word, ...]]] = {}
    for phrase in parsed:
        anchor = phrase[-1] if by_last else phrase[0]
        by_key.setdefault(anchor.key, []).append(phrase)
        by_folded.setdefault(anchor.folded, []).append(phrase)
    return WordTable({k: tuple(v) for k, v in by_key.items()}, {k: tuple(v) for k, v in by_folded.items()})



def matches(words: list[Word], at: int, phrase: tuple[Word, ...]) -> bool:
    return at + len(phrase) <= len(words) and all(same_word(words[at + k], w) for k, w in enumerate(phrase))
