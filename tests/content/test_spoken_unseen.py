"""Whole sentences the engine was not tuned on: notices as a commune police post or a People's Committee writes them,
each mixing several classes of official writing, written down with their readings before the engine ran on them.

The first batch came out right at once. The second found four gaps, closed by general rules rather than by these
strings: a date that names a street or a holiday ("đường 3/2"), a phone label joined to another ("ĐT/Zalo:"), a
kilometre post ("Km 15+200") and a class name with a digit after its letter ("10A1")."""

from __future__ import annotations

import pytest

from content.spoken import to_spoken

Y2024 = "hai nghìn không trăm hai mươi tư"
Y2025 = "hai nghìn không trăm hai mươi lăm"
Y2026 = "hai nghìn không trăm hai mươi sáu"

UNSEEN = [
    ("Thực hiện Kế hoạch số 45/KH-CAH ngày 02/01/2026 của Công an huyện, Công an xã Nậm Pồ tổ chức tuần tra từ "
     "22h-2h các đêm 10/2 và 11/2.",
     f"Thực hiện Kế hoạch số bốn mươi lăm ngày hai tháng một năm {Y2026} của Công an huyện, Công an xã Nậm Pồ tổ chức "
     "tuần tra từ hai mươi hai giờ đến hai giờ các đêm ngày mười tháng hai và mười một tháng hai."),
    ("Đối tượng Sùng A Páo, SN 1998, trú tại bản Huổi Lếch, đã bị xử phạt theo Nghị định 144/2021/NĐ-CP.",
     "Đối tượng Sùng A Páo, sinh năm một nghìn chín trăm chín mươi tám, trú tại bản Huổi Lếch, đã bị xử phạt theo "
     f"Nghị định một trăm bốn mươi tư năm hai nghìn không trăm hai mươi mốt của Chính phủ."),
    ("Khoảng 21h ngày 14/3, tại nhà số 17B đường Trần Hưng Đạo xảy ra cháy; người dân báo ngay qua ĐT: 114.",
     "Khoảng hai mươi mốt giờ ngày mười bốn tháng ba, tại nhà số mười bảy B đường Trần Hưng Đạo xảy ra cháy; người "
     "dân báo ngay qua điện thoại: một một bốn."),
    ("Trong Quý I/2026, toàn xã xảy ra 2 vụ trộm cắp tài sản, giảm 3 vụ so với cùng kỳ.",
     f"Trong Quý một năm {Y2026}, toàn xã xảy ra hai vụ trộm cắp tài sản, giảm ba vụ so với cùng kỳ."),
    ("UBND xã thông báo lịch tiếp công dân: thứ Ba và thứ Năm hằng tuần, sáng 7h30-11h, chiều 13h30-16h30.",
     "Ủy ban nhân dân xã thông báo lịch tiếp công dân: thứ Ba và thứ Năm hằng tuần, sáng từ bảy giờ ba mươi phút đến "
     "mười một giờ, chiều từ mười ba giờ ba mươi phút đến mười sáu giờ ba mươi phút."),
    ("Xe khách va chạm xe máy trên QL1A, đoạn qua thôn Phú Thứ, làm 1 người bị thương.",
     "Xe khách va chạm xe máy trên Quốc lộ một A, đoạn qua thôn Phú Thứ, làm một người bị thương."),
    ("Nghỉ lễ 30/4 và 1/5, bà con đi xa nhớ khóa cửa, gửi xe đúng nơi quy định.",
     "Nghỉ lễ ngày ba mươi tháng tư và một tháng năm, bà con đi xa nhớ khóa cửa, gửi xe đúng nơi quy định."),
    ("Theo Thông tư 24/2023/TT-BCA, từ 15/8/2023 biển số xe được định danh theo chủ xe.",
     "Theo Thông tư hai mươi tư năm hai nghìn không trăm hai mươi ba của Bộ Công an, từ ngày mười lăm tháng tám năm "
     "hai nghìn không trăm hai mươi ba biển số xe được định danh theo chủ xe."),
    ("Mọi vướng mắc về làm căn cước xin liên hệ đồng chí Lê Thị Thu, SĐT: 0975 246 810.",
     "Mọi vướng mắc về làm căn cước xin liên hệ đồng chí Lê Thị Thu, số điện thoại: không chín bảy năm, hai bốn sáu, "
     "tám một không."),
    ("Đoàn công tác của Công an TP. Đà Lạt làm việc tại xã từ 9/12 đến 12/12/2025.",
     "Đoàn công tác của Công an thành phố Đà Lạt làm việc tại xã từ ngày chín tháng mười hai đến ngày mười hai tháng "
     f"mười hai năm {Y2025}."),
    ("Căn cứ Quyết định số 318/QĐ-UBND của UBND huyện về việc công nhận thôn an toàn về ANTT năm 2024.",
     "Căn cứ Quyết định số ba trăm mười tám của Ủy ban nhân dân huyện về việc công nhận thôn an toàn về an ninh trật "
     f"tự năm {Y2024}."),
    ("Kiệt 28/5 đường Nguyễn Sinh Cung bị ngập sâu, đề nghị bà con không đi qua.",
     "Kiệt hai mươi tám trên năm đường Nguyễn Sinh Cung bị ngập sâu, đề nghị bà con không đi qua."),
    ("Cấm xe trên 10 tấn đi qua cầu Khe Tre từ 6h-18h hằng ngày.",
     "Cấm xe trên mười tấn đi qua cầu Khe Tre từ sáu giờ đến mười tám giờ hằng ngày."),
    ("Chị Phạm Thị Hằng (SN 1979, ngụ ấp 3) nhặt được ví và đã giao nộp cho Công an xã.",
     "Chị Phạm Thị Hằng (sinh năm một nghìn chín trăm bảy mươi chín, ngụ ấp ba) nhặt được ví và đã giao nộp cho "
     "Công an xã."),
    ("Hội nghị sơ kết đợt 1/2025 phong trào TDBVANTQ diễn ra tại hội trường thôn Đồng Tâm.",
     f"Hội nghị sơ kết đợt một năm {Y2025} phong trào Toàn dân bảo vệ an ninh Tổ quốc diễn ra tại hội trường thôn "
     "Đồng Tâm."),
    ("Thực hiện Chỉ thị 05/CT-TTg, các hộ kinh doanh karaoke đóng cửa trước 24h.",
     "Thực hiện Chỉ thị năm của Thủ tướng Chính phủ, các hộ kinh doanh karaoke đóng cửa trước hai mươi tư giờ."),
    ("Ban Chỉ đạo xã họp các ngày 5 và 6/1 để triển khai Tết an toàn.",
     "Ban Chỉ đạo xã họp các ngày năm và sáu tháng một để triển khai Tết an toàn."),
    ("Trạm Y tế xã, BS. Nguyễn Văn Khánh trực cấp cứu 24/7, ĐT 0214 3852 115.",
     "Trạm Y tế xã, Bác sĩ Nguyễn Văn Khánh trực cấp cứu hai mươi tư trên bảy, điện thoại không hai một bốn, ba tám "
     "năm hai, một một năm."),
    ("Lớp 9B Trường THCS Tân Hòa đạt giải nhất cuộc thi tìm hiểu Luật Giao thông đường bộ.",
     "Lớp chín B Trường trung học cơ sở Tân Hòa đạt giải nhất cuộc thi tìm hiểu Luật Giao thông đường bộ."),
    ("Báo cáo kết quả công tác quý IV/2025 gửi về Công an huyện trước 17h ngày 25/12.",
     f"Báo cáo kết quả công tác quý bốn năm {Y2025} gửi về Công an huyện trước mười bảy giờ ngày hai mươi lăm "
     "tháng mười hai."),
    ("Đường dây nóng của Công an tỉnh: 0236.3822.113, hoặc gọi 113.",
     "Đường dây nóng của Công an tỉnh: không hai ba sáu, ba tám hai hai, một một ba, hoặc gọi một một ba."),
    ("Ông Vàng A Dế (SN 1962), người có uy tín ở bản, được UBND huyện tặng giấy khen theo Quyết định 77/QĐ-UBND.",
     "Ông Vàng A Dế (sinh năm một nghìn chín trăm sáu mươi hai), người có uy tín ở bản, được Ủy ban nhân dân huyện "
     "tặng giấy khen theo Quyết định bảy mươi bảy của Ủy ban nhân dân."),
    ("Tuần tra kiểm soát trên tuyến ĐT 605 các đêm 31/12 và 1/1.",
     "Tuần tra kiểm soát trên tuyến đường tỉnh sáu trăm linh năm các đêm ngày ba mươi mốt tháng mười hai và một "
     "tháng một."),
    ("Hạn chót nộp hồ sơ là 16h30 ngày 20/3/2026 tại bộ phận một cửa, P. Hòa Minh.",
     f"Hạn chót nộp hồ sơ là mười sáu giờ ba mươi phút ngày hai mươi tháng ba năm {Y2026} tại bộ phận một cửa, "
     "phường Hòa Minh."),
]

SECOND_BATCH = [
    ("Căn cứ Luật Căn cước số 26/2023/QH15 ngày 27/11/2023;",
     "Căn cứ Luật Căn cước số hai mươi sáu năm hai nghìn không trăm hai mươi ba của Quốc hội khóa mười lăm ngày hai "
     "mươi bảy tháng mười một năm hai nghìn không trăm hai mươi ba;"),
    ("Thực hiện Công văn số 1520/CAT-PV01 ngày 12/9/2025 của Công an tỉnh về việc thu hồi súng tự chế.",
     f"Thực hiện Công văn số một nghìn năm trăm hai mươi ngày mười hai tháng chín năm {Y2025} của Công an tỉnh về "
     "việc thu hồi súng tự chế."),
    ("Đường 3/2 bị cấm từ 19h-23h.", "Đường ba tháng hai bị cấm từ mười chín giờ đến hai mươi ba giờ."),
    ("Mít tinh kỷ niệm Quốc khánh 2/9 tại sân vận động xã.",
     "Mít tinh kỷ niệm Quốc khánh hai tháng chín tại sân vận động xã."),
    ("Tết Nguyên đán từ 14/2 đến 22/2/2026, cấm đốt pháo.",
     f"Tết Nguyên đán từ ngày mười bốn tháng hai đến ngày hai mươi hai tháng hai năm {Y2026}, cấm đốt pháo."),
    ("Hội nghị triển khai Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.",
     f"Hội nghị triển khai Nghị quyết năm mươi bảy ngày hai mươi hai tháng mười hai năm {Y2024} của Bộ Chính trị."),
    ("Tổ ANTT cơ sở thôn 3B gồm 4 thành viên.", "Tổ an ninh trật tự cơ sở thôn ba B gồm bốn thành viên."),
    ("Nhận tin báo lúc 23h45 ngày 31/12, lực lượng đến hiện trường lúc 0h10.",
     "Nhận tin báo lúc hai mươi ba giờ bốn mươi lăm phút ngày ba mươi mốt tháng mười hai, lực lượng đến hiện trường "
     "lúc không giờ mười phút."),
    ("Phạt từ 6-8 triệu đồng theo điểm a khoản 4 Điều 7 Nghị định 168/2024/NĐ-CP.",
     "Phạt từ sáu đến tám triệu đồng theo điểm a khoản bốn Điều bảy Nghị định một trăm sáu mươi tám năm "
     f"{Y2024} của Chính phủ."),
    ("Lịch trực: T2-T6, 7h-17h; T7, CN: 7h-11h.",
     "Lịch trực: từ thứ hai đến thứ sáu, từ bảy giờ đến mười bảy giờ; thứ bảy, chủ nhật: từ bảy giờ đến mười một giờ."),
    ("Địa chỉ: Số 8A, ngõ 15/3, tổ 4, P. Quang Trung, TP. Thái Nguyên.",
     "Địa chỉ: Số tám A, ngõ mười lăm trên ba, tổ bốn, phường Quang Trung, thành phố Thái Nguyên."),
    ("ĐT/Zalo: 0912345678", "Điện thoại Zalo: không chín một hai, ba bốn năm, sáu bảy tám"),
    ("Kế hoạch 125/KH-UBND-VP ngày 3/3", "Kế hoạch một trăm hai mươi lăm của Ủy ban nhân dân ngày ba tháng ba"),
    ("Từ ngày 01/7/2025, bỏ cấp huyện.", f"Từ ngày một tháng bảy năm {Y2025}, bỏ cấp huyện."),
    ("Vụ việc xảy ra tại Km 15+200 QL279.",
     "Vụ việc xảy ra tại ki-lô-mét mười lăm cộng hai trăm Quốc lộ hai trăm bảy mươi chín."),
    ("Thông tin: ông Lù Văn Tỉnh, trưởng bản, SĐT 0399 888 777.",
     "Thông tin: ông Lù Văn Tỉnh, trưởng bản, số điện thoại không ba chín chín, tám tám tám, bảy bảy bảy."),
    ("Các em học sinh lớp 10A1 tham gia.", "Các em học sinh lớp mười A một tham gia."),
]


@pytest.mark.parametrize(("written", "said"), UNSEEN + SECOND_BATCH)
def test_a_sentence_the_engine_was_not_tuned_on_is_read_right(written, said):
    assert to_spoken(written) == said
