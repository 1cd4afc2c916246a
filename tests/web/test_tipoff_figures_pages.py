"""Tip-off figures beside reach: the campaign dashboard's table, the printable report and its Word copy."""

from __future__ import annotations

import io

import docx

from tests.reach_tipoffs import world_with_tipoffs
from tests.web.helpers import log_in


def test_the_dashboard_shows_the_tip_off_figures_per_area(client, session):
    w = world_with_tipoffs(session)
    log_in(client, "phantich_tinh")  # an analyst sees counts, never a tip-off's words
    page = client.get(f"/desk/campaigns/{w.campaign.id}/reach").get_data(as_text=True)
    section = page[page.index('id="tipoffs"'):]
    assert "Phản ánh, tố giác của người dân" in section
    assert "Tỉnh Thanh Thủy (cả địa bàn)" in section and "Phường An Lạc" in section and "Xã Bình Minh" in section
    assert "Xã Tân Tiến" not in section and "bí mật" not in page


def test_the_word_report_carries_the_same_figures(client, session):
    w = world_with_tipoffs(session)
    log_in(client, "bientap_tinh")
    response = client.get(f"/desk/campaigns/{w.campaign.id}/report.docx")
    document = docx.Document(io.BytesIO(response.get_data()))
    table = next(t for t in document.tables if t.rows[0].cells[1].text == "Phản ánh nhận được")
    rows = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows[1:]}
    # received, valuable, report, denunciation, suggestion, handled, median hours
    assert rows["Tỉnh Thanh Thủy (cả địa bàn)"] == ["3", "2", "1", "1", "1", "2", "3"]
    assert rows["Phường An Lạc"] == ["2", "1", "1", "1", "0", "1", "4"]
    assert rows["Xã Bình Minh"] == ["1", "1", "0", "0", "1", "1", "2"]


def test_a_wards_officer_gets_the_ward_s_figures_only(client, session):
    w = world_with_tipoffs(session)
    log_in(client, "bientap_an_lac")
    page = client.get(f"/desk/campaigns/{w.campaign.id}/report").get_data(as_text=True)
    section = page[page.index("Phản ánh, tố giác của người dân"):]
    assert "Phường An Lạc (cả địa bàn)" in section and "Xã Bình Minh" not in section
