"""Tip-off figures beside reach: the campaign dashboard's table, the printable report and its Word copy."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from itertools import count

import docx
from sqlalchemy import select

from campaigns.tipoff_history_models import TipoffEvent, TipoffStep
from campaigns.tipoff_models import Tipoff, TipoffKind, TipoffStatus
from campaigns.tipoff_sealing import generate_tipoff_key, seal_text
from content.models import Area
from tests.reach_world import reach_world
from tests.web.helpers import log_in

KEY = generate_tipoff_key()
_receipts = count()


def tipoff(session, area: Area, kind: TipoffKind, day: int, *, valuable_after_hours: int | None = None) -> Tipoff:  # type: ignore[no-untyped-def]
    received = datetime(2026, 11, day, 2, tzinfo=timezone.utc)
    row = Tipoff(receipt_hash=f"{next(_receipts):064d}", kind=kind, area_id=area.id, received_at=received,
                 body_ciphertext=seal_text(KEY, "Nội dung bí mật của người dân."))
    session.add(row)
    session.flush()
    if valuable_after_hours is not None:
        handled = received.replace(hour=2 + valuable_after_hours)
        row.status, row.first_handled_at = TipoffStatus.VALUABLE, handled
        session.add(TipoffEvent(tipoff_id=row.id, step=TipoffStep.STATUS, old_value="new", new_value="valuable",
                                at=handled))
    return row


def world_with_tipoffs(session):  # type: ignore[no-untyped-def]
    w = reach_world(session)
    areas = {a.name: a for a in session.scalars(select(Area))}
    tipoff(session, areas["Thôn Đông"], TipoffKind.DENUNCIATION, 5, valuable_after_hours=4)
    tipoff(session, areas["Phường An Lạc"], TipoffKind.REPORT, 6)
    tipoff(session, areas["Xã Bình Minh"], TipoffKind.SUGGESTION, 7, valuable_after_hours=2)
    tipoff(session, areas["Xã Tân Tiến"], TipoffKind.REPORT, 7)  # another province's
    session.commit()
    return w


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
