"""What each reach metric and kind is called, and how it was obtained: the words every page, chart,
export and report shows beside a number, so that a figure never appears without its kind and method.

A metric Loa does not know (a platform renamed one, say) is shown under its own name with the
method of its kind; it is never dropped and never added to another.
"""

from __future__ import annotations

from dataclasses import dataclass

from campaigns.feed_counts import FEED_CLIENT, FEED_FETCH, FEED_SUBSCRIBERS
from campaigns.links import BOT_CLICK, CLICK
from campaigns.loudspeaker_reach import AIRINGS, CONTACTS, LISTENERS
from campaigns.message_feedback import FEEDBACK
from campaigns.models import ReachSource
from campaigns.visits import BOT_VIEW, VIEW, VISITOR
from content.wording import Text

KIND_LABELS: dict[ReachSource, Text] = {
    ReachSource.MEASURED: Text("Đo được"),
    ReachSource.REPORTED: Text("Nền tảng báo cáo"),
    ReachSource.ESTIMATED: Text("Ước tính"),
}

KIND_METHODS: dict[ReachSource, Text] = {
    ReachSource.MEASURED: Text("Loa tự ghi nhận con số này."),
    ReachSource.REPORTED: Text("Con số do nền tảng (Facebook, Zalo…) trả về; Loa không kiểm chứng được. "
                               "Chỉ lấy lần đọc mới nhất, không cộng dồn các lần đọc."),
    ReachSource.ESTIMATED: Text("Con số tính từ giả định nêu ở cột phương pháp, không phải đếm trực tiếp."),
}


@dataclass(frozen=True)
class MetricLabel:
    name: str  # a Text, or an unknown metric's own name
    method: Text


METRICS: dict[str, MetricLabel] = {
    VIEW: MetricLabel(Text("Lượt xem trên cổng"),
                      Text("Mỗi lần trang tin được mở trên cổng thông tin, đếm ở máy chủ; không tính máy tìm kiếm.")),
    BOT_VIEW: MetricLabel(Text("Lượt xem của máy (bot)"),
                          Text("Lượt mở trang của máy tìm kiếm và trình tạo ảnh xem trước, nhận ra qua danh sách "
                               "crawler; đếm riêng để thấy khối lượng.")),
    VISITOR: MetricLabel(Text("Lượt khách-ngày"),
                         Text("Mỗi người xem được đếm một lần mỗi ngày, nhận ra bằng mã băm của địa chỉ, trình duyệt "
                              "và một chuỗi ngẫu nhiên đổi mỗi ngày rồi bị xóa; không dùng cookie, không lưu địa chỉ. "
                              "Cộng nhiều ngày là lượt khách-ngày, không phải số người.")),
    CLICK: MetricLabel(Text("Lượt bấm liên kết"),
                       Text("Lượt bấm liên kết rút gọn /r/ của từng kênh; cùng một người bấm lại trong 30 phút "
                            "chỉ tính một lần.")),
    BOT_CLICK: MetricLabel(Text("Lượt bấm của máy (bot)"),
                           Text("Lượt mở liên kết rút gọn của máy, đếm riêng, mỗi lần một lượt.")),
    AIRINGS: MetricLabel(Text("Lượt phát trên loa"),
                         Text("Lượt phát đã được đài truyền thanh xác nhận.")),
    LISTENERS: MetricLabel(Text("Người nghe tiềm năng"),
                           Text("Dân số vùng phủ của các đài đã phát tin; mỗi địa bàn tính một lần dù nhiều đài cùng "
                                "phủ hay phát nhiều ngày (một lần mỗi ngày ở số liệu theo ngày, một lần cả kỳ ở số "
                                "tổng). Đài chưa có số dân vùng phủ không được tính.")),
    CONTACTS: MetricLabel(Text("Lượt tiếp cận (loa)"),
                          Text("Người nghe tiềm năng × số lượt phát nghe được ở địa bàn đó: một người nghe hai lần "
                               "là hai lượt tiếp cận.")),
    "loudspeaker_listeners": MetricLabel(
        Text("Người nghe tiềm năng theo lượt phát"),
        Text("Dân số vùng phủ của đài cho mỗi lượt phát đã xác nhận.")),
    "reactions": MetricLabel(Text("Lượt bày tỏ cảm xúc"), Text("Facebook: tổng số reaction của bài viết.")),
    "comments": MetricLabel(Text("Bình luận"), Text("Facebook: tổng số bình luận của bài viết.")),
    "shares": MetricLabel(Text("Lượt chia sẻ"), Text("Facebook: số lượt chia sẻ bài viết.")),
    "post_media_view": MetricLabel(Text("Lượt xem bài (Facebook)"),
                                   Text("Facebook Graph API, chỉ số post_media_view của phiên bản API ghi kèm.")),
    "post_total_media_view_unique": MetricLabel(
        Text("Người xem bài (Facebook)"),
        Text("Facebook Graph API, chỉ số post_total_media_view_unique của phiên bản API ghi kèm.")),
    "total_view": MetricLabel(Text("Lượt xem bài (Zalo)"), Text("Zalo OA: total_view của bài viết.")),
    "total_share": MetricLabel(Text("Lượt chia sẻ (Zalo)"), Text("Zalo OA: total_share của bài viết.")),
    FEED_FETCH: MetricLabel(Text("Lượt tải nguồn tin (RSS/Atom)"),
                            Text("Mỗi lần một chương trình đọc tin tải nguồn tin của trang, đếm ở máy chủ; lần tải "
                                 "không có gì mới (304) vẫn tính.")),
    FEED_CLIENT: MetricLabel(Text("Máy đọc tin khác nhau trong ngày"),
                             Text("Mỗi máy đọc tin được đếm một lần mỗi ngày cho mỗi nguồn tin, nhận ra bằng mã băm của "
                                  "địa chỉ, chương trình đọc và một chuỗi ngẫu nhiên đổi mỗi ngày; không lưu địa chỉ. Một "
                                  "dịch vụ như Feedly là một máy dù có nhiều người theo dõi.")),
    FEED_SUBSCRIBERS: MetricLabel(Text("Người theo dõi (dịch vụ đọc tin báo)"),
                                  Text("Số người theo dõi mà dịch vụ đọc tin (Feedly, Inoreader, NewsBlur…) tự ghi khi "
                                       "tải nguồn tin; Loa không kiểm chứng được. Lấy lần báo mới nhất của mỗi dịch vụ, "
                                       "không cộng các ngày.")),
    FEEDBACK: MetricLabel(Text("Ý kiến “tin có ích không?”"),
                          Text("Mỗi lần người đọc trả lời câu hỏi cuối trang tin trên cổng, có hoặc không; không lưu "
                               "địa chỉ hay dấu vết nào của người trả lời.")),
}


def metric_label(metric: str, kind: ReachSource) -> MetricLabel:
    """The metric's name and method; an unknown metric keeps its own name and its kind's method."""
    return METRICS.get(metric) or MetricLabel(metric, KIND_METHODS[kind])
