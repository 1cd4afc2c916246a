"""The desk's commendation pages and the festival-day report: record, correct, list by year and area, print, .docx."""

from __future__ import annotations

import io
from datetime import date

import docx
from sqlalchemy import select

from campaigns.commendation_models import Commendation
from campaigns.models import ReachDaily, ReachSource
from tests.commendation_world import desk_world as world
from tests.web.helpers import csrf_token, log_in


def post(client, address, **fields):  # type: ignore[no-untyped-def]
    return client.post(address, data={"csrf_token": csrf_token(client, "/desk/password"), **fields})


def valid(w, **overrides):  # type: ignore[no-untyped-def]
    fields = {"recipient": "Lò Văn Thắm", "reason": "Nhặt được ví trả người đánh rơi", "level": "commune",
              "decision_number": "57/QĐ-UBND", "decided_on": "2026-08-12", "area_id": str(w.commune_a.id),
              "message_id": str(w.story_a.id)}
    fields.update(overrides)
    return fields


def test_an_officer_records_a_commendation_and_finds_it_in_the_years_list(client, session):
    w = world(session)
    log_in(client, "bientap_xa")
    assert "Ghi nhận khen thưởng" in client.get("/desk/commendations/new").get_data(as_text=True)
    response = post(client, "/desk/commendations/new", **valid(w))
    assert response.status_code == 302 and "/desk/commendations/?year=2026" in response.headers["Location"]
    page = client.get("/desk/commendations/?year=2026").get_data(as_text=True)
    assert "Lò Văn Thắm" in page and "57/QĐ-UBND" in page and "12/08/2026" in page
    assert "Giấy khen của Chủ tịch UBND cấp xã" in page and f"/desk/messages/{w.story_a.id}" in page
    assert "Lò Văn Thắm" not in client.get("/desk/commendations/?year=2025").get_data(as_text=True)


def test_bad_input_names_each_field_and_keeps_what_was_typed(client, session):
    w = world(session)
    log_in(client, "bientap_xa")
    cases = {"decided_on": ("31/02/2026", "Ngày không hợp lệ"), "area_id": ("", "Hãy chọn địa bàn"),
             "level": ("huan-chuong", "Hãy chọn hình thức khen thưởng"),
             "decision_number": ("", "Hãy nhập số quyết định khen thưởng"),
             "message_id": (str(w.article_a.id), "không phải là gương người tốt"),
             "recipient": ("   ", "Hãy nhập người hoặc tập thể")}
    for field, (bad, words) in cases.items():
        response = post(client, "/desk/commendations/new", **valid(w, **{field: bad}, reason="Cứu người đuối nước"))
        body = response.get_data(as_text=True)
        assert response.status_code == 400, field
        assert words in body, field
        assert "Cứu người đuối nước" in body, field  # what was typed comes back
    future = post(client, "/desk/commendations/new", **valid(w, decided_on="2026-12-24"))
    assert future.status_code == 400 and "không được ở tương lai" in future.get_data(as_text=True)
    assert session.scalar(select(Commendation.id)) is None


def test_a_correction_is_saved_and_another_communes_officer_is_refused(client, session):
    w = world(session)
    log_in(client, "bientap_xa")
    post(client, "/desk/commendations/new", **valid(w))
    c = session.scalars(select(Commendation)).one()
    address = f"/desk/commendations/{c.id}/edit"
    assert "57/QĐ-UBND" in client.get(address).get_data(as_text=True)
    assert post(client, address, **valid(w, level="province", decision_number="1020/QĐ-UBND")).status_code == 302
    session.rollback()  # ends the read snapshot the test's session holds
    assert (c.level.value, c.decision_number) == ("province", "1020/QĐ-UBND")
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/desk/password")})
    log_in(client, "bientap_phuong")
    assert client.get(address).status_code == 403
    assert "Lò Văn Thắm" not in client.get("/desk/commendations/").get_data(as_text=True)
    assert client.get(f"/desk/commendations/?area={w.commune_a.id}").status_code == 403


def test_an_analyst_reads_the_list_but_cannot_record(client, session):
    world(session)
    log_in(client, "phantich_tinh")
    assert client.get("/desk/commendations/").status_code == 200
    assert client.get("/desk/commendations/new").status_code == 403


def test_a_year_out_of_range_is_a_clear_error(client, session):
    world(session)
    log_in(client, "bientap_xa")
    response = client.get("/desk/commendations/?year=1800")
    assert response.status_code == 400 and "Năm không hợp lệ" in response.get_data(as_text=True)


def _report_world(client, session):  # type: ignore[no-untyped-def]
    w = world(session)
    session.add_all([ReachDaily(day=date(2026, 8, 19), message_id=w.story_a.id, area_id=w.commune_a.id,
                                metric="loudspeaker_airings", source=ReachSource.MEASURED, value=3),
                     ReachDaily(day=date(2025, 8, 19), message_id=w.story_a.id, area_id=w.commune_a.id,
                                metric="loudspeaker_airings", source=ReachSource.MEASURED, value=40)])
    session.commit()
    log_in(client, "bientap_xa")
    post(client, "/desk/commendations/new", **valid(w))
    post(client, "/desk/commendations/new", **valid(w, recipient="Tổ dân phố số 4", is_collective="1",
                                                       level="ministry", decision_number="88/QĐ-BCA", message_id=""))
    return w


def test_the_festival_report_lists_the_years_commendations_and_reach(client, session):
    w = _report_world(client, session)
    page = client.get(f"/desk/festival/2026?area={w.commune_a.id}").get_data(as_text=True)
    assert "Báo cáo Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm 2026" in page and "19/08/2026" in page
    assert page.index("Tổ dân phố số 4") < page.index("Lò Văn Thắm")  # the higher level first
    assert "88/QĐ-BCA" in page and "Bằng khen của Bộ trưởng Bộ Công an" in page
    assert "Lượt phát trên loa" in page and ">3<" in page and ">40<" not in page  # 2025's airings stay out
    assert "Ông Lò Văn Thắm nhặt được ví" in page


def test_the_festival_report_as_word_has_the_same_figures(client, session):
    w = _report_world(client, session)
    response = client.get(f"/desk/festival/2026.docx?area={w.commune_a.id}")
    assert response.status_code == 200 and response.mimetype.endswith("wordprocessingml.document")
    assert "bao-cao-ngay-hoi-2026-" in response.headers["Content-Disposition"]
    document = docx.Document(io.BytesIO(response.data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "88/QĐ-BCA" in cells and "Lò Văn Thắm" in cells and "12/08/2026" in cells and "3" in cells
    assert "Tổng cộng" in cells


def test_the_festival_report_is_refused_outside_ones_area_and_for_a_year_to_come(client, session):
    w = _report_world(client, session)
    assert client.get(f"/desk/festival/2026?area={w.commune_b.id}").status_code == 403
    later = client.get("/desk/festival/2027")
    assert later.status_code == 400 and "chưa đến" in later.get_data(as_text=True)
    ancient = client.get("/desk/festival/1.docx")
    assert ancient.status_code == 400 and "Năm không hợp lệ" in ancient.get_data(as_text=True)


def test_the_campaigns_page_leads_to_the_commendations(client, session):
    world(session)
    log_in(client, "phantich_tinh")
    assert 'href="/desk/commendations/"' in client.get("/desk/campaigns/").get_data(as_text=True)


def test_the_festival_report_counts_the_areas_self_management_models(client, session):
    from campaigns.selfmanaged_models import ModelKind, SelfModel

    w = _report_world(client, session)
    session.add_all([SelfModel(area_id=w.commune_a.id, name="Camera an ninh xóm Bến", kind=ModelKind.CAMERAS,
                               started_on=date(2026, 3, 2), households=48),
                     SelfModel(area_id=w.commune_b.id, name="Dòng họ Cầm tự quản", kind=ModelKind.CLAN,
                               started_on=date(2025, 3, 2))])
    session.commit()
    page = client.get(f"/desk/festival/2026?area={w.commune_a.id}").get_data(as_text=True)
    assert "Mô hình tự quản và địa bàn đạt chuẩn" in page and "Hộ gia đình tham gia" in page and ">48<" in page
    document = docx.Document(io.BytesIO(client.get(f"/desk/festival/2026.docx?area={w.commune_a.id}").data))
    rows = {row.cells[0].text: row.cells[1].text for table in document.tables for row in table.rows}
    # Commune B's clan model is not commune A's.
    assert (rows["Mô hình tự quản đang hoạt động"], rows["— Camera an ninh"], rows["— Dòng họ tự quản"]) == ("1", "1", "0")


def test_the_festival_report_counts_the_years_tipoffs_without_a_word_of_them(client, session, tmp_path):
    from datetime import datetime, timezone

    from campaigns.tipoff_desk import change_status
    from campaigns.tipoff_models import TipoffStatus
    from tests.tipdesk_world import SECRET_BODY, make_desk_world, send_tipoff

    world = make_desk_world(session)
    sent = datetime(2026, 5, 10, 2, tzinfo=timezone.utc)
    first = send_tipoff(session, world, tmp_path, at=sent)
    send_tipoff(session, world, tmp_path, kind="suggestion", at=sent)
    send_tipoff(session, world, tmp_path, at=datetime(2025, 5, 10, 2, tzinfo=timezone.utc))  # last year's
    change_status(session, first, world.commune_officer, TipoffStatus.VALUABLE, now=sent.replace(hour=5))
    session.commit()
    log_in(client, "bientap_xa")  # reads the figures, holds no grant to read a tip-off
    response = client.get(f"/desk/festival/2026.docx?area={world.places.commune.id}")
    document = docx.Document(io.BytesIO(response.data))
    rows = {row.cells[0].text: row.cells[1].text for table in document.tables for row in table.rows}
    assert (rows["Phản ánh, tố giác, góp ý nhận được"], rows["— Tố giác"], rows["— Góp ý"],
            rows["Được đánh giá có giá trị"], rows["Thời gian đến lần xử lý đầu (trung vị, giờ)"]) == (
        "2", "1", "1", "1", "3")
    page = client.get(f"/desk/festival/2026?area={world.places.commune.id}").get_data(as_text=True)
    assert "Phản ánh, tố giác, góp ý của người dân" in page and SECRET_BODY not in page
