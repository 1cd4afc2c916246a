"""A figure table as CSV and XLSX, and the SVG charts: what every reach page and report is made of."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from openpyxl import load_workbook
from werkzeug.exceptions import NotFound

from campaigns.models import ReachSource
from web.reach.charts import Series, bar_chart, line_chart
from web.reach.exports import export_response, table_csv, table_xlsx
from web.reach.tables import Cell, Column, ColumnKind, figure_table

SVG = "{http://www.w3.org/2000/svg}"


def sample():  # type: ignore[no-untyped-def]
    return figure_table(
        "kenh", "Tiếp cận theo kênh",
        [Column("Kênh"), Column("Ngày", ColumnKind.DATE), Column("Lượt xem", ColumnKind.NUMBER),
         Column("Tỉ lệ", ColumnKind.PERCENT)],
        [["Cổng thông tin", date(2026, 11, 3), 1234.0, 12.5],
         [Cell("=HYPERLINK(\"http://x\")", hint="Tiêu đề do người dùng gõ"), date(2026, 11, 4), None, 0.0]],
        notes=["Lượt khách-ngày: mỗi người xem được đếm một lần mỗi ngày."])


def test_a_row_with_a_missing_cell_is_refused():
    with pytest.raises(ValueError):
        figure_table("x", "X", [Column("A"), Column("B")], [["một"]])


def test_csv_has_a_bom_vietnamese_headers_plain_numbers_and_notes():
    text = table_csv(sample())
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["Kênh", "Ngày", "Lượt xem", "Tỉ lệ"]
    assert rows[1] == ["Cổng thông tin", "2026-11-03", "1234", "12.5"]
    # No data stays empty, never 0; a cell that a spreadsheet would run as a formula is kept as text.
    assert rows[2][0].startswith("'=") and rows[2][2] == ""
    assert ["Lượt khách-ngày: mỗi người xem được đếm một lần mỗi ngày."] in rows
    assert ["Tiêu đề do người dùng gõ"] in rows  # a cell's method becomes a footnote


def test_xlsx_keeps_numbers_as_numbers_and_dates_as_dates():
    sheet = load_workbook(io.BytesIO(table_xlsx(sample()))).active
    assert [c.value for c in sheet[1]] == ["Kênh", "Ngày", "Lượt xem", "Tỉ lệ"]
    assert sheet["C2"].value == 1234 and isinstance(sheet["C2"].value, (int, float))
    assert sheet["B2"].is_date and sheet["B2"].value.date() == date(2026, 11, 3)
    assert sheet["B2"].number_format == "DD/MM/YYYY"
    assert sheet["C3"].value is None
    assert str(sheet["A3"].value).startswith("'=")
    assert sheet[1][0].font.bold


def test_an_unknown_table_or_format_is_not_found(app):  # type: ignore[no-untyped-def]
    with app.test_request_context():
        with pytest.raises(NotFound):
            export_response([sample()], "khac", "csv", filename_stem="x")
        with pytest.raises(NotFound):
            export_response([sample()], "kenh", "pdf", filename_stem="x")
        response = export_response([sample()], "kenh", "xlsx", filename_stem="chien-dich-1")
        assert response.headers["Content-Disposition"] == 'attachment; filename="chien-dich-1-kenh.xlsx"'


def test_a_line_chart_is_valid_svg_whose_lines_differ_by_more_than_colour(app):  # type: ignore[no-untyped-def]
    with app.test_request_context():
        svg = str(line_chart([
            Series("Cổng <thông tin>", [(date(2026, 11, 1), 10), (date(2026, 11, 2), 30)], ReachSource.MEASURED),
            Series("Loa: người nghe", [(date(2026, 11, 1), 400), (date(2026, 11, 2), 250)], ReachSource.ESTIMATED),
            Series("Trống", [], ReachSource.MEASURED),
        ], title="Tiếp cận theo ngày", unit="lượt"))
    root = ET.fromstring(svg)  # escaped labels keep it well-formed
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Tiếp cận theo ngày"
    lines = root.findall(f"{SVG}polyline")
    assert len(lines) == 2
    assert lines[1].get("stroke-dasharray") == "6 4"  # an estimate is always dashed
    assert lines[0].get("stroke-dasharray") is None
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Cổng <thông tin>" in texts and "Loa: người nghe" in texts and "Trống" not in texts


def test_a_chart_with_no_figure_says_so_instead_of_drawing_zero(app):  # type: ignore[no-untyped-def]
    with app.test_request_context():
        empty = ET.fromstring(str(line_chart([], title="Không có gì", unit="lượt")))
        bars = ET.fromstring(str(bar_chart([("Xã An Lạc", 120.0), ("Xã Tân Tiến", None)],
                                           title="Theo địa bàn", unit="lượt")))
    assert "Chưa có số liệu trong khoảng thời gian này." in [t.text for t in empty.iter(f"{SVG}text")]
    assert len(bars.findall(f"{SVG}rect")) == 1
    assert "chưa có số liệu" in [t.text for t in bars.iter(f"{SVG}text")]


def test_a_line_breaks_where_a_day_has_no_figure_and_spans_the_period_asked(app):  # type: ignore[no-untyped-def]
    points = [(date(2026, 11, 1), 3.0), (date(2026, 11, 2), 1.0), (date(2026, 11, 9), 1.0)]
    with app.test_request_context():
        svg = ET.fromstring(str(line_chart([Series("Lượt bấm", points, ReachSource.MEASURED)], title="Bấm",
                                           unit="lượt", period=(date(2026, 10, 1), date(2026, 11, 30)))))
    # Two consecutive days make a line; the lone 9/11 is a marker only, not joined across a week without clicks.
    assert len(svg.findall(f"{SVG}polyline")) == 1
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "01/10" in texts and "30/11" in texts
    # Counts get whole-number ticks: no "0,2 lượt".
    ticks = [t for t in texts if t and t[0].isdigit() and "/" not in t]
    assert ticks == ["0", "1", "2", "3", "4"]
