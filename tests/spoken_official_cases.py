"""Official text and how the loudspeaker says it, written and read by hand from the way decrees, plans and police
notices are written. Shared by the spoken-form tests and the read-time check against espeak-ng; the years are named
once so a reading is checked, not copied."""

from __future__ import annotations

Y2015 = "hai nghìn không trăm mười lăm"
Y2019 = "hai nghìn không trăm mười chín"
Y2020 = "hai nghìn không trăm hai mươi"
Y2021 = "hai nghìn không trăm hai mươi mốt"
Y2023 = "hai nghìn không trăm hai mươi ba"
Y2024 = "hai nghìn không trăm hai mươi tư"
Y2025 = "hai nghìn không trăm hai mươi lăm"
Y2026 = "hai nghìn không trăm hai mươi sáu"

DOCUMENTS = [
    ("Căn cứ Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân.",
     f"Căn cứ Nghị định mười ba năm {Y2023} của Chính phủ về bảo vệ dữ liệu cá nhân."),
    ("Nghị định số 100/2019/NĐ-CP ngày 30/12/2019 của Chính phủ quy định xử phạt vi phạm hành chính.",
     f"Nghị định số một trăm năm {Y2019} ngày ba mươi tháng mười hai năm {Y2019} của Chính phủ quy định xử phạt "
     "vi phạm hành chính."),
    ("Thực hiện Kế hoạch số 32/KH-UBND ngày 05/3/2025 của UBND xã Tân Lập.",
     f"Thực hiện Kế hoạch số ba mươi hai ngày năm tháng ba năm {Y2025} của Ủy ban nhân dân xã Tân Lập."),
    ("Theo Quyết định 1234/QĐ-UBND, thôn được công nhận đạt chuẩn.",
     "Theo Quyết định một nghìn hai trăm ba mươi tư của Ủy ban nhân dân, thôn được công nhận đạt chuẩn."),
    ("Thông tư 15/2024/TT-BCA quy định về tiếp công dân.",
     f"Thông tư mười lăm năm {Y2024} của Bộ Công an quy định về tiếp công dân."),
    ("Luật Cư trú số 68/2020/QH14 có hiệu lực.",
     f"Luật Cư trú số sáu mươi tám năm {Y2020} của Quốc hội khóa mười bốn có hiệu lực."),
    ("Chỉ thị số 05/CT-TTg của Thủ tướng Chính phủ", "Chỉ thị số năm của Thủ tướng Chính phủ"),
    ("Thông tư liên tịch số 01/2015/TTLT-BCA-BQP",
     f"Thông tư liên tịch số một năm {Y2015} của Bộ Công an và Bộ Quốc phòng"),
    ("Công văn số 215/UBND-VP gửi các thôn.", "Công văn số hai trăm mười lăm của Ủy ban nhân dân gửi các thôn."),
    ("Nghị quyết số 45-NQ/TW về xây dựng lực lượng.", "Nghị quyết số bốn mươi lăm của Trung ương về xây dựng lực lượng."),
    ("Chỉ thị 35-CT/TW của Bộ Chính trị", "Chỉ thị ba mươi lăm của Bộ Chính trị"),
    ("Thực hiện 18/KH-CAX, Công an xã ra quân tuần tra.",
     "Thực hiện kế hoạch số mười tám của Công an xã, Công an xã ra quân tuần tra."),
    ("Thông báo số 07/TB-UBND về lịch tiếp công dân", "Thông báo số bảy của Ủy ban nhân dân về lịch tiếp công dân"),
    ("Nghị quyết số 12/2024/NQ-HĐND của HĐND tỉnh", f"Nghị quyết số mười hai năm {Y2024} của Hội đồng nhân dân tỉnh"),
    ("Quyết định số 2096/QĐ-BCA-C06 về định danh điện tử",
     "Quyết định số hai nghìn không trăm chín mươi sáu của Bộ Công an về định danh điện tử"),
    ("Nghị định 144/2021/NĐ-CP và Nghị định 168/2024/NĐ-CP",
     f"Nghị định một trăm bốn mươi tư năm {Y2021} của Chính phủ và Nghị định một trăm sáu mươi tám năm {Y2024}"),
    ("Quyết định 1234/QĐ-UBND và 1235/QĐ-UBND",
     "Quyết định một nghìn hai trăm ba mươi tư của Ủy ban nhân dân và một nghìn hai trăm ba mươi lăm"),
    ("Báo cáo 56/BC-CAX ngày 20/11/2025",
     f"Báo cáo năm mươi sáu của Công an xã ngày hai mươi tháng mười một năm {Y2025}"),
    ("Kế hoạch 09/KH-BCĐ do Ban Chỉ đạo xã ban hành", "Kế hoạch chín do Ban Chỉ đạo xã ban hành"),
    ("Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số 55/2024/QH15;",
     f"Căn cứ Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ số năm mươi lăm năm {Y2024} của Quốc hội khóa mười lăm;"),
    ("Hướng dẫn số 03/HD-CAH", "Hướng dẫn số ba của Công an huyện"),
    ("theo Tờ trình số 45/TTr-UBND", "theo Tờ trình số bốn mươi lăm của Ủy ban nhân dân"),
    ("Công điện số 01/CĐ-TTg về ứng phó bão", "Công điện số một của Thủ tướng Chính phủ về ứng phó bão"),
    ("Văn bản 145/CAX-ANTT nêu rõ", "Văn bản một trăm bốn mươi lăm của Công an xã nêu rõ"),
    ("Phương án 02/PA-CAX", "Phương án hai của Công an xã"),
    ("Quyết định số 15/2024/QĐ-UBND ngày 12 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh",
     f"Quyết định số mười lăm năm {Y2024} ngày mười hai tháng ba năm {Y2024} của Ủy ban nhân dân tỉnh"),
    ("Kết luận số 13-KL/TW", "Kết luận số mười ba của Trung ương"),
    ("Thông tư 58/2020/TT-BCA về xe cơ giới", f"Thông tư năm mươi tám năm {Y2020} của Bộ Công an về xe cơ giới"),
    ("Nghị quyết 01/NQ-CP ngày 05/01/2025", f"Nghị quyết một của Chính phủ ngày năm tháng một năm {Y2025}"),
    ("Quyết định 06/QĐ-TTg về Đề án 06", "Quyết định sáu của Thủ tướng Chính phủ về Đề án sáu"),
    ("Kế hoạch số 112/KH-UBND, Kế hoạch số 113/KH-UBND",
     "Kế hoạch số một trăm mười hai của Ủy ban nhân dân, Kế hoạch số một trăm mười ba"),
    ("Thực hiện Nghị định 13/2023/NĐ-CP.", f"Thực hiện Nghị định mười ba năm {Y2023} của Chính phủ."),
    ("Thông tư số 24/2023/TT-BCA (sửa đổi)", f"Thông tư số hai mươi tư năm {Y2023} của Bộ Công an (sửa đổi)"),
    ("Chương trình 04/CTr-UBND", "Chương trình bốn của Ủy ban nhân dân"),
    ("Theo QĐ số 1234/QĐ-UBND và NQ 05/NQ-HĐND", "Theo Quyết định số một nghìn hai trăm ba mươi tư của Ủy ban nhân dân và "
     "Nghị quyết năm của Hội đồng nhân dân"),
    ("Số: 32/KH-UBND", "Số: ba mươi hai của Ủy ban nhân dân"),
    ("UBND xã ban hành Kế hoạch số 32/KH-UBND về tuần tra.",
     "Ủy ban nhân dân xã ban hành Kế hoạch số ba mươi hai về tuần tra."),
    ("Công an huyện vừa có Hướng dẫn 07/HD-CAH. Theo Hướng dẫn 07/HD-CAH, các xã báo cáo.",
     "Công an huyện vừa có Hướng dẫn bảy. Theo Hướng dẫn bảy của Công an huyện, các xã báo cáo."),
    ("Đọc Điều 5/Chương II", "Đọc Điều năm Chương hai"),
    ("Căn cứ Nghị quyết số 01/2024/NQ-HĐND ngày 10/7/2024 của Hội đồng nhân dân tỉnh;",
     f"Căn cứ Nghị quyết số một năm {Y2024} ngày mười tháng bảy năm {Y2024} của Hội đồng nhân dân tỉnh;"),
    ("Quyết định số 587/QĐ-CAT ngày 15/8/2025",
     f"Quyết định số năm trăm tám mươi bảy của Công an tỉnh ngày mười lăm tháng tám năm {Y2025}"),
    ("Kế hoạch số 76/KH-UBMTTQ", "Kế hoạch số bảy mươi sáu của Ủy ban Mặt trận Tổ quốc"),
    ("theo Thông báo 12/TB-CAX,", "theo Thông báo mười hai của Công an xã,"),
    ("Nghị định 168/2024/NĐ-CP quy định mức phạt nồng độ cồn",
     f"Nghị định một trăm sáu mươi tám năm {Y2024} của Chính phủ quy định mức phạt nồng độ cồn"),
]

BIRTH_YEARS = [
    ("Đối tượng Lò Văn Sáng, SN 1985, trú tại bản Nà Cà.",
     "Đối tượng Lò Văn Sáng, sinh năm một nghìn chín trăm tám mươi lăm, trú tại bản Nà Cà."),
    ("Chị Hà Thị Mai (SN 1992) đã trình báo.",
     "Chị Hà Thị Mai (sinh năm một nghìn chín trăm chín mươi hai) đã trình báo."),
    ("cháu Vi Văn Tú, SN 2009, học sinh lớp 9A",
     "cháu Vi Văn Tú, sinh năm hai nghìn không trăm linh chín, học sinh lớp chín A"),
    ("Bắt Trần Văn Hùng SN:1978", "Bắt Trần Văn Hùng sinh năm một nghìn chín trăm bảy mươi tám"),
    ("Cháy nhà tại SN 14 đường Trần Phú", "Cháy nhà tại số nhà mười bốn đường Trần Phú"),
    ("Anh Lý Văn Hải (SN 2001, ở thôn Tà Phìn)",
     "Anh Lý Văn Hải (sinh năm hai nghìn không trăm linh một, ở thôn Tà Phìn)"),
    ("Hai đối tượng SN 1990 và SN 1995",
     "Hai đối tượng sinh năm một nghìn chín trăm chín mươi và sinh năm một nghìn chín trăm chín mươi lăm"),
    ("ông Đinh Công Lự, SN 1960, thương binh", "ông Đinh Công Lự, sinh năm một nghìn chín trăm sáu mươi, thương binh"),
    ("Mất trộm tại SN 25/3 ngõ Chợ", "Mất trộm tại số nhà hai mươi lăm trên ba ngõ Chợ"),
    ("Mã SNX 1985", "Mã SNX một nghìn chín trăm tám mươi lăm"),
    ("SN1985, ngụ tại xã Hòa Phong.", "Sinh năm một nghìn chín trăm tám mươi lăm, ngụ tại xã Hòa Phong."),
    ("Nạn nhân là bà Lường Thị Xuân, SN 1948.",
     "Nạn nhân là bà Lường Thị Xuân, sinh năm một nghìn chín trăm bốn mươi tám."),
    ("Tạm giữ Hoàng Văn Dũng (SN 2005)", "Tạm giữ Hoàng Văn Dũng (sinh năm hai nghìn không trăm linh năm)"),
]

ADDRESSES = [
    ("Cháy tại nhà số 12A đường Lê Lợi", "Cháy tại nhà số mười hai A đường Lê Lợi"),
    ("Va chạm trên Quốc lộ 1A đoạn qua xã", "Va chạm trên Quốc lộ một A đoạn qua xã"),
    ("Xe tải lật trên QL1A", "Xe tải lật trên Quốc lộ một A"),
    ("Sạt lở trên QL.6 qua bản Mường", "Sạt lở trên Quốc lộ sáu qua bản Mường"),
    ("Ngõ 5B phố Chùa Bộc", "Ngõ năm B phố Chùa Bộc"),
    ("kiệt 34/2 đường Hùng Vương", "kiệt ba mươi tư trên hai đường Hùng Vương"),
    ("hẻm 3/4 đường Nguyễn Trãi", "hẻm ba trên bốn đường Nguyễn Trãi"),
    ("ngõ 12/5 phố Huế", "ngõ mười hai trên năm phố Huế"),
    ("số 27/3A đường Lê Duẩn", "số hai mươi bảy trên ba A đường Lê Duẩn"),
    ("nhà số 8, tổ 3, thôn Đông", "nhà số tám, tổ ba, thôn Đông"),
    ("Số nhà 45/12/7 hẻm Lê Văn Sỹ", "Số nhà bốn mươi lăm trên mười hai trên bảy hẻm Lê Văn Sỹ"),
    ("Ngập sâu trên đường ĐT741", "Ngập sâu trên đường tỉnh bảy trăm bốn mươi mốt"),
    ("Tuyến TL10 qua xã", "Tuyến tỉnh lộ mười qua xã"),
    ("Nước ngập ĐT 741 đoạn qua thôn", "Nước ngập đường tỉnh bảy trăm bốn mươi mốt đoạn qua thôn"),
    ("Học sinh lớp 9A và 12B", "Học sinh lớp chín A và mười hai B"),
    ("Tổ 3B khu phố 2", "Tổ ba B khu phố hai"),
    ("phòng 204B trụ sở UBND", "phòng hai trăm linh bốn B trụ sở Ủy ban nhân dân"),
    ("Lô 12C khu dân cư mới", "Lô mười hai C khu dân cư mới"),
    ("ngách 2/14 ngõ 68", "ngách hai trên mười bốn ngõ sáu mươi tám"),
    ("số 5/7 đường Lý Thường Kiệt", "số năm trên bảy đường Lý Thường Kiệt"),
    ("Khoảng 3/4 số hộ", "Khoảng ba phần tư số hộ"),
    ("Quốc lộ 1 và Quốc lộ 1A", "Quốc lộ một và Quốc lộ một A"),
    ("căn hộ 1205B chung cư", "căn hộ một nghìn hai trăm linh năm B chung cư"),
    ("Kho hàng tại lô 7B cụm công nghiệp", "Kho hàng tại lô bảy B cụm công nghiệp"),
    ("Ngã ba QL1A với ĐT 826", "Ngã ba Quốc lộ một A với đường tỉnh tám trăm hai mươi sáu"),
    ("Hẻm 47/12 Nguyễn Văn Cừ", "Hẻm bốn mươi bảy trên mười hai Nguyễn Văn Cừ"),
]

DATE_LISTS = [
    ("Nghỉ lễ 30/4 và 1/5.", "Nghỉ lễ ngày ba mươi tháng tư và một tháng năm."),
    ("Các ngày 2/9, 3/9 tăng cường tuần tra.", "Các ngày hai tháng chín, ba tháng chín tăng cường tuần tra."),
    ("Từ ngày 30/4 đến ngày 1/5", "Từ ngày ba mươi tháng tư đến ngày một tháng năm"),
    ("từ 28/4 đến 3/5 cấm đốt pháo", "từ ngày hai mươi tám tháng tư đến ngày ba tháng năm cấm đốt pháo"),
    ("Ngày 2 và 3/9 diễn tập", "Ngày hai và ba tháng chín diễn tập"),
    ("ngày 1, 2 và 3/5", "ngày một, hai và ba tháng năm"),
    ("Tiếp dân vào 5/3, 12/3 và 19/3.", "Tiếp dân vào ngày năm tháng ba, mười hai tháng ba và mười chín tháng ba."),
    ("hoãn từ 1/5 đến 5/5/2025", f"hoãn từ ngày một tháng năm đến ngày năm tháng năm năm {Y2025}"),
    ("Ngày 30/4/2025 và 1/5/2025", f"Ngày ba mươi tháng tư năm {Y2025} và một tháng năm năm {Y2025}"),
    ("hẹn vào 1/6 hoặc 15/6", "hẹn vào ngày một tháng sáu hoặc mười lăm tháng sáu"),
    ("Tỷ lệ 1/2 và 3/4", "Tỷ lệ một phần hai và ba phần tư"),
    ("Hai ngày 1/1 và 2/1", "Hai ngày một tháng một và hai tháng một"),
    ("các ngày 10, 11 và 12/11", "các ngày mười, mười một và mười hai tháng mười một"),
    ("Sáng 30/4, chiều 1/5 có pháo hoa", "Sáng ngày ba mươi tháng tư, chiều ngày một tháng năm có pháo hoa"),
    ("đêm 31/12 và rạng sáng 1/1", "đêm ngày ba mươi mốt tháng mười hai và rạng sáng ngày một tháng một"),
    ("Chiếm 2/3 số hộ", "Chiếm hai phần ba số hộ"),
    ("Cấm đốt pháo các ngày 29/1, 30/1 và 1/2",
     "Cấm đốt pháo các ngày hai mươi chín tháng một, ba mươi tháng một và một tháng hai"),
    ("từ 25/12 đến 2/1", "từ ngày hai mươi lăm tháng mười hai đến ngày hai tháng một"),
]

TIME_SPANS = [
    ("Tiếp dân 17h-19h hằng ngày", "Tiếp dân từ mười bảy giờ đến mười chín giờ hằng ngày"),
    ("Làm việc 7h30-11h", "Làm việc từ bảy giờ ba mươi phút đến mười một giờ"),
    ("Cấm xe tải 6h-8h và 16h-19h",
     "Cấm xe tải từ sáu giờ đến tám giờ và từ mười sáu giờ đến mười chín giờ"),
    ("Trực 17 giờ-19 giờ", "Trực từ mười bảy giờ đến mười chín giờ"),
    ("Buổi chiều 13h30 - 17h", "Buổi chiều từ mười ba giờ ba mươi phút đến mười bảy giờ"),
    ("từ 14h00-16h30", "từ mười bốn giờ đến mười sáu giờ ba mươi phút"),
    ("Giờ cao điểm 17:00-19:00", "Giờ cao điểm từ mười bảy giờ đến mười chín giờ"),
    ("Họp 8h–10h30 tại nhà văn hóa", "Họp từ tám giờ đến mười giờ ba mươi phút tại nhà văn hóa"),
    ("Phát thanh 6h-6h30 và 17h-17h30",
     "Phát thanh từ sáu giờ đến sáu giờ ba mươi phút và từ mười bảy giờ đến mười bảy giờ ba mươi phút"),
    ("Cấm đốt pháo 22h-6h sáng hôm sau", "Cấm đốt pháo từ hai mươi hai giờ đến sáu giờ sáng hôm sau"),
    ("Sáng: 7h30-11h30; chiều: 13h30-17h.",
     "Sáng: từ bảy giờ ba mươi phút đến mười một giờ ba mươi phút; chiều: từ mười ba giờ ba mươi phút đến mười bảy giờ."),
    ("19h-21h ngày 30/4", "từ mười chín giờ đến hai mươi mốt giờ ngày ba mươi tháng tư"),
    ("Thời gian: 7h-7h15", "Thời gian: từ bảy giờ đến bảy giờ mười lăm phút"),
    ("Bắn pháo hoa 0h-0h15", "Bắn pháo hoa từ không giờ đến không giờ mười lăm phút"),
    ("Giờ làm việc: 7h00-11h30, 13h30-17h00",
     "Giờ làm việc: từ bảy giờ đến mười một giờ ba mươi phút, từ mười ba giờ ba mươi phút đến mười bảy giờ"),
    ("Cấm ô tô 6:30-8:00", "Cấm ô tô từ sáu giờ ba mươi phút đến tám giờ"),
]

PERIODS = [
    ("Trong Quý I/2025, xã xảy ra 3 vụ trộm.", f"Trong Quý một năm {Y2025}, xã xảy ra ba vụ trộm."),
    ("kết quả quý II/2024", f"kết quả quý hai năm {Y2024}"),
    ("Quý III/2025", f"Quý ba năm {Y2025}"),
    ("Quý IV/2024", f"Quý bốn năm {Y2024}"),
    ("quý 2/2025", f"quý hai năm {Y2025}"),
    ("Đợt 1/2025 tuyển quân", f"Đợt một năm {Y2025} tuyển quân"),
    ("Học kỳ II/2025", f"Học kỳ hai năm {Y2025}"),
    ("Quý I-2026", f"Quý một năm {Y2026}"),
    ("Quý I và Quý II/2025", f"Quý một và Quý hai năm {Y2025}"),
    ("trong quý III năm 2025", f"trong quý ba năm {Y2025}"),
    ("6 tháng đầu năm 2025", f"sáu tháng đầu năm {Y2025}"),
    ("tháng 12/2024 và quý I/2025", f"tháng mười hai năm {Y2024} và quý một năm {Y2025}"),
    ("Sơ kết Quý I/2026 tại hội trường", f"Sơ kết Quý một năm {Y2026} tại hội trường"),
    ("đợt 2/2024", f"đợt hai năm {Y2024}"),
]

PHONE_LABELS = [
    ("Liên hệ ĐT: 0912345678.", "Liên hệ điện thoại: không chín một hai, ba bốn năm, sáu bảy tám."),
    ("ĐT: 0236.3822.113", "Điện thoại: không hai ba sáu, ba tám hai hai, một một ba"),
    ("SĐT: 0912 345 678", "Số điện thoại: không chín một hai, ba bốn năm, sáu bảy tám"),
    ("Liên hệ Trưởng Công an xã, SĐT/Zalo: 0905.123.456.",
     "Liên hệ Trưởng Công an xã, số điện thoại Zalo: không chín không năm, một hai ba, bốn năm sáu."),
    ("Trực ban Công an xã, ĐT 0209.3870.113",
     "Trực ban Công an xã, điện thoại không hai không chín, ba tám bảy không, một một ba"),
    ("Mọi thông tin xin gọi: Đt 0987.654.321",
     "Mọi thông tin xin gọi: điện thoại không chín tám bảy, sáu năm bốn, ba hai một"),
    ("ĐTDĐ: 0912 345 678", "Điện thoại di động: không chín một hai, ba bốn năm, sáu bảy tám"),
    ("anh Tùng (ĐT: 0978123456)", "anh Tùng (điện thoại: không chín bảy tám, một hai ba, bốn năm sáu)"),
    ("Điện thoại: 0236.3822.113", "Điện thoại: không hai ba sáu, ba tám hai hai, một một ba"),
    ("Tel: +84 912 345 678", "Điện thoại: không chín một hai, ba bốn năm, sáu bảy tám"),
    ("Nhắn sđt 0912345678 cho tổ trưởng",
     "Nhắn số điện thoại không chín một hai, ba bốn năm, sáu bảy tám cho tổ trưởng"),
    ("DĐ: 0868 111 222", "Di động: không tám sáu tám, một một một, hai hai hai"),
    ("Cháy gọi ĐT: 114", "Cháy gọi điện thoại: một một bốn"),
    ("Tổ trưởng ông Lò Văn Ơn, ĐT 0383.456.789",
     "Tổ trưởng ông Lò Văn Ơn, điện thoại không ba tám ba, bốn năm sáu, bảy tám chín"),
    ("ĐT trực ban: 0209 3870 113", "Điện thoại trực ban: không hai không chín, ba tám bảy không, một một ba"),
]

DOTTED = [
    ("Tại TP. HCM", "Tại thành phố Hồ Chí Minh"),
    ("Đoàn về TP.Hà Nội", "Đoàn về thành phố Hà Nội"),
    ("Đoàn công tác Tp. Đà Nẵng", "Đoàn công tác thành phố Đà Nẵng"),
    ("Giáp ranh TX. Sơn Tây", "Giáp ranh thị xã Sơn Tây"),
    ("Số 5 Lê Lợi, P. Bến Thành, Q. 1, TP. HCM",
     "Số năm Lê Lợi, phường Bến Thành, quận một, thành phố Hồ Chí Minh"),
    ("123 Nguyễn Trãi, P.5, Q.3", "một trăm hai mươi ba Nguyễn Trãi, phường năm, quận ba"),
    ("ThS. Lê Thị Hoa trình bày", "Thạc sĩ Lê Thị Hoa trình bày"),
    ("PGS.TS. Nguyễn Văn Nam", "Phó Giáo sư Tiến sĩ Nguyễn Văn Nam"),
    ("BS. Trần Văn Bình, Trạm Y tế xã", "Bác sĩ Trần Văn Bình, Trạm Y tế xã"),
    ("LS. Hoàng Minh tư vấn", "Luật sư Hoàng Minh tư vấn"),
    ("Anh H.V.T. giúp đỡ", "Anh H.V.T. giúp đỡ"),
    ("Người dân TP.HCM", "Người dân Thành phố Hồ Chí Minh"),
    ("Ấp 3, X. Tân Lập, H. Củ Chi", "Ấp ba, xã Tân Lập, huyện Củ Chi"),
    ("Chị Đỗ Thị X. Hôm nay chị", "Chị Đỗ Thị X. Hôm nay chị"),
    ("TP. Huế và TX. Hương Trà", "Thành phố Huế và thị xã Hương Trà"),
    ("Bệnh viện Đa khoa TP. Vinh", "Bệnh viện Đa khoa thành phố Vinh"),
    ("KS. Đặng Văn Lâm, Phòng Kinh tế", "Kỹ sư Đặng Văn Lâm, Phòng Kinh tế"),
]

PLATES = [
    ("Xe ô tô BKS 75A-123.45 bỏ chạy về hướng Huế.",
     "Xe ô tô biển kiểm soát bảy năm A, một hai ba, bốn năm bỏ chạy về hướng Huế."),
    ("Mất trộm xe máy biển số 29H1-234.56 tại chợ.",
     "Mất trộm xe máy biển số hai chín H một, hai ba bốn, năm sáu tại chợ."),
    ("Xe tải 51C-678.90 chở quá tải.", "Xe tải năm một C, sáu bảy tám, chín không chở quá tải."),
    ("Tạm giữ xe BKS 30LD 12345.", "Tạm giữ xe biển kiểm soát ba không LD, một hai ba bốn năm."),
    ("Xe khách 20B-01234 dừng đỗ sai quy định.", "Xe khách hai không B, không một hai ba bốn dừng đỗ sai quy định."),
    ("Ai nhặt được BSX 43K1-567.89 xin báo Công an xã.",
     "Ai nhặt được biển số xe bốn ba K một, năm sáu bảy, tám chín xin báo Công an xã."),
    ("Lớp 12A-2025 tham quan.", "Lớp mười hai A hai nghìn không trăm hai mươi lăm tham quan."),
]

TABLE = DOCUMENTS + BIRTH_YEARS + ADDRESSES + DATE_LISTS + TIME_SPANS + PERIODS + PHONE_LABELS + DOTTED + PLATES

# Whole sentences the engine was not tuned on (tests/content/test_spoken_unseen.py tells their story).
UNSEEN = [
    ("Thực hiện Kế hoạch số 45/KH-CAH ngày 02/01/2026 của Công an huyện, Công an xã Nậm Pồ tổ chức tuần tra từ "
     "22h-2h các đêm 10/2 và 11/2.",
     f"Thực hiện Kế hoạch số bốn mươi lăm ngày hai tháng một năm {Y2026} của Công an huyện, Công an xã Nậm Pồ tổ chức "
     "tuần tra từ hai mươi hai giờ đến hai giờ các đêm ngày mười tháng hai và mười một tháng hai."),
    ("Đối tượng Sùng A Páo, SN 1998, trú tại bản Huổi Lếch, đã bị xử phạt theo Nghị định 144/2021/NĐ-CP.",
     "Đối tượng Sùng A Páo, sinh năm một nghìn chín trăm chín mươi tám, trú tại bản Huổi Lếch, đã bị xử phạt theo "
     "Nghị định một trăm bốn mươi tư năm hai nghìn không trăm hai mươi mốt của Chính phủ."),
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
     "tặng giấy khen theo Quyết định bảy mươi bảy."),
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

THIRD_BATCH = [
    ("Căn cứ Thông tư số 65/2020/TT-BCA ngày 19/6/2020 của Bộ trưởng Bộ Công an quy định nhiệm vụ tuần tra, kiểm "
     "soát của CSGT;",
     f"Căn cứ Thông tư số sáu mươi lăm năm {Y2020} ngày mười chín tháng sáu năm {Y2020} của Bộ trưởng Bộ Công an "
     "quy định nhiệm vụ tuần tra, kiểm soát của Cảnh sát giao thông;"),
    ("Từ 0h ngày 1/1/2026, xe không chính chủ bị xử lý theo quy định.",
     f"Từ không giờ ngày một tháng một năm {Y2026}, xe không chính chủ bị xử lý theo quy định."),
    ("Cụ bà Hà Thị Nhung (SN 1939, trú tại tổ 5B, P. Tân Thịnh, TP. Hòa Bình) đi lạc, ai biết xin báo ĐT: "
     "0218 3852 113.",
     "Cụ bà Hà Thị Nhung (sinh năm một nghìn chín trăm ba mươi chín, trú tại tổ năm B, phường Tân Thịnh, thành phố "
     "Hòa Bình) đi lạc, ai biết xin báo điện thoại: không hai một tám, ba tám năm hai, một một ba."),
    ("UBND xã Tân Minh thông báo: thời gian nhận hồ sơ từ 8h-11h30 và 14h-17h các ngày làm việc trong tuần "
     "(trừ T7, CN).",
     "Ủy ban nhân dân xã Tân Minh thông báo: thời gian nhận hồ sơ từ tám giờ đến mười một giờ ba mươi phút và từ "
     "mười bốn giờ đến mười bảy giờ các ngày làm việc trong tuần (trừ thứ bảy, chủ nhật)."),
    ("Kết quả đợt cao điểm từ 15/11 đến 31/12/2025: bắt 3 vụ, 7 đối tượng.",
     "Kết quả đợt cao điểm từ ngày mười lăm tháng mười một đến ngày ba mươi mốt tháng mười hai năm "
     f"{Y2025}: bắt ba vụ, bảy đối tượng."),
    ("Theo Báo cáo số 215/BC-CAX ngày 28/12/2025, năm 2025 toàn xã không xảy ra cháy nổ.",
     f"Theo Báo cáo số hai trăm mười lăm của Công an xã ngày hai mươi tám tháng mười hai năm {Y2025}, năm {Y2025} "
     "toàn xã không xảy ra cháy nổ."),
    ("Vụ tai nạn xảy ra lúc 5h40 ngày 3/1 tại km 45+500 QL1A, đoạn qua thôn Xuân Lộc.",
     "Vụ tai nạn xảy ra lúc năm giờ bốn mươi phút ngày ba tháng một tại ki-lô-mét bốn mươi lăm cộng năm trăm Quốc "
     "lộ một A, đoạn qua thôn Xuân Lộc."),
    ("Thực hiện Chỉ thị 04/CT-UBND ngày 10/01/2026 của Chủ tịch UBND tỉnh về đảm bảo ANTT dịp Tết Nguyên đán.",
     f"Thực hiện Chỉ thị bốn ngày mười tháng một năm {Y2026} của Chủ tịch Ủy ban nhân dân tỉnh về đảm bảo an ninh "
     "trật tự dịp Tết Nguyên đán."),
    ("Đề nghị các hộ kinh doanh trên đường 30/4 và đường 2/9 không lấn chiếm vỉa hè.",
     "Đề nghị các hộ kinh doanh trên đường ba mươi tháng tư và đường hai tháng chín không lấn chiếm vỉa hè."),
    ("Hội nghị được tổ chức lúc 14h00 ngày 05/02/2026 tại hội trường UBND xã (tầng 2, nhà A).",
     f"Hội nghị được tổ chức lúc mười bốn giờ ngày năm tháng hai năm {Y2026} tại hội trường Ủy ban nhân dân xã "
     "(tầng hai, nhà A)."),
    ("Xe ô tô BKS 75A-123.45 lưu thông trên ĐT.649 theo hướng Bắc - Nam.",
     "Xe ô tô biển kiểm soát bảy năm A, một hai ba, bốn năm lưu thông trên đường tỉnh sáu trăm bốn mươi chín theo "
     "hướng Bắc - Nam."),
    ("Anh Lò Văn Khánh (ĐT: 0968.246.135) là tổ trưởng tổ an ninh thôn Bản Vược.",
     "Anh Lò Văn Khánh (điện thoại: không chín sáu tám, hai bốn sáu, một ba năm) là tổ trưởng tổ an ninh thôn Bản "
     "Vược."),
    ("Năm 2025, xã vận động thu hồi 12 khẩu súng tự chế, 3,5 kg thuốc nổ.",
     f"Năm {Y2025}, xã vận động thu hồi mười hai khẩu súng tự chế, ba phẩy năm ki-lô-gam thuốc nổ."),
    ("Sinh hoạt chi bộ Quý I/2026 vào 19h30 thứ Sáu, 13/3/2026.",
     f"Sinh hoạt chi bộ Quý một năm {Y2026} vào mười chín giờ ba mươi phút thứ Sáu, ngày mười ba tháng ba năm "
     f"{Y2026}."),
]

FOURTH_BATCH = [
    ("Ngày 12/3/2026, Công an xã Phong Thạnh phối hợp Đội CSGT-TT Công an huyện ra quân xử lý vi phạm nồng độ cồn.",
     f"Ngày mười hai tháng ba năm {Y2026}, Công an xã Phong Thạnh phối hợp Đội Cảnh sát giao thông, trật tự Công an "
     "huyện ra quân xử lý vi phạm nồng độ cồn."),
    ("Thời gian làm việc của bộ phận một cửa: Sáng từ 7h00 đến 11h30, chiều từ 13h30 đến 17h00.",
     "Thời gian làm việc của bộ phận một cửa: Sáng từ bảy giờ đến mười một giờ ba mươi phút, chiều từ mười ba giờ "
     "ba mươi phút đến mười bảy giờ."),
    ("Căn cứ Quyết định số 4115/QĐ-UBND ngày 28/12/2024 của UBND tỉnh về việc ban hành danh mục TTHC;",
     f"Căn cứ Quyết định số bốn nghìn một trăm mười lăm ngày hai mươi tám tháng mười hai năm {Y2024} của Ủy ban nhân "
     "dân tỉnh về việc ban hành danh mục thủ tục hành chính;"),
    ("Đối tượng Đinh Văn Tài (SN 1987; HKTT: thôn 4, xã Ea Tiêu) bị bắt theo lệnh truy nã.",
     "Đối tượng Đinh Văn Tài (sinh năm một nghìn chín trăm tám mươi bảy; hộ khẩu thường trú: thôn bốn, xã Ea Tiêu) "
     "bị bắt theo lệnh truy nã."),
    ("Khám sơ tuyển nghĩa vụ quân sự từ 1/11 - 15/11/2025.",
     f"Khám sơ tuyển nghĩa vụ quân sự từ ngày một tháng mười một đến ngày mười lăm tháng mười một năm {Y2025}."),
    ("Khu vực cấm: từ Km 2+300 đến Km 3+100 ĐT 603.",
     "Khu vực cấm: từ ki-lô-mét hai cộng ba trăm đến ki-lô-mét ba cộng một trăm đường tỉnh sáu trăm linh ba."),
    ("Khen thưởng 5 tập thể, 12 cá nhân có thành tích trong Quý IV/2025.",
     f"Khen thưởng năm tập thể, mười hai cá nhân có thành tích trong Quý bốn năm {Y2025}."),
    ("Địa chỉ nhận đơn: Công an xã Hòa Tiến, số 02 đường Trần Quang Khải, thôn 6.",
     "Địa chỉ nhận đơn: Công an xã Hòa Tiến, số hai đường Trần Quang Khải, thôn sáu."),
    ("Liên hệ Trung tá Phan Văn Lộc, Trưởng Công an xã, SĐT/Zalo: 0905.123.456.",
     "Liên hệ Trung tá Phan Văn Lộc, Trưởng Công an xã, số điện thoại Zalo: không chín không năm, một hai ba, bốn năm "
     "sáu."),
    ("Xét xử lưu động vụ án theo Điều 251 BLHS năm 2015.",
     "Xét xử lưu động vụ án theo Điều hai trăm năm mươi mốt Bộ luật Hình sự năm hai nghìn không trăm mười lăm."),
    ("Thực hiện Nghị quyết 18-NQ/TW, từ 01/3/2025 Công an cấp huyện kết thúc hoạt động.",
     f"Thực hiện Nghị quyết mười tám của Trung ương, từ ngày một tháng ba năm {Y2025} Công an cấp huyện kết thúc "
     "hoạt động."),
]
