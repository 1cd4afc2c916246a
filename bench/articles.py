"""Benchmark inputs: twenty Vietnamese awareness articles in Markdown, composed from ten topics.

Written for this benchmark (the hotline 0912 345 678 and the example.vn links are made up).
Each topic gives a short and a long article, so the inputs span roughly 200 to 600 words and
carry what real messages carry: headings, bold, bullet and numbered lists, inline links, bare
URLs for the linkifier, emergency numbers and, in the long form, a small table.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_WORDS, MAX_WORDS = 200, 600


@dataclass(frozen=True)
class Topic:
    title: str
    lead: str
    body: str
    tips: tuple[str, ...]
    steps: tuple[str, ...]
    closing: str
    story_person: str | None = None


@dataclass(frozen=True)
class Article:
    title: str
    summary: str
    source: str
    story_person: str | None = None

    @property
    def words(self) -> int:
        return len(self.source.split())


TOPICS: tuple[Topic, ...] = (
    Topic(
        title="Cảnh giác với cuộc gọi giả danh công an, viện kiểm sát, tòa án",
        lead=(
            "Thời gian gần đây, trên địa bàn xã liên tiếp xảy ra các vụ đối tượng gọi điện tự xưng là cán bộ "
            "công an, viện kiểm sát hoặc tòa án, thông báo người nghe có liên quan đến một vụ án rửa tiền hay "
            "buôn bán ma túy. Chúng đe dọa sẽ bắt giam nếu không hợp tác, rồi yêu cầu chuyển toàn bộ tiền trong "
            "tài khoản vào một \"tài khoản tạm giữ\" để \"phục vụ điều tra\"."
        ),
        body=(
            "Thủ đoạn này đánh vào tâm lý sợ hãi và sự thiếu hiểu biết về thủ tục tố tụng. Nhiều người, nhất là "
            "người cao tuổi và người ở nhà một mình, đã mất số tiền tiết kiệm nhiều năm chỉ sau một cuộc gọi kéo "
            "dài vài giờ. Đối tượng thường dặn nạn nhân giữ bí mật, không được kể với con cháu, và liên tục gọi "
            "lại để gây áp lực."
        ),
        tips=(
            "**Cơ quan công an không làm việc qua điện thoại** để yêu cầu chuyển tiền, cung cấp mã OTP hay mật "
            "khẩu ngân hàng.",
            "Giấy triệu tập, lệnh bắt chỉ được giao trực tiếp hoặc qua công an cấp xã, **không bao giờ gửi qua "
            "Zalo hay tin nhắn**.",
            "Không cài đặt ứng dụng lạ theo hướng dẫn của người gọi; không bấm vào đường link được gửi kèm.",
            "Khi còn nghi ngờ, hãy tắt máy và hỏi ý kiến người thân hoặc cán bộ công an xã.",
        ),
        steps=(
            "Ghi lại số điện thoại, thời gian và nội dung cuộc gọi.",
            "Tuyệt đối không chuyển tiền, kể cả số tiền nhỏ \"để xác minh\".",
            "Đến trụ sở công an xã gần nhất hoặc gọi **113** để trình báo.",
            "Nếu đã lỡ chuyển tiền, báo ngay cho ngân hàng để đề nghị phong tỏa giao dịch.",
        ),
        closing=(
            "Thông tin về các thủ đoạn lừa đảo mới, bà con xem thêm tại [trang cảnh báo của Công an tỉnh]"
            "(https://congan.example.vn/canh-bao/gia-danh) hoặc gọi đường dây nóng của Công an xã: "
            "**0912 345 678**."
        ),
    ),
    Topic(
        title="Việc nhẹ lương cao trên mạng: cái bẫy của nhóm lừa đảo \"làm nhiệm vụ\"",
        lead=(
            "Nhiều thanh niên trong xã nhận được tin nhắn mời làm cộng tác viên trực tuyến: chỉ cần thả tim video, "
            "đánh giá sản phẩm hay đặt đơn hàng ảo là được trả hoa hồng từ mười đến ba mươi phần trăm. Mấy nhiệm "
            "vụ đầu tiên được trả tiền sòng phẳng để tạo lòng tin."
        ),
        body=(
            "Sau đó, đối tượng yêu cầu nạp số tiền ngày càng lớn để nhận \"nhiệm vụ cấp cao\", rồi viện lý do "
            "thao tác sai, tài khoản bị khóa, phải nộp thêm phí mới rút được tiền. Đến khi nạn nhân không còn khả "
            "năng nạp thì nhóm chat biến mất, trang web cũng không truy cập được nữa."
        ),
        tips=(
            "**Không có công việc nào bắt người lao động nộp tiền trước** để được nhận việc.",
            "Cảnh giác với lời mời trên Telegram, Facebook, Zalo từ người lạ hứa hẹn thu nhập cao, không cần "
            "kinh nghiệm.",
            "Không gửi ảnh căn cước, số tài khoản ngân hàng cho các nhóm tuyển dụng không rõ nguồn gốc.",
            "Tra cứu thông tin doanh nghiệp trên cổng đăng ký doanh nghiệp quốc gia trước khi nhận lời.",
        ),
        steps=(
            "Chụp lại màn hình các cuộc trò chuyện và giao dịch.",
            "Không nạp thêm tiền với hy vọng lấy lại khoản đã mất.",
            "Trình báo công an xã hoặc gọi **113**, mang theo sao kê ngân hàng.",
        ),
        closing=(
            "Phụ huynh hãy trò chuyện với con em về thủ đoạn này. Tài liệu tuyên truyền có tại "
            "https://congan.example.vn/tai-lieu/viec-nhe-luong-cao, đường dây nóng hỗ trợ: **0912 345 678**."
        ),
    ),
    Topic(
        title="Phòng cháy trong nhà ở kết hợp kinh doanh: những việc cần làm ngay",
        lead=(
            "Mùa hanh khô, nguy cơ cháy nổ tại các hộ gia đình vừa ở vừa kinh doanh tăng cao. Phần lớn các vụ "
            "cháy bắt nguồn từ sự cố hệ thống điện, xe điện sạc qua đêm và hàng hóa dễ cháy chất sát lối đi."
        ),
        body=(
            "Nhiều ngôi nhà ống chỉ có một lối ra duy nhất qua tầng một, cửa cuốn khóa kín vào ban đêm, tầng trên "
            "lắp khung sắt kiên cố chống trộm. Khi xảy ra cháy, khói độc lan rất nhanh theo cầu thang, người ở "
            "tầng trên không còn đường thoát."
        ),
        tips=(
            "**Tạo lối thoát nạn thứ hai**: mở ô thoát trên lồng sắt, chuẩn bị thang dây ở ban công hoặc tầng "
            "thượng.",
            "Không sạc xe đạp điện, xe máy điện qua đêm, không để xe sát hàng hóa dễ cháy.",
            "Trang bị bình chữa cháy, đèn chiếu sáng sự cố và mặt nạ lọc độc ở nơi dễ lấy.",
            "Kiểm tra định kỳ dây điện, ổ cắm; ngắt cầu dao các thiết bị không cần thiết trước khi đi ngủ.",
        ),
        steps=(
            "Hô hoạn thật to để báo cho mọi người trong nhà và hàng xóm.",
            "Ngắt điện nếu có thể làm việc đó an toàn.",
            "Dùng khăn ướt che mũi miệng, cúi thấp người để thoát ra ngoài.",
            "Gọi ngay **114**, nói rõ địa chỉ, loại nhà và có người mắc kẹt hay không.",
        ),
        closing=(
            "Công an xã hướng dẫn kỹ năng thoát nạn miễn phí vào sáng chủ nhật hằng tuần tại nhà văn hóa. Đăng ký "
            "qua số **0912 345 678** hoặc tại [trang đăng ký](https://congan.example.vn/pccc/dang-ky)."
        ),
    ),
    Topic(
        title="Đã uống rượu bia thì không lái xe",
        lead=(
            "Dịp cuối năm là mùa cưới hỏi, liên hoan và tất niên. Đây cũng là thời điểm tai nạn giao thông liên "
            "quan đến rượu bia tăng mạnh, nhất là trên các tuyến đường liên thôn vào buổi tối."
        ),
        body=(
            "Chỉ một lượng nhỏ cồn trong máu cũng làm chậm phản xạ, giảm khả năng quan sát và phán đoán tốc độ. "
            "Pháp luật nghiêm cấm người điều khiển phương tiện mà trong máu hoặc hơi thở có nồng độ cồn; mức xử "
            "phạt rất nặng và người vi phạm có thể bị tước giấy phép lái xe."
        ),
        tips=(
            "**Đã uống rượu bia thì không điều khiển xe**, dù chỉ đi một đoạn ngắn.",
            "Nhờ người thân không uống rượu đưa về, hoặc gọi xe công nghệ, xe ôm quen.",
            "Luôn **đội mũ bảo hiểm đạt chuẩn** và cài quai đúng cách, kể cả trẻ em ngồi sau.",
            "Chủ nhà tiệc hãy nhắc nhở và bố trí người đưa khách về an toàn.",
        ),
        steps=(
            "Gọi **113** hoặc **115** khi gặp tai nạn có người bị thương.",
            "Không di chuyển nạn nhân nếu không cần thiết, tránh làm nặng thêm chấn thương.",
            "Giữ nguyên hiện trường và ghi lại biển số các xe liên quan.",
        ),
        closing=(
            "Xem thêm quy định về nồng độ cồn tại https://congan.example.vn/giao-thong/nong-do-con. Mỗi người "
            "dân chấp hành là thêm một gia đình bình yên."
        ),
    ),
    Topic(
        title="Ma túy trá hình trong bánh kẹo, thuốc lá điện tử: phụ huynh cần biết",
        lead=(
            "Các loại ma túy tổng hợp hiện nay được ngụy trang dưới dạng kẹo dẻo, tem giấy, nước uống đóng chai "
            "hoặc tinh dầu thuốc lá điện tử với bao bì bắt mắt. Đối tượng nhắm vào học sinh, sinh viên vì tâm lý "
            "tò mò, thích thử cái mới."
        ),
        body=(
            "Nhiều em chỉ thử một lần tại buổi sinh nhật hay quán cà phê đã bị co giật, ảo giác, phải đưa đi cấp "
            "cứu. Một số trường hợp bị lôi kéo làm người vận chuyển, bán lại cho bạn bè mà không biết mình đang "
            "phạm tội nghiêm trọng."
        ),
        tips=(
            "**Không nhận đồ ăn, nước uống, thuốc lá điện tử từ người lạ** hoặc bạn mới quen trên mạng.",
            "Phụ huynh để ý các dấu hiệu bất thường: thức khuya, bỏ học, tiêu tiền nhiều, thay đổi nhóm bạn.",
            "Giữ liên lạc với giáo viên chủ nhiệm và cùng trao đổi khi thấy con có biểu hiện lạ.",
        ),
        steps=(
            "Bình tĩnh trò chuyện với con, tránh la mắng gây tâm lý chống đối.",
            "Đưa con đi khám nếu nghi ngờ con đã sử dụng chất lạ.",
            "Cung cấp thông tin về người bán cho công an xã; danh tính người báo tin được giữ bí mật.",
        ),
        closing=(
            "Mọi tin báo về ma túy xin gửi về đường dây nóng **0912 345 678** hoặc gọi **113**. Tài liệu dành cho "
            "phụ huynh: [tại đây](https://congan.example.vn/ma-tuy/phu-huynh)."
        ),
    ),
    Topic(
        title="Vay tiền qua ứng dụng: lãi suất cắt cổ và đòi nợ kiểu khủng bố",
        lead=(
            "Các ứng dụng cho vay trên điện thoại quảng cáo giải ngân trong năm phút, không cần thế chấp, chỉ cần "
            "ảnh căn cước. Thực tế, người vay nhận về chưa đến bảy mươi phần trăm số tiền ghi trong hợp đồng, còn "
            "lãi và phí có thể lên tới hàng nghìn phần trăm một năm."
        ),
        body=(
            "Khi cài ứng dụng, người vay vô tình cho phép truy cập danh bạ và thư viện ảnh. Chỉ cần trả chậm một "
            "ngày, các nhóm đòi nợ gọi điện, nhắn tin bôi nhọ tới người thân, đồng nghiệp, thậm chí ghép ảnh nhạy "
            "cảm để ép trả tiền."
        ),
        tips=(
            "**Chỉ vay tại ngân hàng, tổ chức tín dụng được cấp phép** hoặc quỹ tín dụng nhân dân của xã.",
            "Không cấp quyền truy cập danh bạ, thư viện ảnh cho ứng dụng cho vay.",
            "Đọc kỹ hợp đồng, hỏi rõ tổng số tiền phải trả trước khi ký.",
            "Hội phụ nữ, đoàn thanh niên xã có chương trình hỗ trợ vốn vay lãi suất thấp cho hộ khó khăn.",
        ),
        steps=(
            "Lưu lại tin nhắn, ghi âm các cuộc gọi đe dọa.",
            "Không vay tiếp ứng dụng khác để trả nợ cũ.",
            "Trình báo công an xã hoặc gọi **113** nếu bị đe dọa, khủng bố tinh thần.",
        ),
        closing=(
            "Danh sách tổ chức tín dụng hợp pháp được công bố tại https://nganhang.example.vn/to-chuc-tin-dung. "
            "Cần tư vấn, bà con liên hệ **0912 345 678**."
        ),
    ),
    Topic(
        title="Không có chuyện cán bộ gọi điện hướng dẫn cài VNeID qua đường link",
        lead=(
            "Lợi dụng việc người dân đang kích hoạt tài khoản định danh điện tử, một số đối tượng gọi điện xưng là "
            "cán bộ công an, đề nghị \"hỗ trợ nâng cấp lên mức hai\" rồi gửi đường link tải ứng dụng giả mạo."
        ),
        body=(
            "Ứng dụng giả có giao diện gần giống ứng dụng thật nhưng được cài từ tệp bên ngoài kho ứng dụng chính "
            "thức. Sau khi cài, đối tượng chiếm quyền điều khiển điện thoại, đọc tin nhắn chứa mã xác thực và rút "
            "sạch tiền trong tài khoản ngân hàng."
        ),
        tips=(
            "**Chỉ tải VNeID từ App Store hoặc Google Play**, đúng nhà phát hành chính thức.",
            "Việc kích hoạt mức hai được thực hiện trực tiếp tại trụ sở công an, không qua điện thoại.",
            "Không cho ứng dụng lạ quyền trợ năng hay quyền hiển thị trên ứng dụng khác.",
        ),
        steps=(
            "Nếu lỡ cài, ngắt kết nối mạng của điện thoại ngay lập tức.",
            "Gọi tổng đài ngân hàng để khóa tài khoản và thẻ.",
            "Mang điện thoại đến công an xã để được hỗ trợ kiểm tra.",
        ),
        closing=(
            "Lịch tiếp dân làm thủ tục định danh được niêm yết tại [trang của Công an xã]"
            "(https://congan.example.vn/dinh-danh/lich). Đường dây nóng: **0912 345 678**, khẩn cấp gọi **113**."
        ),
    ),
    Topic(
        title="Mùa hè an toàn: phòng chống đuối nước cho trẻ em",
        lead=(
            "Mỗi dịp hè, địa phương lại ghi nhận những vụ đuối nước thương tâm tại ao, hồ, sông suối và hố công "
            "trình bỏ hoang. Nạn nhân phần lớn là trẻ em đi tắm cùng bạn bè mà không có người lớn đi kèm."
        ),
        body=(
            "Đuối nước xảy ra rất nhanh và thường không có tiếng kêu cứu. Chỉ vài phút thiếu quan sát, trẻ có thể "
            "gặp nguy hiểm ngay ở vùng nước nông. Học bơi và học kỹ năng an toàn dưới nước là cách phòng ngừa hiệu "
            "quả nhất."
        ),
        tips=(
            "**Không để trẻ đi tắm ao, hồ, sông suối khi không có người lớn biết bơi** đi cùng.",
            "Rào chắn, cắm biển cảnh báo tại các hố nước sâu, ao gần nhà.",
            "Cho trẻ tham gia lớp học bơi an toàn do xã và nhà trường tổ chức.",
            "Dạy trẻ nguyên tắc: thấy bạn đuối nước thì hô to gọi người lớn, ném phao hoặc sào, không tự nhảy "
            "xuống cứu.",
        ),
        steps=(
            "Hô hoạn, gọi người đến hỗ trợ.",
            "Đưa nạn nhân lên bờ bằng dụng cụ, tránh để người cứu bị kéo theo.",
            "Gọi **115** và sơ cứu theo hướng dẫn của nhân viên y tế.",
        ),
        closing=(
            "Danh sách lớp học bơi hè có tại https://xa.example.vn/hoc-boi. Báo các điểm nước nguy hiểm về số "
            "**0912 345 678**."
        ),
    ),
    Topic(
        title="Giữ an toàn tài sản dịp cuối năm",
        lead=(
            "Những tháng cuối năm, tình trạng trộm cắp xe máy, tài sản trong nhà và móc túi ở chợ thường gia tăng. "
            "Đối tượng lợi dụng lúc gia đình đi vắng, nơi đông người hoặc sơ hở trong việc khóa cửa để ra tay."
        ),
        body=(
            "Nhiều vụ trộm xe xảy ra ngay trước cửa nhà khi chủ xe chỉ vào trong vài phút mà không rút chìa khóa. "
            "Ở chợ phiên, đối tượng đi theo nhóm, chen lấn để lấy ví, điện thoại của người mua hàng."
        ),
        tips=(
            "**Luôn rút chìa khóa và khóa cổ xe**, lắp thêm khóa phụ hoặc thiết bị định vị.",
            "Khi đi vắng dài ngày, nhờ hàng xóm trông giúp và báo cho tổ bảo vệ an ninh, trật tự ở cơ sở.",
            "Không mang nhiều tiền mặt, vàng bạc khi đi chợ, đi lễ hội.",
            "Lắp camera, đèn chiếu sáng ở cổng và khu vực để xe.",
        ),
        steps=(
            "Giữ nguyên hiện trường khi phát hiện bị trộm.",
            "Báo ngay cho công an xã qua số **0912 345 678** hoặc gọi **113**.",
            "Cung cấp hình ảnh camera và đặc điểm tài sản bị mất.",
        ),
        closing=(
            "Mô hình \"Camera an ninh\" của các thôn đã giúp phát hiện nhiều vụ việc. Thông tin chi tiết: "
            "[camera an ninh](https://congan.example.vn/mo-hinh/camera)."
        ),
    ),
    Topic(
        title="Gương người tốt: anh xe ôm trả lại túi tiền cho người đánh rơi",
        lead=(
            "Sáng thứ bảy vừa qua, anh Nguyễn Văn An, người chạy xe ôm ở thôn Bến Đò, nhặt được một chiếc túi xách "
            "trong đó có hơn năm mươi triệu đồng tiền mặt cùng nhiều giấy tờ tùy thân. Anh đã mang ngay đến trụ sở "
            "công an xã để nhờ tìm người đánh rơi."
        ),
        body=(
            "Qua xác minh, công an xã liên lạc được với chủ tài sản là một bà cụ ở xã bên, người vừa rút tiền tiết "
            "kiệm để chữa bệnh cho chồng. Nhận lại túi tiền, bà cụ xúc động cảm ơn và muốn gửi anh An một khoản "
            "tiền nhỏ, nhưng anh từ chối."
        ),
        tips=(
            "Việc làm của anh An thể hiện **tinh thần tương thân tương ái** của người dân trong xã.",
            "Người nhặt được tài sản đánh rơi hãy giao nộp cho công an xã hoặc trưởng thôn.",
            "Người bị mất tài sản nên trình báo sớm để được hỗ trợ tìm kiếm.",
        ),
        steps=(
            "Ủy ban nhân dân xã đã gửi thư khen anh An.",
            "Câu chuyện sẽ được phát trên hệ thống loa truyền thanh của các thôn.",
        ),
        closing=(
            "Bà con biết những tấm gương người tốt, việc tốt hãy báo về số **0912 345 678** hoặc gửi qua "
            "[trang người tốt việc tốt](https://congan.example.vn/nguoi-tot)."
        ),
        story_person="Nguyễn Văn An",
    ),
)

# Paragraphs any long-form article may close with, as local bulletins usually do.
COMMON_PARAGRAPHS = (
    "Phong trào toàn dân bảo vệ an ninh Tổ quốc chỉ thực sự hiệu quả khi mỗi người dân là một tai mắt của lực "
    "lượng công an. Những thông tin dù nhỏ như một chiếc xe lạ đỗ lâu trước cửa, một nhóm người thường xuyên tụ "
    "tập vào ban đêm hay một cuộc gọi đáng ngờ đều có thể giúp ngăn chặn vụ việc từ sớm.",
    "Bà con có thể gửi tin báo qua ứng dụng định danh điện tử, qua tổ bảo vệ an ninh, trật tự ở cơ sở hoặc đến "
    "trực tiếp trụ sở công an xã. Thông tin về người báo tin được giữ bí mật theo quy định của pháp luật.",
    "Các thôn, tổ dân phố được đề nghị phát nội dung này trên loa truyền thanh vào khung giờ sáng và chiều, đồng "
    "thời chia sẻ vào nhóm Zalo của khu dân cư để càng nhiều người biết càng tốt.",
)

EMERGENCY_TABLE = """\
| Tình huống | Gọi số |
|---|---|
| Cần công an hỗ trợ, trình báo tội phạm | **113** |
| Cháy, nổ, cứu nạn, cứu hộ | **114** |
| Cấp cứu y tế | **115** |
| Công an xã (giờ hành chính) | 0912 345 678 |"""


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _numbered(items: tuple[str, ...]) -> str:
    return "\n".join(f"{n}. {item}" for n, item in enumerate(items, 1))


def _short(topic: Topic) -> str:
    return "\n\n".join([
        topic.lead,
        topic.body,
        "## Những điều cần nhớ",
        _bullets(topic.tips),
        "**Khi gặp tình huống:**",
        _numbered(topic.steps),
        topic.closing,
    ])


def _long(topic: Topic, index: int) -> str:
    # Rotate which common paragraphs each long article carries, so the inputs are not all the same length.
    extras = COMMON_PARAGRAPHS[: 1 + index % len(COMMON_PARAGRAPHS)]
    return "\n\n".join([
        topic.lead,
        topic.body,
        "## Những điều cần nhớ",
        _bullets(topic.tips),
        "## Khi gặp tình huống, cần làm gì",
        _numbered(topic.steps),
        *extras,
        "### Số điện thoại cần nhớ",
        EMERGENCY_TABLE,
        topic.closing,
    ])


def _summary(topic: Topic) -> str:
    return topic.lead.split(". ", 1)[0].rstrip(".") + "."


def build_articles() -> list[Article]:
    """The twenty inputs, each checked to stay within the promised length."""
    articles = []
    for index, topic in enumerate(TOPICS):
        for source in (_short(topic), _long(topic, index)):
            articles.append(Article(title=topic.title, summary=_summary(topic), source=source,
                                    story_person=topic.story_person))
    for article in articles:
        if not MIN_WORDS <= article.words <= MAX_WORDS:
            raise ValueError(f"{article.title!r} has {article.words} words, outside {MIN_WORDS}–{MAX_WORDS}")
    return articles
