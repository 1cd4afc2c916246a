"""The seed data of the spoken form. Admins add to and override the dictionary in the database.

Everything here is data on purpose: a wrong reading is fixed by editing a line, not a rule.
"""

from __future__ import annotations

# The longest token an admin may add to the dictionary.
MAX_ABBREVIATION = 40

# Whole tokens, case-sensitive: "CA" is the police, "ca" is a work shift.
ABBREVIATIONS: dict[str, str] = {
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "ANTT": "an ninh trật tự",
    "ANTQ": "an ninh Tổ quốc",
    "TTATGT": "trật tự an toàn giao thông",
    "ATGT": "an toàn giao thông",
    "TNGT": "tai nạn giao thông",
    "TDBVANTQ": "Toàn dân bảo vệ an ninh Tổ quốc",
    "BVANTQ": "bảo vệ an ninh Tổ quốc",
    "CAND": "Công an nhân dân",
    "CSGT": "Cảnh sát giao thông",
    "CSGT-TT": "Cảnh sát giao thông, trật tự",
    "HKTT": "hộ khẩu thường trú",
    "BLHS": "Bộ luật Hình sự",
    "BLDS": "Bộ luật Dân sự",
    "TAND": "Tòa án nhân dân",
    "VKSND": "Viện kiểm sát nhân dân",
    "TTHC": "thủ tục hành chính",
    "VPHC": "vi phạm hành chính",
    "TTXH": "trật tự xã hội",
    "PCCC": "phòng cháy, chữa cháy",
    "CNCH": "cứu nạn, cứu hộ",
    "PCCC&CNCH": "phòng cháy, chữa cháy và cứu nạn, cứu hộ",
    "PCTP": "phòng, chống tội phạm",
    "TNXH": "tệ nạn xã hội",
    "BCĐ": "Ban Chỉ đạo",
    "BCA": "Bộ Công an",
    "CA": "Công an",
    "CAX": "Công an xã",
    "CAP": "Công an phường",
    "CAT": "Công an tỉnh",
    "CAH": "Công an huyện",
    "CCCD": "căn cước công dân",
    "CMND": "chứng minh nhân dân",
    "GPLX": "giấy phép lái xe",
    "BKS": "biển kiểm soát",
    "BSX": "biển số xe",
    "BHYT": "bảo hiểm y tế",
    "BHXH": "bảo hiểm xã hội",
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "TP": "thành phố",
    "TP.HCM": "Thành phố Hồ Chí Minh",
    "HCM": "Hồ Chí Minh",
    "TW": "Trung ương",
    "TTg": "Thủ tướng Chính phủ",
    "LHPN": "Liên hiệp Phụ nữ",
    "CCB": "Cựu chiến binh",
    "ĐTN": "Đoàn Thanh niên",
    "TDP": "tổ dân phố",
    "NĐ": "Nghị định",
    "QĐ": "Quyết định",
    "NQ": "Nghị quyết",
    "SĐT": "số điện thoại",
    "STK": "số tài khoản",
    "OTP": "ô tê pê",
    "Đ/c": "Đồng chí",
    "đ/c": "đồng chí",
    "v.v.": "vân vân",
    # Read before dates, or it would be the 24th of July.
    "24/7": "hai mươi tư trên bảy",
}

# "Kế hoạch số 32/KH-UBND": the code of the kind of paper, and its name, said when the sentence has not said it.
DOCUMENT_KINDS: dict[str, str] = {
    "KH": "kế hoạch", "QĐ": "quyết định", "CT": "chỉ thị", "TB": "thông báo", "NQ": "nghị quyết",
    "CV": "công văn", "BC": "báo cáo", "TTr": "tờ trình", "HD": "hướng dẫn", "KL": "kết luận",
    "NĐ": "nghị định", "TT": "thông tư", "TTLT": "thông tư liên tịch", "CĐ": "công điện", "PA": "phương án",
    "CTr": "chương trình", "QC": "quy chế", "QyĐ": "quy định", "GM": "giấy mời",
}
# Who issues papers, read in full after the number. Only here, not in the dictionary: outside a document
# number "CP" is as often a joint-stock company ("Công ty CP") as the Government.
ISSUERS: dict[str, str] = {
    "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "QH": "Quốc hội", "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "BQP": "Bộ Quốc phòng", "BTC": "Bộ Tài chính", "BTP": "Bộ Tư pháp", "BYT": "Bộ Y tế",
    "BGDĐT": "Bộ Giáo dục và Đào tạo", "BTTTT": "Bộ Thông tin và Truyền thông", "BGTVT": "Bộ Giao thông vận tải",
    "BLĐTBXH": "Bộ Lao động, Thương binh và Xã hội", "BNV": "Bộ Nội vụ", "NHNN": "Ngân hàng Nhà nước",
    "TANDTC": "Tòa án nhân dân tối cao", "VKSNDTC": "Viện kiểm sát nhân dân tối cao", "TW": "Trung ương",
    "TU": "Tỉnh ủy", "HU": "Huyện ủy", "ĐU": "Đảng ủy", "BTV": "Ban Thường vụ",
}
# "QH13" is the 13th National Assembly: the word said before the number that follows the issuer's letters.
ISSUER_TERMS: dict[str, str] = {"QH": "khóa"}

# Written with a full stop before a name or a number ("TP. HCM", "Q. 1", "ThS. Lê Hoa"): the stop is not a pause.
# One-letter ones count only at the start of a line or after a comma, as in an address ("…, P. 5, Q.3"), and
# before a space or a digit, so a masked name ("H.V.T.") stays letters.
DOTTED_ABBREVIATIONS: dict[str, str] = {
    "TP": "thành phố", "Tp": "thành phố", "TX": "thị xã", "Q": "quận", "P": "phường", "H": "huyện", "X": "xã",
    "ThS": "Thạc sĩ", "TS": "Tiến sĩ", "BS": "Bác sĩ", "GS": "Giáo sư", "PGS": "Phó Giáo sư", "KS": "Kỹ sư",
    "LS": "Luật sư",
}

# Before a number, a road's code: "QL1A", "ĐT 741". A phone number after "ĐT" makes it "điện thoại" instead.
ROAD_CODES: dict[str, str] = {"QL": "Quốc lộ", "TL": "tỉnh lộ", "ĐT": "đường tỉnh", "ĐH": "đường huyện"}
# Before a number to dial, maybe a few words apart: "ĐT: 0912…", "ĐT trực ban: 0209…", "SĐT/Zalo: 0905…".
# A label the dictionary also holds ("SĐT") is read as the dictionary says.
PHONE_LABELS: dict[str, str] = {
    "ĐT": "điện thoại", "Đt": "điện thoại", "đt": "điện thoại", "ĐTDĐ": "điện thoại di động",
    "DĐ": "di động", "SĐT": "số điện thoại", "sđt": "số điện thoại", "Sđt": "số điện thoại", "Tel": "điện thoại",
}
# After these words "34/2" is an address ("ba mươi tư trên hai"), never a date or a share. "số" counts only when
# an address word follows the number.
ADDRESS_WORDS: tuple[str, ...] = (
    "số nhà", "nhà số", "ngõ", "ngách", "hẻm", "kiệt", "lô", "căn hộ", "Quốc lộ", "tỉnh lộ",
    "đường tỉnh", "đường huyện",
)
ADDRESS_FOLLOWERS: tuple[str, ...] = (
    "đường", "phố", "ngõ", "ngách", "hẻm", "kiệt", "thôn", "xóm", "ấp", "tổ", "khu phố", "khối", "phường", "quận",
)
# Before these words "1/5" is a date ("chiều 1/5", "Quốc khánh 2/9"), not a share ("một phần năm").
DATE_CUES: tuple[str, ...] = (
    "sáng", "trưa", "chiều", "tối", "đêm", "khuya", "rạng sáng", "hôm", "dịp", "Tết", "từ", "đến", "trước", "vào",
    "hết", "kể từ",
)
# After these a date is a name, said without "ngày": "đường 3/2" is "đường ba tháng hai", "lễ 30/4".
DATE_NAME_CUES: tuple[str, ...] = ("đường", "phố", "lễ", "Quốc khánh")
# "Quý I/2025", "đợt 2/2025": a period of a year; the slash is "năm", never "trên".
PERIOD_WORDS: tuple[str, ...] = ("quý", "đợt", "học kỳ", "học kì", "giai đoạn")

# Longest first does not matter here: the engine sorts by length before building its pattern.
UNITS: dict[str, str] = {
    "km/h": "ki-lô-mét trên giờ",
    "km²": "ki-lô-mét vuông",
    "km2": "ki-lô-mét vuông",
    "m²": "mét vuông",
    "m2": "mét vuông",
    "m³": "mét khối",
    "m3": "mét khối",
    "°C": "độ C",
    "km": "ki-lô-mét",
    "kg": "ki-lô-gam",
    "ha": "héc-ta",
    "cm": "xen-ti-mét",
    "mm": "mi-li-mét",
    "ml": "mi-li-lít",
    "m": "mét",
}

CURRENCY_SIGNS: tuple[str, ...] = ("đồng", "đ", "VNĐ", "VND", "vnđ", "vnd")

WEEKDAYS: dict[str, str] = {
    "T2": "thứ hai", "T3": "thứ ba", "T4": "thứ tư", "T5": "thứ năm", "T6": "thứ sáu", "T7": "thứ bảy",
    "CN": "chủ nhật",
}

# Roman numerals are read only right after these words, so "CD", "MC" or a name like "Lê Văn C" stay letters.
ROMAN_TRIGGERS: tuple[str, ...] = (
    "đại hội", "khóa", "khoá", "lần thứ", "lần", "thế kỷ", "thế kỉ", "quý", "chương", "phần", "mục", "kỳ họp thứ",
)

# Emergency numbers: police, fire, ambulance and the rest of the 11x family, known by heart.
HOTLINES: tuple[str, ...] = ("111", "112", "113", "114", "115")
# A hotline followed by one of these is a count after all ("113 người", "115 hộ").
COUNT_WORDS: tuple[str, ...] = (
    "người", "hộ", "vụ", "trường hợp", "đối tượng", "xe", "học sinh", "em", "cháu", "lượt", "lần", "ngày",
    "tháng", "năm", "giờ", "phút", "nghìn", "triệu", "tỷ", "đồng", "thôn", "xã", "phường",
)
# Words after which a run of digits is read digit by digit: a number to dial or an account to check.
DIGITS_CONTEXT: tuple[str, ...] = (
    "số điện thoại", "điện thoại", "đường dây nóng", "hotline", "gọi", "liên hệ", "nhắn tin", "Zalo",
    "số tài khoản", "tài khoản",
)
# Toll-free (1800) and premium (1900) service numbers: the prefix, then 4 or 6 digits.
SERVICE_PREFIXES: tuple[str, ...] = ("1800", "1900")

# "1 lần/tuần" → "một lần mỗi tuần".
PER_WORDS: tuple[str, ...] = ("ngày", "tuần", "tháng", "năm", "quý", "người", "hộ", "lượt", "giờ", "xe")

# The engine's own edition (SpokenRules.edition): 2 reads document numbers, addresses, periods and date lists.
EDITION = 2

SENTENCE_PAUSE_SECONDS = 0.4
PARAGRAPH_PAUSE_SECONDS = 0.8
# After a comma, semicolon or colon: espeak-ng at 124 words a minute breathes 0.3-0.5 s there, and official text
# is full of them (phone numbers read in groups, addresses, lists of dates).
CLAUSE_PAUSE_SECONDS = 0.3
# A comfortable pace for outdoor horn loudspeakers, in syllables a minute.
SYLLABLES_PER_MINUTE = 190
