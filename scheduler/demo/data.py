"""Demo content for Loa: topics, areas, users, two campaigns and 36 messages.

Pure data, written for demonstrations and tests. Every person and every residential
area (thôn, xóm, tổ dân phố) named here is invented; "xã" and "Công an xã" stand for any
commune. Phone 0912 345 678 is a placeholder for the commune police duty line; links use
the reserved ``example.vn`` domain.
"""

from __future__ import annotations

from datetime import date

TOPICS: list[dict] = [
    {"slug": "phong-chong-ma-tuy", "name": "Phòng, chống ma túy"},
    {"slug": "phong-chong-trom-cap", "name": "Phòng, chống trộm cắp tài sản"},
    {"slug": "lua-dao-khong-gian-mang", "name": "Phòng, chống lừa đảo trên không gian mạng"},
    {"slug": "an-toan-giao-thong", "name": "An toàn giao thông"},
    {"slug": "phong-chay-chua-chay", "name": "Phòng cháy, chữa cháy"},
    {"slug": "guong-nguoi-tot-viec-tot", "name": "Gương người tốt, việc tốt"},
    {"slug": "an-ninh-trat-tu-co-so", "name": "An ninh, trật tự cơ sở"},
]

RESIDENTIAL_AREAS: list[str] = [
    "Thôn Đồng Sen",
    "Thôn Bãi Ngọc",
    "Thôn Khe Lim",
    "Xóm Gò Mít",
    "Tổ dân phố Hòa Bình 3",
    "Tổ dân phố Tân Lập 2",
]

USERS: list[dict] = [
    {"username": "quantri", "full_name": "Lê Minh Khang", "role": "admin"},
    {"username": "bientap", "full_name": "Nguyễn Thị Thu Hà", "role": "editor"},
    {"username": "bientap2", "full_name": "Trần Quốc Bảo", "role": "editor"},
    {"username": "pheduyet", "full_name": "Phạm Văn Thành", "role": "approver"},
    {"username": "phatthanh", "full_name": "Đỗ Thị Lan Anh", "role": "radio_operator"},
    {"username": "phantich", "full_name": "Hoàng Đức Tín", "role": "analyst"},
]

CAMPAIGNS: list[dict] = [
    {
        "key": "antq-khu-dan-cu-an-toan",
        "plan_number": "Kế hoạch số 32/KH-UBND",
        "issuing_body": "Ủy ban nhân dân tỉnh",
        "title": (
            "Đẩy mạnh phong trào Toàn dân bảo vệ an ninh Tổ quốc, xây dựng khu dân cư "
            "an toàn về an ninh, trật tự giai đoạn 2026–2027"
        ),
        "description": (
            "Kế hoạch huy động mọi tầng lớp nhân dân tham gia bảo vệ an ninh, trật tự ngay tại "
            "khu dân cư, nhân rộng các mô hình tự quản và tổ chức Ngày hội toàn dân bảo vệ an ninh "
            "Tổ quốc (19/8) ở tất cả thôn, tổ dân phố. Công tác truyền thông tập trung giải thích "
            "kế hoạch, cảnh báo thủ đoạn của tội phạm, khuyến khích tố giác tội phạm và biểu dương "
            "gương người tốt, việc tốt."
        ),
        "starts_on": date(2026, 1, 15),
        "ends_on": date(2027, 12, 31),
        "topics": [
            "an-ninh-trat-tu-co-so",
            "guong-nguoi-tot-viec-tot",
            "phong-chong-trom-cap",
            "phong-chong-ma-tuy",
        ],
        "targets": [
            {
                "kind": "safe_communes",
                "description": "Đến hết năm 2027, 13 xã, phường đạt tiêu chuẩn an toàn về an ninh, trật tự",
                "value": 13.0,
                "unit": "xã, phường",
            },
            {
                "kind": "self_management_models",
                "description": "Ít nhất 50% thôn, tổ dân phố duy trì hiệu quả mô hình tự quản về an ninh, trật tự",
                "value": 50.0,
                "unit": "%",
            },
            {
                "kind": "security_festival_held",
                "description": "100% thôn, tổ dân phố tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc hằng năm",
                "value": 100.0,
                "unit": "%",
            },
        ],
        "peak_periods": [
            {
                "name": "Đợt cao điểm Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026",
                "starts_on": date(2026, 7, 20),
                "ends_on": date(2026, 8, 19),
            },
            {
                "name": "Cao điểm tấn công, trấn áp tội phạm trước, trong và sau Tết Nguyên đán Đinh Mùi 2027",
                "starts_on": date(2026, 12, 15),
                "ends_on": date(2027, 2, 20),
            },
            {
                "name": "Đợt cao điểm Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2027",
                "starts_on": date(2027, 7, 20),
                "ends_on": date(2027, 8, 19),
            },
        ],
    },
    {
        "key": "phong-chong-lua-dao-mang",
        "plan_number": "Kế hoạch số 147/KH-CAT",
        "issuing_body": "Công an tỉnh",
        "title": (
            "Tuyên truyền phòng ngừa tội phạm lừa đảo chiếm đoạt tài sản trên không gian mạng "
            "năm 2026–2027"
        ),
        "description": (
            "Kế hoạch giúp người dân, nhất là người cao tuổi, học sinh và tiểu thương, nhận diện "
            "các thủ đoạn lừa đảo qua điện thoại, mạng xã hội và ứng dụng đầu tư giả. Nội dung được "
            "phát trên loa truyền thanh cơ sở, trang thông tin và các nhóm Zalo khu dân cư, kèm "
            "hướng dẫn bảo vệ dữ liệu cá nhân và cách trình báo khi bị lừa."
        ),
        "starts_on": date(2026, 3, 1),
        "ends_on": date(2027, 6, 30),
        "topics": ["lua-dao-khong-gian-mang", "an-ninh-trat-tu-co-so"],
        "targets": [
            {
                "kind": "households_reached",
                "description": "Ít nhất 90% hộ gia đình được tuyên truyền nhận diện thủ đoạn lừa đảo qua mạng",
                "value": 90.0,
                "unit": "%",
            },
            {
                "kind": "warning_groups",
                "description": "100% thôn, tổ dân phố có nhóm Zalo cảnh báo có cán bộ Công an xã tham gia",
                "value": 100.0,
                "unit": "%",
            },
            {
                "kind": "direct_sessions",
                "description": "Tổ chức ít nhất 24 buổi tuyên truyền trực tiếp tại trường học, chợ và nhà văn hóa",
                "value": 24.0,
                "unit": "buổi",
            },
        ],
        "peak_periods": [
            {
                "name": "Đợt tuyên truyền mùa tựu trường năm học 2026–2027",
                "starts_on": date(2026, 8, 15),
                "ends_on": date(2026, 9, 30),
            },
            {
                "name": "Cao điểm cảnh báo lừa đảo trước Tết Nguyên đán Đinh Mùi 2027",
                "starts_on": date(2027, 1, 4),
                "ends_on": date(2027, 2, 5),
            },
        ],
    },
]

_ANTQ = "antq-khu-dan-cu-an-toan"
_FRAUD = "phong-chong-lua-dao-mang"

MESSAGES: list[dict] = [
    # ------------------------------------------------------------------ articles
    {
        "kind": "article",
        "title": "Nhận diện ma túy trá hình: cha mẹ cần biết để bảo vệ con em",
        "summary": "Ma túy đang được ngụy trang thành kẹo, đồ uống, tinh dầu thuốc lá điện tử để lôi kéo thanh thiếu niên.",
        "body_md": """\
Thời gian gần đây, các đối tượng mua bán ma túy liên tục thay đổi thủ đoạn, ngụy trang chất ma túy dưới dạng **sản phẩm tiêu dùng quen thuộc** để lôi kéo thanh thiếu niên. Nhiều em chỉ nghĩ mình đang thử một loại kẹo lạ hay một hương vị thuốc lá điện tử mới, nhưng thực chất đã sử dụng chất gây nghiện.

Một số hình thức ngụy trang thường gặp:

- Kẹo dẻo, kẹo bông, bánh có hình thù bắt mắt, không rõ nguồn gốc, được gọi bằng tên lóng như "kẹo vui", "kẹo sắc màu";
- Gói bột pha nước uống, cà phê, trà sữa "hàng xách tay" không có nhãn tiếng Việt;
- Tinh dầu, ống nạp thuốc lá điện tử bị trộn cần sa tổng hợp hoặc chất hướng thần;
- Tem giấy nhỏ bằng móng tay, in hình hoạt hình, dùng để ngậm dưới lưỡi.

Dấu hiệu con em có thể đã sử dụng: giấc ngủ thất thường, hay cáu gắt, học hành sa sút, tiêu tiền nhiều không rõ lý do, hay tụ tập về khuya, mắt đỏ, lúc nói nhiều, lúc lờ đờ bất thường.

Cha mẹ hãy trò chuyện thường xuyên với con, dặn con **không nhận đồ ăn, nước uống, thuốc lá điện tử từ người lạ** hoặc bạn mới quen trên mạng. Khi phát hiện sản phẩm nghi vấn hoặc người có biểu hiện mua bán, lôi kéo, hãy báo ngay cho Công an xã qua số 0912 345 678 hoặc gọi 113. Thông tin của người báo tin được giữ bí mật tuyệt đối.
""",
        "topics": ["phong-chong-ma-tuy"],
        "campaign": None,
    },
    {
        "kind": "article",
        "title": "Năm dấu hiệu nhận biết cuộc gọi giả danh công an",
        "summary": "Công an không bao giờ làm việc qua điện thoại để yêu cầu người dân chuyển tiền vào \"tài khoản tạm giữ\".",
        "body_md": """\
Gần đây, nhiều người dân trong xã nhận được cuộc gọi tự xưng là cán bộ công an, thông báo rằng họ "liên quan đến một đường dây rửa tiền" hoặc "có bưu phẩm chứa hàng cấm", rồi yêu cầu chuyển tiền để "chứng minh trong sạch". Thủ đoạn này không mới nhưng vẫn có người mắc bẫy vì hoảng sợ.

Người dân cần nhớ năm dấu hiệu sau:

1. Người gọi xưng là công an, viện kiểm sát hoặc tòa án và **làm việc qua điện thoại, Zalo, cuộc gọi video**;
2. Đọc đúng họ tên, số căn cước của bạn để tạo lòng tin;
3. Dọa bắt giữ, phong tỏa tài khoản nếu không hợp tác ngay;
4. Yêu cầu giữ bí mật, không được nói với người thân;
5. Yêu cầu chuyển tiền vào "tài khoản tạm giữ", cài ứng dụng lạ hoặc đọc mã OTP.

Cần khẳng định: **cơ quan công an không làm việc qua điện thoại để yêu cầu chuyển tiền**, và không có "tài khoản tạm giữ" nào cả. Khi cần mời người dân làm việc, công an gửi giấy mời trực tiếp hoặc cán bộ Công an xã đến tận nhà.

Nếu nhận được cuộc gọi như vậy, hãy tắt máy, không chuyển tiền, không bấm vào đường link, rồi báo cho Công an xã qua số 0912 345 678 hoặc gọi 113. Xem thêm các thủ đoạn mới tại [trang thông tin cảnh báo lừa đảo](https://congan.example.vn/canh-bao/gia-danh-cong-an).
""",
        "topics": ["lua-dao-khong-gian-mang"],
        "campaign": _FRAUD,
    },
    {
        "kind": "article",
        "title": "Ứng dụng đầu tư \"lãi khủng\": cái bẫy sau lời mời làm giàu nhanh",
        "summary": "Các sàn đầu tư không phép cho rút lãi nhỏ lúc đầu để dụ người chơi nạp số tiền lớn rồi chiếm đoạt.",
        "body_md": """\
"Chỉ cần vốn vài triệu đồng, mỗi ngày lãi 5–10%", "có chuyên gia hướng dẫn, cam kết không lỗ" — đó là những lời mời thường thấy trong các nhóm Zalo, Telegram và trên mạng xã hội. Đằng sau là các ứng dụng đầu tư, sàn giao dịch tiền ảo, vàng, ngoại hối **không được cấp phép**, do chính các đối tượng lừa đảo dựng lên.

Kịch bản thường diễn ra như sau:

- Người bị hại được mời vào nhóm "chuyên gia", thấy nhiều thành viên khoe lãi, thực chất là tài khoản ảo;
- Giai đoạn đầu nạp ít tiền, được rút lãi thật để tạo lòng tin;
- Khi nạp số tiền lớn, tài khoản bị "khóa do sai lệnh", phải nộp thêm "phí mở khóa", "thuế thu nhập" mới được rút;
- Cuối cùng, ứng dụng ngừng hoạt động, nhóm chat giải tán, số điện thoại "chuyên gia" không liên lạc được.

Người dân cần nhớ: **không có khoản đầu tư nào cam kết lãi cao mà không có rủi ro**. Chỉ tải ứng dụng từ kho ứng dụng chính thức, kiểm tra doanh nghiệp có được cơ quan nhà nước cấp phép hay không, và không bao giờ chuyển tiền vào tài khoản cá nhân để "nạp vốn".

Nếu đã lỡ chuyển tiền, hãy giữ lại toàn bộ tin nhắn, biên lai, số tài khoản nhận tiền và đến ngay Công an xã trình báo, hoặc gọi 113. Báo tin càng sớm, khả năng ngăn chặn dòng tiền càng cao.
""",
        "topics": ["lua-dao-khong-gian-mang"],
        "campaign": _FRAUD,
    },
    {
        "kind": "article",
        "title": "Cảnh giác với lời đề nghị \"xác thực SIM\", \"cập nhật căn cước\" qua điện thoại",
        "summary": "Kẻ gian giả danh nhà mạng, ngân hàng để lấy ảnh căn cước, video khuôn mặt và mã OTP của người dân.",
        "body_md": """\
Lợi dụng việc các nhà mạng và ngân hàng chuẩn hóa thông tin thuê bao, xác thực sinh trắc học, nhiều đối tượng gọi điện, nhắn tin giả danh nhân viên nhà mạng, ngân hàng hoặc cán bộ công an để "hỗ trợ" người dân. Họ thông báo số điện thoại sắp bị khóa hai chiều, tài khoản sắp bị đóng băng nếu không xác thực ngay trong ngày.

Các yêu cầu đáng ngờ thường gặp:

- Chụp hai mặt thẻ căn cước, quay video khuôn mặt rồi gửi qua Zalo;
- Bấm vào đường link lạ để "cập nhật thông tin" hoặc cài ứng dụng có tên gần giống ứng dụng của cơ quan nhà nước;
- Đọc mã OTP vừa nhận được qua tin nhắn;
- Cho phép "chia sẻ màn hình" để nhân viên "làm giúp".

Chỉ cần làm theo một trong các yêu cầu trên, đối tượng có thể chiếm quyền điều khiển điện thoại, đứng tên bạn vay tiền trực tuyến hoặc rút sạch tài khoản ngân hàng.

Hãy nhớ: **việc xác thực thông tin chỉ thực hiện tại cửa hàng, phòng giao dịch chính thức hoặc trên ứng dụng chính thức** như VNeID, ứng dụng ngân hàng do chính bạn tải về. Không ai có quyền hỏi mã OTP của bạn.

Người cao tuổi là đối tượng dễ bị nhắm đến; con cháu hãy dành thời gian hướng dẫn ông bà, cha mẹ. Khi nghi ngờ, gọi ngay cho Công an xã: 0912 345 678.
""",
        "topics": ["lua-dao-khong-gian-mang"],
        "campaign": _FRAUD,
    },
    {
        "kind": "article",
        "title": "An toàn giao thông cho học sinh: cha mẹ làm gương, con trẻ làm theo",
        "summary": "Những việc phụ huynh cần làm để con đến trường an toàn, từ chiếc mũ bảo hiểm đến việc không giao xe cho con chưa đủ tuổi.",
        "body_md": """\
Mỗi năm học mới, tai nạn giao thông liên quan đến học sinh vẫn là nỗi lo của nhiều gia đình. Phần lớn các vụ việc xuất phát từ những thói quen tưởng như nhỏ: không đội mũ bảo hiểm, đi hàng ba, hàng bốn, phóng nhanh khi tan trường, hoặc học sinh chưa đủ tuổi điều khiển xe máy.

Để bảo vệ con em, phụ huynh cần:

- **Không giao xe máy cho con chưa đủ tuổi, chưa có giấy phép lái xe**; người giao xe cũng bị xử phạt theo quy định;
- Đội mũ bảo hiểm đạt chuẩn cho trẻ khi chở con bằng xe máy và cài quai đúng cách;
- Dặn con đi xe đạp, xe đạp điện đúng làn, không dàn hàng ngang, không buông tay lái;
- Đưa đón con đúng giờ, dừng đỗ xe đúng nơi quy định trước cổng trường.

Nhà trường và Công an xã đang phối hợp bố trí lực lượng điều tiết giao thông tại các cổng trường vào giờ cao điểm. Phụ huynh thấy điểm nào trên đường đến trường tiềm ẩn nguy hiểm (thiếu biển báo, cây che khuất tầm nhìn, ổ gà…) xin phản ánh cho Công an xã qua số 0912 345 678.

Khi gặp tai nạn giao thông, hãy gọi **115** để cấp cứu và **113** để báo công an, đồng thời giữ nguyên hiện trường. Một tấm gương chấp hành luật từ cha mẹ có sức thuyết phục hơn trăm lời nhắc nhở.
""",
        "topics": ["an-toan-giao-thong"],
        "campaign": None,
    },
    {
        "kind": "article",
        "title": "Phòng cháy ở nhà trọ: đừng để căn phòng thành \"bẫy lửa\"",
        "summary": "Chủ nhà trọ và người thuê trọ cần làm gì để phòng cháy và thoát nạn an toàn.",
        "body_md": """\
Nhà trọ, nhà ở kết hợp kinh doanh thường đông người ở, diện tích chật, chỉ có một lối ra vào và nhiều xe máy, xe đạp điện sạc qua đêm. Khi xảy ra cháy, khói độc lan rất nhanh, người bên trong khó thoát ra ngoài.

**Chủ nhà trọ cần:**

- Bố trí lối thoát nạn thứ hai (cửa sổ, ban công, lồng sắt có cửa mở được từ bên trong);
- Trang bị bình chữa cháy, đèn chiếu sáng sự cố, chuông báo cháy ở mỗi tầng;
- Bố trí khu vực để và sạc xe điện riêng, cách xa lối đi, dùng ổ cắm đạt chuẩn;
- Kiểm tra định kỳ hệ thống điện, không câu móc, nối dây tùy tiện.

**Người thuê trọ cần:**

- Không sạc xe điện, pin dự phòng qua đêm hoặc khi không có người trông;
- Tắt bếp, rút phích điện trước khi ra khỏi phòng;
- Ghi nhớ lối thoát và cách sử dụng bình chữa cháy.

Khi phát hiện cháy, hãy hô hoán mọi người, ngắt cầu dao điện, dùng khăn ướt che mũi miệng, thoát theo hướng ngược chiều khói và gọi ngay **114**.

Công an xã hướng dẫn, kiểm tra an toàn phòng cháy, chữa cháy miễn phí cho các nhà trọ trên địa bàn. Chủ nhà trọ có nhu cầu xin liên hệ số 0912 345 678 để đăng ký.
""",
        "topics": ["phong-chay-chua-chay"],
        "campaign": None,
    },
    {
        "kind": "article",
        "title": "Giữ xe máy an toàn: vài thói quen nhỏ, bớt nỗi lo lớn",
        "summary": "Phần lớn vụ mất trộm xe máy xảy ra khi chủ xe để chìa khóa trên xe hoặc dựng xe ngoài đường chỉ trong vài phút.",
        "body_md": """\
Theo ghi nhận của Công an xã, phần lớn vụ mất trộm xe máy xảy ra khi chủ xe **để chìa khóa trên xe**, dựng xe trước cửa nhà, ngoài ruộng hoặc trước quán tạp hóa chỉ trong vài phút. Kẻ gian thường đi thành nhóm, một người cảnh giới, một người dùng vam phá khóa, và chỉ cần chưa đầy một phút để lấy đi chiếc xe.

Để giữ xe an toàn, người dân nên:

- Rút chìa khóa mỗi khi rời xe, dù chỉ một lúc; khóa cổ xe và lắp thêm khóa đĩa hoặc khóa chống trộm có còi báo;
- Buổi tối đưa xe vào trong nhà, khóa cổng cẩn thận;
- Gửi xe tại bãi có người trông giữ khi đi chợ, đi đám cưới, đám giỗ;
- Ghi lại số khung, số máy, biển số; cất giấy đăng ký xe ở nơi riêng, không để trong cốp;
- Nếu có điều kiện, lắp camera ở cổng nhà, hướng ra đường.

Khi thấy người lạ lảng vảng, dòm ngó nhà dân hoặc chào bán xe máy giá rẻ bất thường, không có giấy tờ, hãy báo ngay cho tổ tự quản hoặc Công an xã qua số 0912 345 678.

Nếu bị mất xe, gọi **113** ngay và giữ nguyên hiện trường để lực lượng chức năng truy vết nhanh nhất. Mỗi phút báo tin sớm hơn là thêm một cơ hội tìm lại tài sản.
""",
        "topics": ["phong-chong-trom-cap"],
        "campaign": None,
    },
    {
        "kind": "article",
        "title": "Tố giác tội phạm: báo tin thế nào, người báo tin được bảo vệ ra sao?",
        "summary": "Các cách báo tin về tội phạm cho công an và những quy định bảo vệ người tố giác.",
        "body_md": """\
Phát hiện và tố giác tội phạm là quyền và cũng là trách nhiệm của mỗi công dân. Thế nhưng nhiều người vẫn ngại báo tin vì sợ bị trả thù, sợ mất thời gian hoặc không biết phải báo ở đâu.

Người dân có thể báo tin bằng nhiều cách:

1. Gọi **113** hoặc số trực ban của Công an xã: 0912 345 678;
2. Đến trực tiếp trụ sở Công an xã hoặc báo cho công an viên, tổ trưởng tổ tự quản nơi cư trú;
3. Bỏ thư vào hòm thư tố giác tội phạm đặt tại nhà văn hóa thôn, tổ dân phố;
4. Gửi phản ánh qua ứng dụng VNeID hoặc [trang tiếp nhận tin báo](https://congan.example.vn/tiep-nhan-tin-bao).

Khi báo tin, nên nói rõ: sự việc gì, xảy ra ở đâu, vào lúc nào, đặc điểm người và phương tiện liên quan. Có hình ảnh, video thì càng tốt, nhưng **không tự mình truy đuổi hay đối đầu** với đối tượng.

Pháp luật quy định cơ quan tiếp nhận phải **giữ bí mật họ tên, địa chỉ, bút tích của người tố giác**. Người tố giác và người thân của họ được áp dụng các biện pháp bảo vệ khi bị đe dọa, trả thù.

Mỗi tin báo, dù nhỏ, đều góp phần giữ bình yên cho xóm làng. Tin báo có giá trị giúp phá án sẽ được xem xét khen thưởng theo quy định.
""",
        "topics": ["an-ninh-trat-tu-co-so"],
        "campaign": _ANTQ,
    },
    {
        "kind": "article",
        "title": "Bảo vệ dữ liệu cá nhân: đừng vô tình \"tặng\" thông tin cho kẻ gian",
        "summary": "Ảnh căn cước, số điện thoại, số tài khoản bị lộ có thể bị dùng để vay tiền, mở tài khoản ảo và lừa chính người thân của bạn.",
        "body_md": """\
Họ tên, số căn cước, ngày sinh, số điện thoại, ảnh khuôn mặt, số tài khoản ngân hàng… đều là dữ liệu cá nhân. Khi rơi vào tay kẻ xấu, các thông tin này có thể bị dùng để mở tài khoản ngân hàng "ảo", vay tiền trực tuyến, đăng ký SIM rác hoặc dựng kịch bản lừa đảo chính người thân của bạn.

Những thói quen cần bỏ ngay:

- Đăng ảnh căn cước, vé máy bay, giấy đăng ký xe, bằng tốt nghiệp lên mạng xã hội;
- Chụp giấy tờ gửi cho người lạ qua Zalo để "làm hồ sơ vay", "nhận quà tri ân";
- Điền thông tin vào phiếu khảo sát, trò chơi trúng thưởng không rõ nguồn gốc;
- Dùng chung một mật khẩu cho nhiều tài khoản, không bật xác thực hai lớp.

Khi buộc phải nộp bản sao căn cước cho cơ quan, doanh nghiệp, hãy **ghi rõ mục đích sử dụng lên bản sao**, ví dụ "Chỉ dùng để nộp hồ sơ tuyển dụng", và chỉ cung cấp khi thật cần thiết.

Nếu phát hiện thông tin của mình bị lợi dụng (có khoản vay lạ, SIM lạ đứng tên mình), hãy liên hệ ngay nhà mạng, ngân hàng và trình báo Công an xã qua số 0912 345 678. Hướng dẫn chi tiết có tại [trang thông tin bảo vệ dữ liệu cá nhân](https://congan.example.vn/huong-dan/bao-ve-du-lieu-ca-nhan).
""",
        "topics": ["lua-dao-khong-gian-mang", "an-ninh-trat-tu-co-so"],
        "campaign": _FRAUD,
    },
    {
        "kind": "article",
        "title": "Ngày hội toàn dân bảo vệ an ninh Tổ quốc: ngày hội của mỗi khu dân cư",
        "summary": "Ý nghĩa của Ngày hội 19/8 và cách mỗi gia đình tham gia tại thôn, tổ dân phố năm 2026.",
        "body_md": """\
Ngày 19 tháng 8 hằng năm là Ngày truyền thống Công an nhân dân và cũng là Ngày hội toàn dân bảo vệ an ninh Tổ quốc. Đây không chỉ là dịp tổng kết phong trào mà còn là ngày hội thực sự của mỗi thôn, tổ dân phố, nơi bà con cùng nhìn lại những việc đã làm để giữ bình yên cho xóm làng.

Năm nay, theo kế hoạch của Ủy ban nhân dân tỉnh, Ngày hội được tổ chức tại tất cả thôn, tổ dân phố trong khoảng từ ngày 20/7 đến ngày 19/8/2026, gồm hai phần:

- **Phần lễ**: báo cáo kết quả phong trào, biểu dương tập thể và cá nhân tiêu biểu, ký kết giao ước thi đua giữ gìn an ninh, trật tự;
- **Phần hội**: văn nghệ, thể thao, hội thi tìm hiểu pháp luật, trò chơi dân gian, trưng bày các mô hình tự quản.

Mỗi hộ gia đình có thể góp phần bằng cách:

- Tham dự đầy đủ, động viên con cháu tham gia các hoạt động;
- Đề xuất những người tốt, việc tốt ở khu dân cư để được biểu dương;
- Góp ý thẳng thắn về các vấn đề an ninh, trật tự còn tồn tại ở nơi mình sống.

Ban Chỉ đạo phong trào của xã đề nghị các thôn, tổ dân phố gửi kế hoạch tổ chức về Công an xã trước ngày 10/7/2026. Mọi thắc mắc xin liên hệ số 0912 345 678.
""",
        "topics": ["an-ninh-trat-tu-co-so", "guong-nguoi-tot-viec-tot"],
        "campaign": _ANTQ,
    },
    {
        "kind": "article",
        "title": "Tổ tự quản an ninh, trật tự: khi mỗi ngõ xóm có \"tai mắt\" của mình",
        "summary": "Mô hình tổ tự quản giúp hàng xóm trông nhà cho nhau, hòa giải mâu thuẫn sớm và báo tin kịp thời cho công an.",
        "body_md": """\
Ở nhiều thôn, tổ dân phố, mô hình **"Tổ tự quản về an ninh, trật tự"** đã trở thành chỗ dựa quen thuộc. Mỗi tổ gồm khoảng 10 đến 15 hộ liền kề, có tổ trưởng là người có uy tín. Các hộ trông nhà giúp nhau khi vắng nhà, nhắc nhở con em không tụ tập, đua xe, và kịp thời báo tin khi có người lạ, việc lạ.

Một tổ tự quản hoạt động hiệu quả thường làm được những việc sau:

- Lập nhóm Zalo chung có cán bộ Công an xã tham gia để trao đổi thông tin nhanh;
- Phân công trông nhà, trông tài sản khi có hộ đi vắng dài ngày;
- Hòa giải các mâu thuẫn nhỏ ngay từ đầu, không để thành xô xát;
- Vận động lắp camera, đèn chiếu sáng ở các ngõ tối;
- Nắm tình hình người mới đến thuê trọ, nhắc chủ nhà khai báo tạm trú.

Kế hoạch của tỉnh đặt mục tiêu ít nhất một nửa số thôn, tổ dân phố duy trì hiệu quả mô hình tự quản. Những nơi làm tốt sẽ được biểu dương tại Ngày hội toàn dân bảo vệ an ninh Tổ quốc.

Khu dân cư nào chưa có tổ tự quản có thể liên hệ Công an xã qua số 0912 345 678 để được hướng dẫn thành lập. Khi có tình huống khẩn cấp, hãy gọi ngay 113.
""",
        "topics": ["an-ninh-trat-tu-co-so"],
        "campaign": _ANTQ,
    },
    {
        "kind": "article",
        "title": "Vắng nhà dịp Tết: giữ nhà, giữ của thế nào?",
        "summary": "Những việc cần làm trước khi về quê, đi chúc Tết để kẻ gian không có cơ hội đột nhập nhà vắng chủ.",
        "body_md": """\
Những ngày giáp Tết và trong dịp nghỉ Tết, nhiều gia đình về quê, đi chúc Tết, đi lễ chùa dài ngày. Đây cũng là thời điểm kẻ gian lợi dụng để đột nhập nhà vắng chủ, trộm cắp tiền, vàng, xe máy và tài sản có giá trị.

Trước khi rời nhà, mỗi gia đình nên:

- Khóa kỹ cửa chính, cửa sổ, cửa sau, cổng; kiểm tra cả cửa lên sân thượng;
- **Không cất giữ nhiều tiền mặt, vàng bạc trong nhà**; gửi ngân hàng hoặc mang theo một cách kín đáo;
- Nhờ hàng xóm tin cậy hoặc tổ tự quản trông nom giúp, để lại số điện thoại liên lạc;
- Không đăng ảnh, thông tin "cả nhà đi du lịch" lên mạng xã hội khi đang vắng nhà;
- Ngắt các thiết bị điện không cần thiết để phòng cháy, nổ.

Công an xã và lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở sẽ tăng cường tuần tra ban đêm trong đợt cao điểm trước, trong và sau Tết Nguyên đán Đinh Mùi 2027.

Gia đình nào đi vắng dài ngày có thể báo cho Công an xã qua số **0912 345 678** để được lưu ý khi tuần tra. Phát hiện có người đột nhập, hãy gọi ngay **113**, không tự ý vào nhà khi chưa rõ tình hình.
""",
        "topics": ["phong-chong-trom-cap"],
        "campaign": _ANTQ,
    },
    # ------------------------------------------------------------------ stories
    {
        "kind": "story",
        "title": "Bác xe ôm trả lại chiếc túi có 32 triệu đồng cho khách",
        "summary": "Phát hiện túi tiền khách bỏ quên, ông Võ Văn Lực mang thẳng đến Công an xã để trả lại người mất.",
        "body_md": """\
Chiều ngày 14/3/2026, sau khi chở một nữ hành khách từ chợ ra bến xe, ông **Võ Văn Lực** (58 tuổi, trú tại Tổ dân phố Hòa Bình 3), người chạy xe ôm công nghệ, phát hiện một chiếc túi vải bị bỏ quên ở giá để đồ phía trước xe. Bên trong có 32 triệu đồng tiền mặt, một chiếc điện thoại và giấy tờ tùy thân.

"Tôi đoán chắc là tiền người ta đi lấy hàng, mất thì khổ lắm. Gọi vào số khách đặt xe không được nên tôi mang thẳng lên Công an xã cho yên tâm", ông Lực kể.

Qua giấy tờ trong túi, Công an xã nhanh chóng liên hệ được chủ nhân là một tiểu thương ở xã bên. Ngay tối hôm đó, chiếc túi được trao trả đầy đủ trước sự chứng kiến của cán bộ công an.

Việc làm của ông Lực tuy giản dị nhưng thể hiện:

- **sự trung thực**, không tham của rơi;
- sự tin tưởng và phối hợp với lực lượng công an;
- một tấm gương đẹp cho những người cùng nghề.

Công an xã đã đề nghị Chủ tịch Ủy ban nhân dân xã tặng Giấy khen cho ông Lực. Người dân nhặt được tài sản bị đánh rơi có thể mang đến trụ sở Công an xã hoặc gọi số 0912 345 678 để được hỗ trợ tìm người nhận lại.
""",
        "topics": ["guong-nguoi-tot-viec-tot"],
        "campaign": None,
        "person_name": "Võ Văn Lực",
        "deed": "Trả lại chiếc túi có 32 triệu đồng, điện thoại và giấy tờ mà hành khách bỏ quên trên xe.",
        "deed_on": date(2026, 3, 14),
        "name_consent": True,
        "commendation": "Đề nghị Chủ tịch UBND xã tặng Giấy khen",
        "residential_area": "Tổ dân phố Hòa Bình 3",
    },
    {
        "kind": "story",
        "title": "Đi tuần đêm, cùng tổ tự quản bắt quả tang kẻ trộm xe máy",
        "summary": "Anh Nguyễn Hữu Tâm cùng tổ tự quản Thôn Đồng Sen phát hiện, giữ chân hai đối tượng trộm xe máy trong đêm.",
        "body_md": """\
Khoảng 23 giờ đêm 8/2/2026, trong lúc đi tuần cùng tổ tự quản an ninh, trật tự của Thôn Đồng Sen, anh **Nguyễn Hữu Tâm** (42 tuổi) phát hiện hai thanh niên lạ mặt đi xe máy không biển số dừng trước cổng một hộ dân, dùng vật dụng phá khóa chiếc xe máy dựng trong sân.

Anh Tâm lập tức hô hoán, gọi điện cho công an viên phụ trách thôn và cùng hai thành viên trong tổ chặn đầu xe. Một đối tượng bị khống chế tại chỗ; đối tượng còn lại bỏ chạy nhưng bị Công an xã truy bắt ngay trong đêm. Tang vật thu giữ gồm một bộ vam phá khóa và chiếc xe máy không biển số.

Qua đấu tranh, hai đối tượng khai nhận đã thực hiện nhiều vụ trộm xe máy ở các xã giáp ranh. Vụ việc đã được chuyển cơ quan có thẩm quyền xử lý theo quy định.

Từ vụ việc này, Công an xã lưu ý bà con:

- Buổi tối đưa xe vào trong nhà, khóa cổng cẩn thận;
- Khi phát hiện kẻ gian, **hô hoán và báo ngay cho công an**, chỉ tham gia khống chế khi có đủ người và bảo đảm an toàn;
- Lưu số trực ban Công an xã 0912 345 678, hoặc gọi 113.

Công an xã đã đề nghị Giám đốc Công an tỉnh tặng Giấy khen cho anh Nguyễn Hữu Tâm vì thành tích dũng cảm tham gia bắt giữ tội phạm.
""",
        "topics": ["guong-nguoi-tot-viec-tot", "phong-chong-trom-cap"],
        "campaign": _ANTQ,
        "person_name": "Nguyễn Hữu Tâm",
        "deed": "Cùng tổ tự quản phát hiện, hô hoán và giúp Công an xã bắt giữ hai đối tượng trộm xe máy.",
        "deed_on": date(2026, 2, 8),
        "name_consent": True,
        "commendation": "Đề nghị Giám đốc Công an tỉnh tặng Giấy khen",
        "residential_area": "Thôn Đồng Sen",
    },
    {
        "kind": "story",
        "title": "Người thợ sửa xe lao xuống hồ cứu hai em nhỏ đuối nước",
        "summary": "Nghe tiếng kêu cứu, anh Đinh Công Hậu đã kịp đưa hai cháu nhỏ bị trượt chân xuống hồ sâu vào bờ an toàn.",
        "body_md": """\
Trưa ngày 24/5/2026, hai cháu nhỏ ở Xóm Gò Mít rủ nhau ra hồ chứa nước đầu xóm tắm và bị trượt xuống chỗ nước sâu. Nghe tiếng kêu cứu, anh **Đinh Công Hậu** (29 tuổi, thợ sửa xe) đang làm việc gần đó đã chạy ra, cởi vội áo và lao xuống hồ.

Anh lần lượt đưa được cả hai cháu vào bờ. Một cháu đã uống nhiều nước, tím tái; anh Hậu cùng người dân sơ cứu tại chỗ rồi đưa cháu đến trạm y tế. Đến nay, cả hai cháu đều đã khỏe mạnh.

"Lúc đó chỉ nghĩ phải cứu được các cháu, không kịp nghĩ gì khác", anh Hậu chia sẻ.

Mùa hè là thời điểm đuối nước ở trẻ em tăng cao. Các bậc cha mẹ cần:

- **Không để trẻ tắm ao hồ, sông suối khi không có người lớn đi cùng**;
- Cho trẻ học bơi và học kỹ năng an toàn dưới nước;
- Khi thấy người đuối nước, hô hoán, ném phao, gậy, dây cho nạn nhân bám; chỉ xuống nước cứu khi biết bơi giỏi;
- Gọi ngay **115** để được hỗ trợ cấp cứu.

Ủy ban nhân dân xã đã đề nghị Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen cho anh Đinh Công Hậu vì hành động dũng cảm cứu người. Gia đình nào cần thông tin về lớp dạy bơi hè cho trẻ em xin liên hệ Công an xã qua số 0912 345 678.
""",
        "topics": ["guong-nguoi-tot-viec-tot"],
        "campaign": None,
        "person_name": "Đinh Công Hậu",
        "deed": "Lao xuống hồ cứu sống hai cháu nhỏ bị đuối nước và sơ cứu kịp thời.",
        "deed_on": date(2026, 5, 24),
        "name_consent": True,
        "commendation": "Đề nghị Chủ tịch UBND tỉnh tặng Bằng khen",
        "residential_area": "Xóm Gò Mít",
    },
    {
        "kind": "story",
        "title": "Hai bình chữa cháy của bà chủ tiệm tạp hóa cứu cả dãy nhà trọ",
        "summary": "Bà Trương Thị Nguyệt phát hiện cháy lúc nửa đêm, đánh thức người thuê trọ và dập lửa trước khi lan rộng.",
        "body_md": """\
Khoảng 2 giờ sáng ngày 2/4/2026, bà **Trương Thị Nguyệt** (61 tuổi, chủ cửa hàng tạp hóa ở Tổ dân phố Tân Lập 2) thức giấc vì ngửi thấy mùi khét. Nhìn sang dãy nhà trọ bên cạnh, bà thấy lửa bùng lên từ khu để xe, nơi một chiếc xe đạp điện đang sạc pin.

Bà vừa hô hoán đánh thức người thuê trọ, vừa ngắt cầu dao điện chung và mang hai bình chữa cháy bột trong cửa hàng ra dập lửa. Khi lực lượng Cảnh sát phòng cháy, chữa cháy và Công an xã đến nơi, đám cháy đã cơ bản được khống chế. Mười hai người trong dãy trọ thoát ra an toàn; chỉ một chiếc xe đạp điện bị cháy hỏng.

Bà Nguyệt cho biết hai bình chữa cháy được bà mua sau buổi tập huấn phòng cháy, chữa cháy do Công an xã tổ chức năm ngoái. "Học xong là về mua ngay, không ngờ có ngày phải dùng đến", bà nói.

Vụ việc một lần nữa nhắc nhở mỗi gia đình:

- Trang bị ít nhất một bình chữa cháy và biết cách sử dụng;
- **Không sạc xe điện qua đêm** ở lối đi, gần cửa ra vào;
- Khi có cháy, gọi ngay **114**.

Công an xã đã đề nghị Chủ tịch Ủy ban nhân dân xã tặng Giấy khen cho bà Trương Thị Nguyệt.
""",
        "topics": ["guong-nguoi-tot-viec-tot", "phong-chay-chua-chay"],
        "campaign": None,
        "person_name": "Trương Thị Nguyệt",
        "deed": "Phát hiện cháy lúc nửa đêm, đánh thức người thuê trọ và dùng bình chữa cháy dập lửa, không để cháy lan.",
        "deed_on": date(2026, 4, 2),
        "name_consent": True,
        "commendation": "Đề nghị Chủ tịch UBND xã tặng Giấy khen",
        "residential_area": "Tổ dân phố Tân Lập 2",
    },
    {
        "kind": "story",
        "title": "Nhân viên ngân hàng giữ lại 450 triệu đồng cho cụ ông bị lừa",
        "summary": "Một nữ nhân viên giao dịch nhận ra dấu hiệu bất thường và ngăn cụ ông chuyển tiền cho kẻ giả danh công an.",
        "body_md": """\
Sáng ngày 11/6/2026, một cụ ông gần 80 tuổi đến phòng giao dịch ngân hàng trên địa bàn xã, đề nghị tất toán sổ tiết kiệm 450 triệu đồng để chuyển khoản. Trong lúc làm thủ tục, cụ liên tục nghe điện thoại và tỏ ra rất lo lắng.

Nhận thấy dấu hiệu bất thường, **chị D., nhân viên giao dịch của ngân hàng** (trú tại Thôn Bãi Ngọc), đã khéo léo hỏi chuyện. Cụ cho biết có "cán bộ công an" gọi điện thông báo cụ liên quan đến một vụ rửa tiền, yêu cầu chuyển tiền vào "tài khoản tạm giữ" để phục vụ điều tra và dặn không được nói với ai.

Chị D. đã:

1. Giải thích cho cụ đây là thủ đoạn lừa đảo, công an không bao giờ yêu cầu chuyển tiền qua điện thoại;
2. Tạm dừng giao dịch và báo cáo lãnh đạo phòng giao dịch;
3. Liên hệ Công an xã và người thân của cụ đến hỗ trợ.

Nhờ sự tận tâm của chị D., số tiền dành dụm cả đời của cụ được giữ an toàn. Theo nguyện vọng của người trong cuộc, bài viết không nêu họ tên đầy đủ.

Người dân nhận được cuộc gọi tương tự, hãy tắt máy và báo ngay cho Công an xã qua số 0912 345 678 hoặc gọi 113.
""",
        "topics": ["guong-nguoi-tot-viec-tot", "lua-dao-khong-gian-mang"],
        "campaign": _FRAUD,
        "person_name": "Phan Thị Ngọc Diệp",
        "deed": "Phát hiện và ngăn chặn một cụ ông chuyển 450 triệu đồng cho đối tượng giả danh công an.",
        "deed_on": date(2026, 6, 11),
        "name_consent": False,
        "commendation": "Đề nghị Giám đốc Công an tỉnh tặng Giấy khen",
        "residential_area": "Thôn Bãi Ngọc",
    },
    {
        "kind": "story",
        "title": "Ông tổ trưởng hòa giải giữ êm tình làng nghĩa xóm",
        "summary": "Ông Lương Văn Khởi kiên trì hòa giải vụ tranh chấp đất vườn kéo dài nhiều năm, ngăn nguy cơ xô xát giữa hai gia đình.",
        "body_md": """\
Ở Thôn Khe Lim, ai có chuyện xích mích cũng nghĩ đến ông **Lương Văn Khởi** (67 tuổi), tổ trưởng tổ hòa giải của thôn. Hơn mười năm làm công tác hòa giải, ông đã góp phần giải quyết êm thấm hàng chục vụ việc, từ chuyện nước tưới, lối đi đến mâu thuẫn trong gia đình.

Hai hộ gia đình trong thôn tranh chấp ranh giới đất vườn đã nhiều năm. Ngày 20/1/2026, mâu thuẫn bùng lên, hai bên cầm cuốc, gậy ra vườn cãi vã. Nhận được tin báo, ông Khởi cùng công an viên phụ trách thôn có mặt ngay, tách hai bên ra và mời về nhà văn hóa.

Trong ba buổi tối liên tiếp, ông kiên trì:

- nghe từng bên trình bày, không vội phán xét;
- mời cán bộ địa chính đối chiếu bản đồ, hồ sơ đất;
- nhắc lại tình làng nghĩa xóm, **"bán anh em xa, mua láng giềng gần"**.

Cuối cùng, hai gia đình thống nhất cắm lại mốc ranh giới, cùng ký biên bản hòa giải thành và bắt tay nhau trước bà con.

"Hòa giải được thì bớt một vụ kiện, bớt một lần đánh nhau, làng xóm lại vui vẻ", ông Khởi chia sẻ.

Khi có mâu thuẫn trong khu dân cư, bà con có thể báo tổ hòa giải hoặc Công an xã qua số 0912 345 678 để được hỗ trợ sớm. Trường hợp đã xảy ra xô xát, hãy gọi 113.
""",
        "topics": ["guong-nguoi-tot-viec-tot", "an-ninh-trat-tu-co-so"],
        "campaign": _ANTQ,
        "person_name": "Lương Văn Khởi",
        "deed": "Hòa giải thành vụ tranh chấp ranh giới đất kéo dài giữa hai gia đình, ngăn nguy cơ xô xát.",
        "deed_on": date(2026, 1, 20),
        "name_consent": True,
        "commendation": "Biểu dương tại Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026 của xã",
        "residential_area": "Thôn Khe Lim",
    },
    {
        "kind": "story",
        "title": "Tin báo của một người dân giúp triệt phá điểm tụ tập sử dụng ma túy",
        "summary": "Nhờ người dân để ý và báo tin, Công an xã phát hiện bảy đối tượng đang sử dụng trái phép chất ma túy trong một căn nhà thuê.",
        "body_md": """\
Nhờ tin báo của một người dân, ngày 18/4/2026, Công an xã phối hợp với lực lượng nghiệp vụ kiểm tra một căn nhà thuê trong khu vực Tổ dân phố Tân Lập 2, phát hiện bảy đối tượng đang tụ tập sử dụng trái phép chất ma túy. Lực lượng chức năng đã thu giữ nhiều dụng cụ sử dụng và một lượng ma túy tổng hợp.

Người báo tin là **anh H.**, sống gần khu vực này. Nhiều tuần liền, anh để ý thấy căn nhà thường xuyên có thanh niên lạ ra vào ban đêm, cửa đóng kín, có mùi lạ, xe máy đỗ kín ngõ. Thay vì làm ngơ hay tự mình can thiệp, anh ghi lại thời gian, biển số xe và liên hệ với công an viên phụ trách khu dân cư.

Để bảo đảm an toàn cho người tố giác, **danh tính của anh H. được giữ bí mật** theo đúng quy định của pháp luật, và việc khen thưởng được thực hiện không công khai.

Những dấu hiệu đáng ngờ bà con cần lưu ý:

- Nhà thuê, phòng trọ có nhiều người lạ ra vào ban đêm, thường xuyên đóng kín cửa;
- Có mùi khét, mùi lạ, tiếng nhạc lớn kéo dài;
- Xuất hiện ống hút, giấy bạc, bật lửa, bình thủy tinh bị vứt bỏ bất thường.

Mọi thông tin xin báo về Công an xã qua số 0912 345 678 hoặc gọi 113. Người báo tin luôn được giữ bí mật.
""",
        "topics": ["guong-nguoi-tot-viec-tot", "phong-chong-ma-tuy"],
        "campaign": None,
        "person_name": "Đặng Văn Hưng",
        "deed": "Theo dõi, ghi nhận và tố giác một điểm tụ tập sử dụng trái phép chất ma túy trong khu dân cư.",
        "deed_on": date(2026, 4, 18),
        "name_consent": False,
        "commendation": "Đề nghị Giám đốc Công an tỉnh tặng Giấy khen, không công bố danh tính",
        "residential_area": "Tổ dân phố Tân Lập 2",
    },
    {
        "kind": "story",
        "title": "Chàng trai sơ cứu đúng cách, giữ tài sản cho người bị tai nạn",
        "summary": "Anh Hà Minh Quân dừng xe giúp một người bị tai nạn giao thông trên đường tối, gọi cấp cứu và giao lại đầy đủ tài sản.",
        "body_md": """\
Tối ngày 28/3/2026, trên đoạn đường liên thôn thiếu ánh sáng, một người đàn ông đi xe máy một mình va vào cọc tiêu, ngã xuống lề đường và bất tỉnh. Anh **Hà Minh Quân** (24 tuổi, trú tại Tổ dân phố Hòa Bình 3) đi làm về ngang qua đã dừng xe, bật đèn cảnh báo và gọi ngay 115 và 113.

Trong lúc chờ xe cấp cứu, anh Quân:

- không lay gọi mạnh, không di chuyển nạn nhân vì lo chấn thương cột sống;
- nhờ người đi đường cảnh báo các phương tiện khác giảm tốc độ;
- thu gom ví, điện thoại của nạn nhân và giữ nguyên vị trí chiếc xe.

Khi xe cấp cứu đến, anh đi theo đến bệnh viện, rồi bàn giao toàn bộ tài sản cho Công an xã để liên lạc với gia đình nạn nhân. Nhờ được cấp cứu kịp thời, người đàn ông đã qua cơn nguy kịch.

"Em từng được học sơ cứu ở trường nên biết không được tự ý bế người bị nạn lên xe máy", anh Quân nói.

Hành động của anh Quân là một **bài học sơ cứu đúng cách** mà mỗi người nên biết. Công an xã khuyến cáo khi gặp tai nạn giao thông, người dân cần gọi 115 và 113, không tụ tập gây ùn tắc, không quay phim, đăng tải hình ảnh nạn nhân lên mạng xã hội.
""",
        "topics": ["guong-nguoi-tot-viec-tot", "an-toan-giao-thong"],
        "campaign": None,
        "person_name": "Hà Minh Quân",
        "deed": "Sơ cứu, gọi cấp cứu cho người bị tai nạn giao thông và bàn giao đầy đủ tài sản của nạn nhân cho công an.",
        "deed_on": date(2026, 3, 28),
        "name_consent": True,
        "commendation": "Đề nghị Chủ tịch UBND xã tặng Giấy khen",
        "residential_area": "Tổ dân phố Hòa Bình 3",
    },
    {
        "kind": "story",
        "title": "Cựu chiến binh vận động lắp 24 mắt camera an ninh cho thôn",
        "summary": "Ông Bùi Quang Thịnh góp tiền lương hưu và đi từng nhà vận động để Thôn Bãi Ngọc có hệ thống camera an ninh.",
        "body_md": """\
Từ tháng 2/2026, ông **Bùi Quang Thịnh** (71 tuổi, cựu chiến binh, Thôn Bãi Ngọc) đã đến từng nhà vận động bà con cùng góp tiền lắp camera an ninh tại các trục đường chính, ngã ba và khu vực bến đò của thôn.

Ông tự nguyện góp 10 triệu đồng từ tiền lương hưu. Cùng với sự đóng góp của hơn 180 hộ dân và một số cơ sở kinh doanh, đến ngày 10/5/2026, thôn đã hoàn thành lắp đặt 24 mắt camera. Hình ảnh được kết nối về nhà văn hóa thôn và chia sẻ với Công an xã.

Sau hơn một tháng vận hành, hệ thống đã giúp:

- xác định nhanh một phương tiện gây tai nạn rồi bỏ chạy trên đường liên thôn;
- tìm lại một chiếc xe máy bị mất trộm;
- răn đe các nhóm thanh niên tụ tập, đua xe vào ban đêm.

"Mình già rồi, không đi tuần được nhiều như trước, nhưng góp được con mắt cho thôn thì yên tâm", ông Thịnh cười.

Mô hình **"Camera an ninh"** là một trong những mô hình tự quản được khuyến khích nhân rộng trong kế hoạch xây dựng khu dân cư an toàn về an ninh, trật tự. Các thôn, tổ dân phố muốn tìm hiểu cách triển khai xin liên hệ Công an xã qua số 0912 345 678.
""",
        "topics": ["guong-nguoi-tot-viec-tot", "an-ninh-trat-tu-co-so"],
        "campaign": _ANTQ,
        "person_name": "Bùi Quang Thịnh",
        "deed": "Vận động người dân và góp tiền lắp đặt 24 mắt camera an ninh cho thôn.",
        "deed_on": date(2026, 5, 10),
        "name_consent": True,
        "commendation": "Đề nghị Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc xã biểu dương, tặng quà",
        "residential_area": "Thôn Bãi Ngọc",
    },
    {
        "kind": "story",
        "title": "Cậu học trò lớp 9 giúp bà ngoại tránh bẫy \"người thân gặp nạn\"",
        "summary": "Một học sinh lớp 9 bình tĩnh nhắc bà gọi kiểm tra người thân, nhờ đó gia đình không mất 60 triệu đồng vào tay kẻ lừa đảo.",
        "body_md": """\
Chiều ngày 6/3/2026, bà ngoại của **em H.** (học sinh lớp 9, Xóm Gò Mít) nhận được cuộc gọi từ một người tự xưng là bác sĩ bệnh viện tỉnh, báo tin con trai bà bị tai nạn giao thông, đang cấp cứu, cần chuyển ngay 60 triệu đồng để mổ. Bà hoảng hốt, vội đi tìm sổ tiết kiệm.

Em H. đang ở nhà, nghe chuyện đã bình tĩnh nhắc bà:

1. Gọi trực tiếp cho người được cho là bị tai nạn và những người thân khác để kiểm tra;
2. Không chuyển tiền vào số tài khoản lạ, dù người gọi thúc giục đến đâu;
3. Báo cho công an viên phụ trách xóm.

Chỉ vài phút sau, gia đình liên lạc được với người con trai, anh vẫn đang làm việc bình thường. Cuộc gọi trên chính là **thủ đoạn lừa đảo "người thân gặp nạn"** mà Công an xã đã nhiều lần cảnh báo trên loa truyền thanh.

Em H. cho biết em học được các dấu hiệu này trong buổi ngoại khóa phòng chống lừa đảo qua mạng do Công an xã tổ chức tại trường. Vì em chưa đủ 18 tuổi, bài viết không nêu họ tên đầy đủ của em.

Mỗi gia đình nên thống nhất một câu hỏi riêng để kiểm tra khi có cuộc gọi báo tin khẩn. Khi nghi ngờ, hãy gọi Công an xã qua số 0912 345 678.
""",
        "topics": ["guong-nguoi-tot-viec-tot", "lua-dao-khong-gian-mang"],
        "campaign": _FRAUD,
        "person_name": "Lê Gia Huy",
        "deed": "Giúp bà ngoại nhận ra cuộc gọi lừa đảo \"người thân gặp nạn\", ngăn việc chuyển 60 triệu đồng.",
        "deed_on": date(2026, 3, 6),
        "name_consent": False,
        "commendation": "Đề nghị Công an xã phối hợp với nhà trường biểu dương trước toàn trường",
        "residential_area": "Xóm Gò Mít",
    },
    {
        "kind": "story",
        "title": "Cô giáo mầm non đưa bé đi lạc ở chợ Tết về với mẹ",
        "summary": "Chị Mai Thị Hồng Nhung giữ bé trai đi lạc ở nơi an toàn, nhờ ban quản lý chợ thông báo và báo công an để tìm gia đình.",
        "body_md": """\
Sáng ngày 14/2/2026, giữa phiên chợ Tết đông đúc, chị **Mai Thị Hồng Nhung** (34 tuổi, giáo viên mầm non, Thôn Khe Lim) thấy một bé trai khoảng 4 tuổi đứng khóc một mình cạnh hàng hoa. Hỏi chuyện, bé chỉ nói được tên mình và "mẹ đi mua áo".

Thay vì để bé đi theo người lạ hay tự dắt bé đi tìm khắp chợ, chị Nhung:

- ở lại đúng chỗ bé bị lạc một lúc để chờ người nhà quay lại;
- nhờ ban quản lý chợ **thông báo trên loa**, tả rõ đặc điểm của bé;
- gọi điện báo Công an xã để phối hợp tìm kiếm.

Khoảng 30 phút sau, mẹ bé hớt hải chạy đến phòng ban quản lý chợ và nhận lại con trong nước mắt. Công an xã đã xác minh nhân thân trước khi bàn giao cháu bé.

"Ở trường, ngày nào tôi cũng dạy các con nhớ tên bố mẹ, nhớ số điện thoại. Gặp bé đi lạc thì việc đầu tiên là giữ bé ở nơi an toàn", chị Nhung chia sẻ.

Công an xã khuyến cáo phụ huynh khi đưa con đến nơi đông người nên dạy trẻ nhớ họ tên, số điện thoại của bố mẹ, hoặc ghi vào mảnh giấy để trong túi áo của trẻ. Khi phát hiện trẻ đi lạc, hãy báo ngay cho Công an xã (0912 345 678), gọi 113 hoặc Tổng đài quốc gia bảo vệ trẻ em 111.
""",
        "topics": ["guong-nguoi-tot-viec-tot", "an-ninh-trat-tu-co-so"],
        "campaign": None,
        "person_name": "Mai Thị Hồng Nhung",
        "deed": "Giữ an toàn cho một bé trai đi lạc ở chợ Tết và phối hợp với ban quản lý chợ, Công an xã tìm được gia đình.",
        "deed_on": date(2026, 2, 14),
        "name_consent": True,
        "commendation": "Đề nghị Chủ tịch UBND xã tặng Giấy khen",
        "residential_area": "Thôn Khe Lim",
    },
    {
        "kind": "story",
        "title": "Phát hiện sớm đám cháy, người giữ rừng cùng bà con cứu rừng keo",
        "summary": "Anh Hoàng Văn Sình phát hiện lửa lan từ bãi đốt thực bì và huy động bà con dập tắt trước khi cháy vào rừng.",
        "body_md": """\
Trưa ngày 3/5/2026, giữa đợt nắng nóng gay gắt, anh **Hoàng Văn Sình** (38 tuổi, thành viên tổ bảo vệ rừng Thôn Đồng Sen) đang kiểm tra khu rừng keo trên đồi sau thôn thì thấy cột khói bốc lên từ một bãi thực bì do có người đốt dọn nương gần bìa rừng.

Nhận thấy gió to, lửa có nguy cơ lan nhanh vào rừng, anh Sình lập tức:

- gọi điện báo trưởng thôn, Công an xã và kiểm lâm địa bàn;
- dùng loa cầm tay gọi bà con ở các nhà gần đồi mang cuốc, xẻng, cành cây tươi lên hỗ trợ;
- hướng dẫn mọi người phát đường băng cản lửa, dập lửa từ ngoài vào trong, không đứng ở phía gió thổi tới.

Sau khoảng một giờ, đám cháy được dập tắt hoàn toàn. Chỉ khoảng 300 mét vuông thực bì bị cháy, toàn bộ diện tích rừng keo của bà con được bảo vệ an toàn.

Mùa khô năm nay được dự báo có nhiều đợt nắng nóng kéo dài. Người dân **tuyệt đối không đốt thực bì, đốt rác, đốt ong gần rừng** khi chưa được phép và chưa có biện pháp phòng cháy. Khi phát hiện cháy rừng, hãy báo ngay cho chính quyền thôn, Công an xã qua số 0912 345 678 hoặc gọi **114**.
""",
        "topics": ["guong-nguoi-tot-viec-tot", "phong-chay-chua-chay"],
        "campaign": None,
        "person_name": "Hoàng Văn Sình",
        "deed": "Phát hiện sớm đám cháy ven rừng và huy động người dân dập tắt, bảo vệ an toàn rừng keo của thôn.",
        "deed_on": date(2026, 5, 3),
        "name_consent": True,
        "commendation": "Đề nghị Chủ tịch UBND xã tặng Giấy khen",
        "residential_area": "Thôn Đồng Sen",
    },
    # ------------------------------------------------------------------ notices
    {
        "kind": "notice",
        "title": "Khẩn: tìm cháu Đỗ Ngọc Ánh, 7 tuổi, mất liên lạc sau giờ tan học",
        "summary": "Cháu Đỗ Ngọc Ánh (Thôn Khe Lim) chưa về nhà từ chiều ngày 22/5/2026; ai thấy cháu xin báo ngay cho Công an xã.",
        "body_md": """\
**Công an xã thông báo khẩn:** khoảng 16 giờ 30 ngày 22/5/2026, cháu **Đỗ Ngọc Ánh**, sinh năm 2019, trú tại Thôn Khe Lim, sau khi tan học đã không về nhà. Gia đình đã tìm kiếm nhưng đến nay chưa thấy.

Đặc điểm nhận dạng của cháu:

- Cao khoảng 1,15 mét, dáng gầy, tóc dài buộc đuôi ngựa;
- Mặc áo đồng phục trắng, váy xanh tím than, đi dép quai hậu màu hồng;
- Đeo cặp sách màu xanh dương có hình con mèo.

Ai nhìn thấy cháu hoặc có thông tin liên quan, xin báo ngay cho Công an xã qua số **0912 345 678** (trực 24/24), gọi **113**, hoặc báo trực tiếp cho gia đình cháu tại Thôn Khe Lim.

Công an xã đề nghị các thôn, tổ dân phố, đặc biệt là các hộ dân sống gần ao hồ, sông suối, khu vực đồi rừng, kiểm tra quanh nhà và khu vực sản xuất. Hộ nào có camera hướng ra đường xin rà soát hình ảnh từ 16 giờ ngày 22/5/2026.

Đề nghị bà con **không đăng tải, chia sẻ thông tin chưa được kiểm chứng**, tránh gây hoang mang và để kẻ xấu lợi dụng lừa đảo gia đình cháu. Thông tin chính thức được cập nhật trên loa truyền thanh và [trang thông tin của Công an xã](https://congan.example.vn/thong-bao/tim-tre-di-lac).
""",
        "topics": ["an-ninh-trat-tu-co-so"],
        "campaign": None,
        "priority": "emergency",
    },
    {
        "kind": "notice",
        "title": "Cảnh báo cháy rừng cấp V: nghiêm cấm mọi hình thức đốt lửa trong và ven rừng",
        "summary": "Từ ngày 10/6 đến ngày 20/6/2026, nguy cơ cháy rừng ở mức cực kỳ nguy hiểm; người dân tuyệt đối không đốt lửa gần rừng.",
        "body_md": """\
Theo thông báo của cơ quan kiểm lâm, từ ngày 10/6 đến ngày 20/6/2026, do nắng nóng gay gắt kéo dài, **cấp dự báo cháy rừng trên địa bàn xã ở cấp V, cấp cực kỳ nguy hiểm**. Ở cấp này, chỉ một tàn thuốc lá hay một đốm lửa nhỏ cũng có thể gây cháy lớn và lan rất nhanh.

Ủy ban nhân dân xã yêu cầu:

1. **Nghiêm cấm** đốt thực bì, đốt nương, đốt rác, đốt ong, hun khói trong rừng và ven rừng;
2. Không mang lửa, vật dễ cháy vào rừng; không hút thuốc khi đi rừng;
3. Các chủ rừng, tổ bảo vệ rừng tổ chức trực 24/24, phát dọn đường băng cản lửa;
4. Trưởng các thôn rà soát, nhắc nhở từng hộ có đất rừng, đất nương giáp rừng.

Mọi trường hợp vi phạm sẽ bị xử lý nghiêm theo quy định của pháp luật; người gây cháy rừng có thể bị truy cứu trách nhiệm hình sự.

Khi phát hiện cháy rừng, người dân báo ngay cho trưởng thôn, Công an xã qua số **0912 345 678**, hoặc gọi **114**. Khi tham gia chữa cháy, chỉ làm theo sự chỉ huy của lực lượng chức năng, không đứng ở phía gió thổi tới và luôn chừa đường rút lui an toàn.
""",
        "topics": ["phong-chay-chua-chay"],
        "campaign": None,
        "priority": "emergency",
    },
    {
        "kind": "notice",
        "title": "Cảnh báo: cuộc gọi video giả danh công an yêu cầu \"làm sạch tiền\"",
        "summary": "Đối tượng mặc trang phục công an, gọi video qua Zalo và chiếu \"lệnh bắt\" giả để ép người dân chuyển tiền.",
        "body_md": """\
Trong tuần qua, Công an xã tiếp nhận nhiều phản ánh của người dân về một **thủ đoạn mới**: đối tượng gọi video qua Zalo, mặc trang phục công an, ngồi trong căn phòng bài trí giống trụ sở công an, thậm chí chiếu "lệnh bắt" có đóng dấu đỏ để đe dọa người nghe.

Kịch bản thường gặp:

- Thông báo số căn cước của bạn bị dùng để mở tài khoản liên quan đến đường dây ma túy, rửa tiền;
- Yêu cầu bạn vào phòng riêng, khóa cửa, không cho người thân biết;
- Hướng dẫn bạn cài một ứng dụng mạo danh cơ quan công an qua đường link, rồi chuyển toàn bộ tiền tiết kiệm để "làm sạch".

Công an xã khẳng định: **công an không làm việc, không lấy lời khai, không ra lệnh bắt qua cuộc gọi video**, và không bao giờ yêu cầu người dân chuyển tiền hay cài ứng dụng qua đường link.

Nếu nhận được cuộc gọi như trên, hãy tắt máy ngay, chặn số, không cung cấp thông tin và báo cho Công an xã qua số 0912 345 678 hoặc gọi 113. Con cháu trong gia đình hãy chia sẻ thông tin này với ông bà, cha mẹ.
""",
        "topics": ["lua-dao-khong-gian-mang"],
        "campaign": _FRAUD,
        "priority": "priority",
    },
    {
        "kind": "notice",
        "title": "Phân luồng giao thông để sửa chữa cầu tràn trên đường liên xã",
        "summary": "Cấm phương tiện qua cầu tràn đoạn Thôn Đồng Sen từ ngày 15/6 đến ngày 30/6/2026; người dân đi theo các tuyến tránh.",
        "body_md": """\
Để thi công sửa chữa, gia cố cầu tràn trên tuyến đường liên xã (đoạn qua Thôn Đồng Sen), Ủy ban nhân dân xã thông báo **tạm cấm các phương tiện qua cầu từ 6 giờ ngày 15/6/2026 đến 18 giờ ngày 30/6/2026**.

Phương án phân luồng như sau:

- Xe máy, xe đạp, xe thô sơ: đi theo đường bê tông qua Xóm Gò Mít, nhập lại tuyến chính tại ngã ba chợ;
- Ô tô dưới 5 tấn: đi vòng theo đường tỉnh, quãng đường dài thêm khoảng 4 ki-lô-mét;
- Ô tô từ 5 tấn trở lên: không được đi vào tuyến đường bê tông nội thôn.

Trong thời gian thi công, đề nghị người tham gia giao thông **chú ý biển báo, đi chậm và chấp hành hướng dẫn** của Công an xã và đơn vị thi công. Phụ huynh lưu ý cho học sinh đi sớm hơn thường lệ khoảng 15 phút và không để các em đi vào khu vực công trường.

Mọi vướng mắc, phản ánh về tình hình giao thông xin liên hệ Công an xã qua số 0912 345 678. Khi xảy ra tai nạn, hãy gọi 113 hoặc 115.
""",
        "topics": ["an-toan-giao-thong"],
        "campaign": None,
        "priority": "priority",
    },
    {
        "kind": "notice",
        "title": "Cảnh báo sữa, thực phẩm chức năng giả bán qua livestream",
        "summary": "Nhiều sản phẩm sữa bột, thực phẩm chức năng giá rẻ bán qua livestream là hàng giả, không rõ nguồn gốc.",
        "body_md": """\
Thời gian gần đây, trên mạng xã hội xuất hiện nhiều buổi livestream bán sữa bột, thực phẩm chức năng, thuốc "đặc trị" xương khớp, tiểu đường với giá rẻ bất thường, kèm lời quảng cáo "chữa khỏi hoàn toàn", "hàng chính hãng nhập khẩu". Cơ quan chức năng đã phát hiện nhiều sản phẩm trong số đó là **hàng giả, hàng không rõ nguồn gốc**, có thể gây hại cho sức khỏe, nhất là với trẻ nhỏ và người cao tuổi.

Người dân cần lưu ý:

- Chỉ mua sữa, thuốc, thực phẩm chức năng tại nhà thuốc, cửa hàng có giấy phép, có hóa đơn;
- Kiểm tra nhãn phụ tiếng Việt, hạn sử dụng, tem chống hàng giả, mã vạch;
- Không tin lời quảng cáo "thần dược", "người nổi tiếng đã dùng";
- **Không chuyển khoản trước** cho người bán không rõ danh tính.

Các hộ kinh doanh trên địa bàn tuyệt đối không nhập, bán sản phẩm không rõ nguồn gốc; vi phạm sẽ bị xử lý nghiêm theo quy định.

Nếu đã mua phải sản phẩm nghi là hàng giả, hoặc phát hiện nơi sản xuất, tàng trữ hàng giả, xin báo cho Công an xã qua số 0912 345 678 hoặc xem hướng dẫn tại [trang thông tin](https://congan.example.vn/canh-bao/hang-gia-livestream).
""",
        "topics": ["lua-dao-khong-gian-mang", "an-ninh-trat-tu-co-so"],
        "campaign": None,
        "priority": "priority",
    },
    {
        "kind": "notice",
        "title": "Cảnh báo trộm cắp gia súc, xe máy vào ban đêm",
        "summary": "Trong hai tuần liên tiếp xảy ra nhiều vụ trộm trâu, bò và xe máy vào rạng sáng; bà con cần tăng cường cảnh giác.",
        "body_md": """\
Trong hai tuần gần đây, trên địa bàn xã và các xã lân cận liên tiếp xảy ra **5 vụ trộm trâu, bò và 3 vụ trộm xe máy** vào ban đêm, chủ yếu từ 1 giờ đến 4 giờ sáng. Đối tượng thường đi ô tô bán tải hoặc xe máy không biển số, ban ngày giả làm người thu mua phế liệu, buôn gia súc để thăm dò.

Công an xã đề nghị bà con:

- Làm chuồng trại gia súc gần nhà, có khóa, lắp đèn chiếu sáng hoặc chuông báo;
- Không thả trâu, bò qua đêm ngoài đồng, ngoài bãi chăn thả;
- Đưa xe máy vào trong nhà, khóa cổng trước khi đi ngủ;
- **Để ý người lạ, xe lạ** dừng lâu gần chuồng trại, ghi lại biển số và đặc điểm.

Các tổ tự quản và lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở tăng cường tuần tra ban đêm, nhất là tại Thôn Khe Lim và Thôn Bãi Ngọc.

Khi phát hiện dấu hiệu nghi vấn, bà con hãy gọi ngay Công an xã qua số **0912 345 678** (trực 24/24) hoặc **113**. Không tự ý truy đuổi, đánh người, vì việc đó có thể vi phạm pháp luật và nguy hiểm đến tính mạng.
""",
        "topics": ["phong-chong-trom-cap"],
        "campaign": _ANTQ,
        "priority": "priority",
    },
    {
        "kind": "notice",
        "title": "Lịch tổ chức Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026 tại các khu dân cư",
        "summary": "Các thôn, tổ dân phố tổ chức Ngày hội từ ngày 1/8 đến ngày 9/8/2026; mỗi hộ cử ít nhất một người tham dự.",
        "body_md": """\
Thực hiện Kế hoạch số 32/KH-UBND của Ủy ban nhân dân tỉnh, Ban Chỉ đạo phong trào Toàn dân bảo vệ an ninh Tổ quốc của xã thông báo lịch tổ chức Ngày hội năm 2026 tại các khu dân cư như sau:

- **Thôn Đồng Sen**: 8 giờ, thứ Bảy ngày 1/8/2026, tại nhà văn hóa thôn;
- **Thôn Bãi Ngọc**: 8 giờ, Chủ nhật ngày 2/8/2026, tại sân nhà văn hóa thôn;
- **Xóm Gò Mít**: 14 giờ, Chủ nhật ngày 2/8/2026, tại sân điểm trường tiểu học;
- **Tổ dân phố Hòa Bình 3**: 19 giờ 30, thứ Sáu ngày 7/8/2026, tại nhà văn hóa tổ dân phố;
- **Tổ dân phố Tân Lập 2**: 19 giờ 30, thứ Bảy ngày 8/8/2026, tại nhà văn hóa tổ dân phố;
- **Thôn Khe Lim**: 8 giờ, Chủ nhật ngày 9/8/2026, tại nhà văn hóa thôn.

Nội dung gồm phần lễ (báo cáo kết quả phong trào, biểu dương gương người tốt, việc tốt, ký giao ước thi đua) và phần hội (văn nghệ, thể thao, trò chơi dân gian, hội thi tìm hiểu pháp luật).

Đề nghị mỗi hộ gia đình cử ít nhất một người tham dự. Các thôn, tổ dân phố gửi danh sách đề nghị biểu dương về Công an xã trước ngày 25/7/2026. Thông tin chi tiết xin liên hệ số 0912 345 678.
""",
        "topics": ["an-ninh-trat-tu-co-so", "guong-nguoi-tot-viec-tot"],
        "campaign": _ANTQ,
        "priority": "normal",
    },
    {
        "kind": "notice",
        "title": "Làm thủ tục cấp căn cước, kích hoạt định danh điện tử lưu động tại khu dân cư",
        "summary": "Công an xã làm thủ tục cấp căn cước và kích hoạt định danh điện tử tại ba nhà văn hóa vào ngày 13 và 14/6/2026.",
        "body_md": """\
Nhằm tạo thuận lợi cho người cao tuổi, người khuyết tật, học sinh và người dân ở xa trung tâm, Công an xã tổ chức **làm thủ tục cấp căn cước và kích hoạt tài khoản định danh điện tử mức độ 2** lưu động tại các khu dân cư theo lịch:

- Sáng thứ Bảy ngày 13/6/2026: nhà văn hóa Thôn Khe Lim;
- Chiều thứ Bảy ngày 13/6/2026: nhà văn hóa Thôn Bãi Ngọc;
- Sáng Chủ nhật ngày 14/6/2026: nhà văn hóa Xóm Gò Mít.

Người dân khi đến cần mang theo:

- Thẻ căn cước công dân hoặc chứng minh nhân dân cũ (nếu có);
- Điện thoại thông minh dùng số thuê bao đứng tên chính mình, nếu có nhu cầu kích hoạt định danh điện tử;
- Trẻ em dưới 14 tuổi đi cùng cha, mẹ hoặc người giám hộ.

Lưu ý: **Công an xã không thu bất kỳ khoản tiền nào ngoài lệ phí theo quy định** và không gọi điện đề nghị "hỗ trợ kích hoạt tại nhà". Mọi cuộc gọi tự xưng cán bộ công an đề nghị cài ứng dụng, đọc mã OTP đều là lừa đảo.

Mọi thắc mắc xin liên hệ bộ phận tiếp dân của Công an xã qua số 0912 345 678.
""",
        "topics": ["an-ninh-trat-tu-co-so"],
        "campaign": None,
        "priority": "normal",
    },
    {
        "kind": "notice",
        "title": "Tập huấn phòng cháy, chữa cháy cho chủ nhà trọ và hộ kinh doanh",
        "summary": "Lớp tập huấn miễn phí ngày 20/6/2026 tại hội trường UBND xã, có thực hành sử dụng bình chữa cháy.",
        "body_md": """\
Công an xã tổ chức lớp tập huấn phòng cháy, chữa cháy và cứu nạn, cứu hộ cho chủ nhà trọ, hộ kinh doanh và hộ gia đình có nhà ở kết hợp sản xuất, kinh doanh trên địa bàn.

- **Thời gian:** từ 8 giờ đến 11 giờ, thứ Bảy ngày 20/6/2026.
- **Địa điểm:** hội trường Ủy ban nhân dân xã.
- **Thành phần:** chủ nhà trọ, chủ hộ kinh doanh; mỗi thôn, tổ dân phố cử thêm hai thành viên tổ liên gia an toàn phòng cháy, chữa cháy.

Nội dung tập huấn gồm: nhận diện nguy cơ cháy từ hệ thống điện và việc sạc xe điện; cách bố trí lối thoát nạn thứ hai; kỹ năng thoát nạn khi có khói; thực hành sử dụng bình chữa cháy và dập đám cháy mới phát sinh.

Người tham dự được phát tài liệu hướng dẫn miễn phí. Ban tổ chức khuyến khích mỗi hộ mang theo bình chữa cháy của gia đình (nếu có) để được kiểm tra và hướng dẫn sử dụng.

Đăng ký tham dự với trưởng thôn, tổ trưởng tổ dân phố hoặc gọi Công an xã qua số 0912 345 678 trước ngày 17/6/2026. Khi có cháy, nổ, hãy gọi ngay 114.
""",
        "topics": ["phong-chay-chua-chay"],
        "campaign": None,
        "priority": "normal",
    },
    {
        "kind": "notice",
        "title": "Vận động giao nộp vũ khí, vật liệu nổ, công cụ hỗ trợ",
        "summary": "Công an xã tiếp nhận vũ khí, vật liệu nổ, pháo và công cụ hỗ trợ do người dân tự nguyện giao nộp.",
        "body_md": """\
Thực hiện đợt vận động toàn dân giao nộp vũ khí, vật liệu nổ, công cụ hỗ trợ, Công an xã đề nghị các hộ gia đình, cá nhân đang cất giữ các loại sau **tự nguyện giao nộp** cho Công an xã:

- Súng tự chế, súng hơi, súng kíp, súng săn; dao, kiếm có tính sát thương cao;
- Bom, mìn, lựu đạn, đầu đạn còn sót lại sau chiến tranh;
- Pháo nổ, thuốc pháo, nguyên liệu làm pháo;
- Công cụ hỗ trợ như bình xịt hơi cay, roi điện, dùi cui điện.

Người tự nguyện giao nộp được ghi nhận, biểu dương và được xem xét miễn xử lý theo quy định của pháp luật.

Đối với bom, mìn, vật nổ phát hiện ngoài đồng ruộng, vườn nhà: **tuyệt đối không tự ý đào bới, di chuyển, cưa cắt**. Hãy cắm biển hoặc đánh dấu khu vực, không cho trẻ em lại gần và báo ngay cho Công an xã.

Thời gian tiếp nhận: giờ hành chính các ngày làm việc, tại trụ sở Công an xã. Trường hợp cần hỗ trợ thu hồi tại nhà, xin gọi 0912 345 678. Phát hiện hành vi sản xuất, mua bán pháo nổ, vũ khí trái phép, hãy gọi 113.
""",
        "topics": ["an-ninh-trat-tu-co-so"],
        "campaign": _ANTQ,
        "priority": "normal",
    },
    {
        "kind": "notice",
        "title": "Nhắc nhở đăng ký tạm trú, thông báo lưu trú cho người thuê trọ",
        "summary": "Chủ nhà trọ, chủ cơ sở sản xuất cần đăng ký tạm trú, thông báo lưu trú cho người thuê trọ và lao động thời vụ.",
        "body_md": """\
Công an xã đề nghị chủ nhà trọ, chủ cơ sở sản xuất và các hộ gia đình có người đến ở **thực hiện đăng ký tạm trú, thông báo lưu trú** cho người thuê trọ, lao động thời vụ, học sinh, sinh viên theo quy định của Luật Cư trú.

Cụ thể:

- Người đến sinh sống từ 30 ngày trở lên tại nơi không phải nơi thường trú phải đăng ký tạm trú;
- Người đến ở lại dưới 30 ngày phải được thông báo lưu trú với Công an xã;
- Có thể thực hiện trực tuyến trên Cổng dịch vụ công, ứng dụng VNeID hoặc trực tiếp tại trụ sở Công an xã.

Việc khai báo đầy đủ giúp chính quyền **nắm chắc tình hình khu dân cư**, hỗ trợ kịp thời khi người thuê trọ gặp tai nạn, sự cố, đồng thời phòng ngừa đối tượng xấu lẩn trốn. Chủ nhà không thực hiện thông báo lưu trú có thể bị xử phạt vi phạm hành chính.

Nhân dịp này, Công an xã cũng đề nghị các chủ nhà trọ kiểm tra an toàn điện, bình chữa cháy và lối thoát nạn trước mùa nắng nóng.

Hướng dẫn thủ tục có tại [trang thông tin Công an xã](https://congan.example.vn/huong-dan/dang-ky-tam-tru); mọi thắc mắc xin gọi số 0912 345 678.
""",
        "topics": ["an-ninh-trat-tu-co-so"],
        "campaign": None,
        "priority": "normal",
    },
    {
        "kind": "notice",
        "title": "Cảnh giác tin nhắn giả mạo ngân hàng báo \"điểm thưởng sắp hết hạn\"",
        "summary": "Tin nhắn mang tên ngân hàng kèm đường link đổi điểm thưởng là thủ đoạn đánh cắp tài khoản và mã OTP.",
        "body_md": """\
Một số người dân phản ánh nhận được tin nhắn hiển thị tên giống ngân hàng, nhà mạng, thông báo "điểm thưởng sắp hết hạn", "tài khoản bị tạm khóa", kèm đường link để "đổi quà" hoặc "xác minh". Đây là **tin nhắn giả mạo**, được phát tán từ thiết bị phát sóng giả hoặc từ số điện thoại lạ.

Khi bấm vào đường link, người dùng được dẫn tới trang web có giao diện giống hệt trang của ngân hàng, bị yêu cầu nhập tên đăng nhập, mật khẩu và mã OTP. Chỉ vài phút sau, tiền trong tài khoản bị chuyển đi.

Người dân cần:

- **Không bấm vào đường link trong tin nhắn**, kể cả khi tin nhắn hiển thị tên ngân hàng quen thuộc;
- Chỉ đăng nhập qua ứng dụng ngân hàng chính thức đã cài sẵn trên máy;
- Khi nghi ngờ, gọi số tổng đài in ở mặt sau thẻ ngân hàng để kiểm tra;
- Báo cáo tin nhắn rác, tin nhắn lừa đảo tới đầu số 5656 theo hướng dẫn của nhà mạng.

Nếu đã lỡ nhập thông tin, hãy liên hệ ngay ngân hàng để khóa tài khoản và báo cho Công an xã qua số 0912 345 678 hoặc gọi 113.
""",
        "topics": ["lua-dao-khong-gian-mang"],
        "campaign": _FRAUD,
        "priority": "normal",
    },
]
