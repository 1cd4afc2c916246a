"""The loudspeaker text: what is read aloud keeps the words and loses the markup and links."""

from __future__ import annotations

import pytest

from content.spoken import to_spoken


@pytest.mark.parametrize(("source", "spoken"), [
    ("Khóa xe **cẩn thận**, rút chìa.", "Khóa xe cẩn thận, rút chìa."),
    ("Xem [trang thông tin](https://congan.example.vn/tin) của xã.", "Xem trang thông tin của xã."),
    ("Chi tiết tại https://congan.example.vn/a hoặc hộp thư lienhe@congan.example.vn .", "Chi tiết tại hoặc hộp thư."),
    ("- Một\n- Hai", "Một\nHai"),
    ("Đoạn một.\n\nĐoạn hai.", "Đoạn một.\nĐoạn hai."),
    ("<script>alert(1)</script>Bình thường", "Bình thường"),
    ("A &amp; B", "A & B"),
])
def test_markdown_becomes_plain_spoken_lines(source, spoken):
    assert to_spoken(source) == spoken
