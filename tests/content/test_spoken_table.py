"""The spoken form, case by case: what is written → what the loudspeaker says. Expected readings written by hand."""

from __future__ import annotations

import pytest

from content.spoken import DEFAULT_RULES, to_spoken

MARKUP = [
    ("Khóa xe **cẩn thận**, rút chìa khóa.", "Khóa xe cẩn thận, rút chìa khóa."),
    ("Xem [trang tin của xã](https://xaphuha.example.vn/tin) hằng ngày.", "Xem trang tin của xã hằng ngày."),
    ("![Ảnh buổi ra quân](https://xaphuha.example.vn/anh.jpg)Buổi ra quân đã diễn ra.", "Buổi ra quân đã diễn ra."),
    ("Chung tay giữ bình yên thôn xóm 🙏👮‍♂️ #AnNinhTrậtTự", "Chung tay giữ bình yên thôn xóm"),
    ("Theo dõi @congan_xaphuha để nhận tin.", "Theo dõi để nhận tin."),
    ("Gửi ý kiến về gopy@xaphuha.example.vn trước thứ Sáu.", "Gửi ý kiến về trước thứ Sáu."),
    ("Tra cứu trên dichvucong.gov.vn nhé.", "Tra cứu trên nhé."),
    ("## Lưu ý\n\n- Khóa cửa\n- Tắt điện", "Lưu ý\nKhóa cửa\nTắt điện"),
]

PHONES = [
    ("Gọi 113 khi có việc khẩn cấp.", "Gọi một một ba khi có việc khẩn cấp."),
    ("Khi có cháy, báo ngay 114.", "Khi có cháy, báo ngay một một bốn."),
    ("Cấp cứu: 115.", "Cấp cứu: một một năm."),
    ("Có 113 hộ tham gia.", "Có một trăm mười ba hộ tham gia."),
    ("Liên hệ anh Tùng: 0912 345 678.", "Liên hệ anh Tùng: không chín một hai, ba bốn năm, sáu bảy tám."),
    ("Số điện thoại 0987.654.321", "Số điện thoại không chín tám bảy, sáu năm bốn, ba hai một"),
    ("Zalo 0912345678", "Zalo không chín một hai, ba bốn năm, sáu bảy tám"),
    ("Trực ban: 02103 852 456", "Trực ban: không hai một không ba, tám năm hai, bốn năm sáu"),
    ("Đường dây nóng: 02193851234", "Đường dây nóng: không hai một, chín ba tám năm, một hai ba bốn"),
    ("Gọi +84 912 345 678", "Gọi không chín một hai, ba bốn năm, sáu bảy tám"),
    ("Tổng đài 1900 6789 hỗ trợ", "Tổng đài một chín không không, sáu bảy tám chín hỗ trợ"),
    ("Gọi số 3456 gặp trực ban.", "Gọi số ba bốn năm sáu gặp trực ban."),
    ("Gọi 2 lần không được thì nhắn tin.", "Gọi hai lần không được thì nhắn tin."),
    ("Gọi 113 2 lần", "Gọi một một ba hai lần"),
    ("Không chuyển vào STK 1903 5678 9012",
     "Không chuyển vào số tài khoản một chín không ba, năm sáu bảy tám, chín không một hai"),
]

DATES_AND_TIMES = [
    ("Ngày 20/11/2025 khai mạc.", "Ngày hai mươi tháng mười một năm hai nghìn không trăm hai mươi lăm khai mạc."),
    ("Khai mạc 20/11/2025.", "Khai mạc ngày hai mươi tháng mười một năm hai nghìn không trăm hai mươi lăm."),
    ("Hạn nộp 05-12-2025.", "Hạn nộp ngày năm tháng mười hai năm hai nghìn không trăm hai mươi lăm."),
    ("Từ 20–22/11 diễn tập.", "Từ ngày hai mươi đến ngày hai mươi hai tháng mười một diễn tập."),
    ("Đợt cao điểm 15/11-15/12/2025.", "Đợt cao điểm từ ngày mười lăm tháng mười một đến ngày mười lăm tháng mười hai "
                                        "năm hai nghìn không trăm hai mươi lăm."),
    ("Sáng 14/4 họp thôn.", "Sáng ngày mười bốn tháng tư họp thôn."),
    ("Trong tháng 4/2026.", "Trong tháng tư năm hai nghìn không trăm hai mươi sáu."),
    ("Kế hoạch năm 2026", "Kế hoạch năm hai nghìn không trăm hai mươi sáu"),
    ("Ngày 1 tháng 4", "Ngày một tháng tư"),
    ("Họp lúc 8h30.", "Họp lúc tám giờ ba mươi phút."),
    ("Bắt đầu 8:30 sáng.", "Bắt đầu tám giờ ba mươi phút sáng."),
    ("Có mặt 08 giờ 30.", "Có mặt tám giờ ba mươi phút."),
    ("Có mặt 08 giờ 30 phút.", "Có mặt tám giờ ba mươi phút."),
    ("Phát lúc 17h hằng ngày.", "Phát lúc mười bảy giờ hằng ngày."),
    ("Trực từ 7h–9h.", "Trực từ bảy giờ đến chín giờ."),
    ("Tiếp dân 7h30 - 11h", "Tiếp dân từ bảy giờ ba mươi phút đến mười một giờ"),
    ("Làm việc 7-11h", "Làm việc từ bảy giờ đến mười một giờ"),
    ("Xong trước 20:00.", "Xong trước hai mươi giờ."),
    ("Đến 8h05 thì xuất phát", "Đến tám giờ năm phút thì xuất phát"),
    ("Giữ liên lạc trong 24h.", "Giữ liên lạc trong hai mươi tư giờ."),
    ("Tiếp dân T2–T6.", "Tiếp dân từ thứ hai đến thứ sáu."),
    ("Họp T7, nghỉ CN.", "Họp thứ bảy, nghỉ chủ nhật."),
    ("Từ thứ 2 đến thứ 6", "Từ thứ hai đến thứ sáu"),
    ("Sáng T4 (26/11)", "Sáng thứ tư (ngày hai mươi sáu tháng mười một)"),
]

NUMBERS = [
    ("Có 21 hộ.", "Có hai mươi mốt hộ."),
    ("24 tổ tự quản", "hai mươi tư tổ tự quản"),
    ("14 thôn", "mười bốn thôn"),
    ("15 và 25 người", "mười lăm và hai mươi lăm người"),
    ("11 và 51 người", "mười một và năm mươi mốt người"),
    ("105 thành viên", "một trăm linh năm thành viên"),
    ("1.005 lượt", "một nghìn không trăm linh năm lượt"),
    ("10 tổ, 20 tổ, 110 tổ", "mười tổ, hai mươi tổ, một trăm mười tổ"),
    ("1.250.000 người", "một triệu hai trăm năm mươi nghìn người"),
    ("3.000.000.000 lượt xem", "ba tỷ lượt xem"),
    ("Tăng 2,5 lần", "Tăng hai phẩy năm lần"),
    ("Tỷ lệ 0,05", "Tỷ lệ không phẩy không năm"),
    ("Xem mục 2.1", "Xem mục hai chấm một"),
    ("12,5% dân số", "mười hai phẩy năm phần trăm dân số"),
    ("Ít nhất 50% khu dân cư", "Ít nhất năm mươi phần trăm khu dân cư"),
    ("Giảm 10–15%", "Giảm từ mười đến mười lăm phần trăm"),
    ("Phạt 50.000đ.", "Phạt năm mươi nghìn đồng."),
    ("Nộp 50.000 đồng", "Nộp năm mươi nghìn đồng"),
    ("Bị lừa mất 2 triệu đồng", "Bị lừa mất hai triệu đồng"),
    ("Thiệt hại 1,5 tỷ", "Thiệt hại một phẩy năm tỷ"),
    ("Lệ phí 200.000 VNĐ", "Lệ phí hai trăm nghìn đồng"),
    ("Phạt 4-6 triệu đồng", "Phạt từ bốn đến sáu triệu đồng"),
    ("Phạt từ 800.000đ đến 1.000.000đ", "Phạt từ tám trăm nghìn đồng đến một triệu đồng"),
    ("Lần thứ 2 tái phạm", "Lần thứ hai tái phạm"),
    ("Đạt giải thứ 1", "Đạt giải thứ nhất"),
    ("Ngày thứ 4 của chiến dịch", "Ngày thứ tư của chiến dịch"),
    ("Xếp thứ 14", "Xếp thứ mười bốn"),
    ("Đại hội XIV của Đảng", "Đại hội mười bốn của Đảng"),
    ("Quốc hội khóa XV", "Quốc hội khóa mười lăm"),
    ("Bước vào thế kỷ XXI", "Bước vào thế kỷ hai mươi mốt"),
    ("Quý IV năm 2025", "Quý bốn năm hai nghìn không trăm hai mươi lăm"),
    ("Đại hội lần thứ XIII", "Đại hội lần thứ mười ba"),
    ("Xem Mục IV", "Xem Mục bốn"),
    ("Ghi đĩa CD cho MC", "Ghi đĩa CD cho MC"),
    ("Anh Lê Văn C và chị Đỗ Thị X", "Anh Lê Văn C và chị Đỗ Thị X"),
    ("Tốc độ tối đa 60 km/h", "Tốc độ tối đa sáu mươi ki-lô-mét trên giờ"),
    ("Nhiệt độ 35°C", "Nhiệt độ ba mươi lăm độ C"),
    ("Rét đậm, -5°C.", "Rét đậm, âm năm độ C."),
    ("Nhà rộng 100m2", "Nhà rộng một trăm mét vuông"),
    ("Thu hoạch 5 ha lúa", "Thu hoạch năm héc-ta lúa"),
    ("Sửa 2,5 km đường", "Sửa hai phẩy năm ki-lô-mét đường"),
    ("Thu giữ 3 kg pháo", "Thu giữ ba ki-lô-gam pháo"),
    ("Bán 20 lít xăng và 500 ml dầu", "Bán hai mươi lít xăng và năm trăm mi-li-lít dầu"),
    ("Xe chở 10 tấn", "Xe chở mười tấn"),
    ("Chiếm 3/4 số hộ", "Chiếm ba phần tư số hộ"),
    ("Có 13/15 thôn đạt chuẩn", "Có mười ba trên mười lăm thôn đạt chuẩn"),
    ("Tuần tra 2 lần/tuần", "Tuần tra hai lần mỗi tuần"),
    ("Giai đoạn 2021-2025", "Giai đoạn từ hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm"),
    ("Cần 5-7 người", "Cần từ năm đến bảy người"),
]

ABBREVIATIONS = [
    ("UBND xã Phú Hà", "Ủy ban nhân dân xã Phú Hà"),
    ("HĐND và MTTQ", "Hội đồng nhân dân và Mặt trận Tổ quốc"),
    ("Giữ vững ANTT, TTATGT.", "Giữ vững an ninh trật tự, trật tự an toàn giao thông."),
    ("Phong trào TDBVANTQ", "Phong trào Toàn dân bảo vệ an ninh Tổ quốc"),
    ("Lực lượng CAND, CSGT", "Lực lượng Công an nhân dân, Cảnh sát giao thông"),
    ("Tập huấn PCCC&CNCH", "Tập huấn phòng cháy, chữa cháy và cứu nạn, cứu hộ"),
    ("Tập huấn PCCC", "Tập huấn phòng cháy, chữa cháy"),
    ("Họp BCĐ 138", "Họp Ban Chỉ đạo một trăm ba mươi tám"),
    ("Làm CCCD cho học sinh THCS, THPT", "Làm căn cước công dân cho học sinh trung học cơ sở, trung học phổ thông"),
    ("CA xã và CAX Phú Hà", "Công an xã và Công an xã Phú Hà"),
    ("Đi làm ca đêm", "Đi làm ca đêm"),
    ("Mã UBNDX không có", "Mã UBNDX không có"),
    ("Kế hoạch số 32/KH-UBND ngày 05/3/2025",
     "Kế hoạch số ba mươi hai của Ủy ban nhân dân ngày năm tháng ba năm hai nghìn không trăm hai mươi lăm"),
    ("Đ/c Trưởng CA xã phát biểu", "Đồng chí Trưởng Công an xã phát biểu"),
    ("Trực 24/7", "Trực hai mươi tư trên bảy"),
    ("Tiêm phòng COVID-19", "Tiêm phòng COVID mười chín"),
    ("Thôn Đồng Sậy & thôn Bãi Sỏi", "Thôn Đồng Sậy và thôn Bãi Sỏi"),
    ("Không đưa mã OTP cho ai.", "Không đưa mã ô tê pê cho ai."),
]

TABLE = MARKUP + PHONES + DATES_AND_TIMES + NUMBERS + ABBREVIATIONS


@pytest.mark.parametrize(("written", "said"), TABLE)
def test_each_written_form_is_read_as_a_vietnamese_announcer_says_it(written, said):
    assert to_spoken(written) == said


def test_the_table_covers_at_least_sixty_cases():
    assert len(TABLE) >= 60


POINTER = "trang thông tin điện tử của Công an xã"


@pytest.mark.parametrize(("written", "said"), [
    ("Xem chi tiết tại https://xaphuha.example.vn/tb/12.", f"Xem chi tiết tại {POINTER}."),
    ("Gửi về gopy@xaphuha.example.vn hoặc https://xaphuha.example.vn/gopy", f"Gửi về {POINTER}"),
    ("Theo dõi @congan_xaphuha", f"Theo dõi {POINTER}"),
    ("[Xem tại đây](https://xaphuha.example.vn/tb/12)", "Xem tại đây"),
])
def test_a_configured_pointer_replaces_an_address_and_is_said_once(written, said):
    assert to_spoken(written, rules=DEFAULT_RULES.with_changes(link_pointer=POINTER)) == said
