"""The campaign report for a period: a printable A4 page and the same report as a Word document."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from tests.reach_world import reach_world
from tests.web.helpers import log_in


def word(client, campaign_id: int, **query: str):  # type: ignore[no-untyped-def]
    response = client.get(f"/desk/campaigns/{campaign_id}/report.docx", query_string=query)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype.endswith("wordprocessingml.document")
    return docx.Document(io.BytesIO(response.get_data()))


def all_text(document) -> str:  # type: ignore[no-untyped-def]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_printable_report_has_its_cover_sections_and_method_notes(client, session):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    response = client.get(f"/desk/campaigns/{w.campaign.id}/report", query_string={"from": "2026-11-02", "to": "2026-11-15"})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    cover = page[page.index('class="cover"'):page.index("</section>", page.index('class="cover"'))]
    for words in ("Kế hoạch số 32/KH-UBND", "Ủy ban nhân dân tỉnh Thanh Thủy", "Khu dân cư an toàn về an ninh, trật tự",
                  "từ 02/11/2026 đến 15/11/2026", "Tỉnh Thanh Thủy", "Ngày in", "23/11/2026"):
        assert words in cover
    headings = [h for h in ("1. Chỉ tiêu và tiến độ", "2. Hoạt động và mức độ tiếp cận trong kỳ",
                            "3. Số liệu các nền tảng báo cáo", "4. Theo địa bàn", "5. Tình hình phát thanh của các đài",
                            "6. Tin nổi bật", "7. Phản ánh, tố giác của người dân",
                            "8. Xã, phường kiểu mẫu và mô hình tự quản", "9. Ghi chú phương pháp")]
    positions = [page.index(h) for h in headings]
    assert positions == sorted(positions)
    assert "Chậm tiến độ" in page and "<svg" in page
    assert "Ước tính" in page and "Con số tính từ giả định" in page and "Lượt tiếp cận (loa)" in page
    assert 'href="/static/report.css"' in page  # its own print stylesheet


def test_the_print_stylesheet_sets_a4_page_breaks_and_hides_navigation(app):  # type: ignore[no-untyped-def]
    css = (Path(app.static_folder) / "report.css").read_text(encoding="utf-8")
    assert "@page { size: A4" in css
    assert "section.part { break-before: page; }" in css
    assert "header.site, footer.site, nav.report-tools" in css


def test_the_word_report_has_headings_tables_with_header_rows_and_vietnamese_numbers(client, session):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    document = word(client, w.campaign.id)
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings == ["Báo cáo mức độ tiếp cận của chiến dịch", "Chỉ tiêu và tiến độ",
                        "Hoạt động và mức độ tiếp cận trong kỳ", "Số liệu các nền tảng báo cáo", "Theo địa bàn",
                        "Tình hình phát thanh của các đài", "Tin nổi bật", "Phản ánh, tố giác của người dân",
                        "Xã, phường kiểu mẫu và mô hình tự quản",
                        "Ghi chú phương pháp"]
    tables = {table.rows[0].cells[0].text: table for table in document.tables}
    assert set(tables) >= {"Chỉ tiêu", "Chỉ số", "Ngày", "Kênh", "Địa bàn", "Hạng"}
    targets = tables["Chỉ tiêu"]
    assert [c.text for c in targets.rows[0].cells][:4] == ["Chỉ tiêu", "Loại chỉ tiêu", "Hiện đạt", "Mục tiêu"]
    visitor_row = [c.text for c in targets.rows[1].cells]
    assert visitor_row[0] == "Lượt khách-ngày đọc tin chiến dịch"
    assert visitor_row[3] == "1.000" and visitor_row[5] == "34,5 %" and visitor_row[7] == "Chậm tiến độ"
    top = [[c.text for c in row.cells][:3] for row in tables["Hạng"].rows[1:]]
    assert top == [["1", w.traffic.title, "1.357"], ["2", w.scam.title, "800"], ["3", w.fire.title, "120"]]
    days = [[c.text for c in row.cells] for row in tables["Ngày"].rows]
    assert days[1][0] == "03/11/2026" and "chưa có số liệu" in days[1]
    stations = [t for t in document.tables if t.rows[0].cells[0].text == "Đài truyền thanh"]
    summary, grid = stations  # weeks met per station over the period, then the last weeks' grid
    assert [c.text for c in summary.rows[0].cells][2:4] == ["✓ Đạt", "✗ Chưa đạt"]
    assert sorted(row.cells[0].text for row in summary.rows[1:]) == ["Đài truyền thanh Phường An Lạc",
                                                                     "Đài truyền thanh Xã Bình Minh"]
    assert "Tuần 16/11–22/11" in [c.text for c in grid.rows[0].cells]
    text = all_text(document)
    assert "không nhúng được biểu đồ SVG" in text  # charts given as their tables, and said so
    assert "Kế hoạch số 32/KH-UBND" in text and "Ủy ban nhân dân tỉnh Thanh Thủy" in text
    assert "Nền tảng báo cáo: Con số do nền tảng" in text


def test_a_wards_officer_gets_a_report_of_the_ward_only(client, session):
    w = reach_world(session)
    log_in(client, "bientap_an_lac")
    text = all_text(word(client, w.campaign.id))
    assert w.fire.title in text and "4.000" in text
    assert "Đài truyền thanh Phường An Lạc" in text
    for hidden in ("1.357", "2.613", w.traffic.title, w.scam.title, "Lượt khách-ngày đọc tin chiến dịch",
                   "Đài truyền thanh Xã Bình Minh"):
        assert hidden not in text
    page = client.get(f"/desk/campaigns/{w.campaign.id}/report").get_data(as_text=True)
    assert "Phường An Lạc" in page and "1.357" not in page


@pytest.mark.parametrize("username, status", [("phantich_tinh", 200), ("dai_tinh", 403), ("bientap_ha_son", 403)])
def test_who_may_read_the_report(client, session, username, status):
    w = reach_world(session)
    log_in(client, username)
    assert client.get(f"/desk/campaigns/{w.campaign.id}/report").status_code == status
    assert client.get(f"/desk/campaigns/{w.campaign.id}/report.docx").status_code == status


@pytest.mark.parametrize("query", [{"from": "hôm qua"}, {"from": "2026-11-20", "to": "2026-11-01"},
                                   {"from": "2016-01-01", "to": "2026-01-01"}])
def test_a_report_of_a_bad_period_is_refused(client, session, query):
    w = reach_world(session)
    log_in(client, "bientap_tinh")
    assert client.get(f"/desk/campaigns/{w.campaign.id}/report", query_string=query).status_code == 400
    assert client.get(f"/desk/campaigns/{w.campaign.id}/report.docx", query_string=query).status_code == 400


def test_an_unknown_campaign_has_no_report(client, session):
    reach_world(session)
    log_in(client, "bientap_tinh")
    response = client.get("/desk/campaigns/987654/report.docx")
    assert response.status_code == 404 and "Không tìm thấy chiến dịch" in response.get_data(as_text=True)
