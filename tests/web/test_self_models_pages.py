"""The desk's register of self-management models and a campaign's model-area assessments, through the app."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import docx
from sqlalchemy import select

from campaigns.model_assessments import AssessmentInput, add_criterion, record_assessment
from campaigns.models import TargetKind
from campaigns.selfmanaged_models import ModelAssessment, ModelKind, SelfModel
from campaigns.target_models import TargetMilestone
from content.models import AreaKind, Role
from tests.campaigns.target_world import add_message, add_target, target_world
from tests.factories import make_area, make_user
from tests.web.helpers import csrf_token, log_in

NOW = datetime(2026, 11, 20, 3, 0, tzinfo=timezone.utc)


def post(client, address, **fields):  # type: ignore[no-untyped-def]
    return client.post(address, data={"csrf_token": csrf_token(client, "/desk/models/"), **fields})


def register_world(session):  # type: ignore[no-untyped-def]
    w = target_world(session)
    thon = make_area(session, parent=w.commune_a, kind=AreaKind.RESIDENTIAL, name="Thôn Hòa Bình")
    session.commit()
    return w, thon


FORM = {"name": "Camera an ninh thôn Hòa Bình", "kind": "cameras", "started_on": "2026-05-19", "members": "12",
        "households": "230", "status": "active", "note": "Do Chi đoàn thanh niên quản lý"}


def test_an_officer_registers_a_model_and_sees_it_in_the_list_and_figures(client, session):
    w, thon = register_world(session)
    log_in(client, "bientap_tinh")
    response = post(client, "/desk/models/new", area_id=thon.id, **FORM)
    assert response.status_code == 302
    model = session.scalar(select(SelfModel))
    assert model is not None and (model.area_id, model.households) == (thon.id, 230)
    listing = client.get("/desk/models/").get_data(as_text=True)
    assert "Camera an ninh thôn Hòa Bình" in listing and "Thôn Hòa Bình" in listing
    assert "1 / 1 thôn, tổ dân phố có mô hình đang hoạt động" in listing
    assert "Camera an ninh thôn Hòa Bình" not in client.get("/desk/models/?kind=clan").get_data(as_text=True)
    assert client.get("/desk/models/?kind=khong-co&status=%00").status_code == 200


def test_a_bad_form_comes_back_with_every_error_and_what_was_typed(client, session):
    w, thon = register_world(session)
    log_in(client, "bientap_tinh")
    response = post(client, "/desk/models/new", area_id=thon.id, **{**FORM, "members": "mười hai",
                                                                     "started_on": "2099-01-01", "kind": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Phải là một số nguyên không âm" in page and "không được ở tương lai" in page
    assert "Hãy chọn loại mô hình." in page
    assert 'value="mười hai"' in page and "Do Chi đoàn thanh niên quản lý" in page
    assert session.scalar(select(SelfModel)) is None
    response = post(client, "/desk/models/new", area_id="abc", **{**FORM, "started_on": "31/02/2026"})
    assert response.status_code == 400 and "Camera an ninh thôn Hòa Bình" in response.get_data(as_text=True)


def test_a_story_is_linked_to_a_model_and_an_outsider_cannot_open_it(client, session):
    w, thon = register_world(session)
    story = add_message(session, w.editor, w.commune_a, None)
    session.commit()
    log_in(client, "bientap_tinh")
    post(client, "/desk/models/new", area_id=thon.id, **FORM)
    model = session.scalar(select(SelfModel))
    assert model is not None
    assert post(client, f"/desk/models/{model.id}/messages", message_id=story.id, action="add").status_code == 302
    assert story.title in client.get(f"/desk/models/{model.id}").get_data(as_text=True)
    assert post(client, f"/desk/models/{model.id}/messages", message_id="", action="add").status_code == 400
    make_user(session, role=Role.EDITOR, area=w.commune_b, username="bientap_xa_khac")
    session.commit()
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/desk/models/")})
    log_in(client, "bientap_xa_khac")
    assert client.get(f"/desk/models/{model.id}").status_code == 403
    assert "Camera an ninh thôn" not in client.get("/desk/models/").get_data(as_text=True)


def test_an_analyst_reads_the_register_without_a_form(client, session):
    w, thon = register_world(session)
    make_user(session, role=Role.ANALYST, area=w.province, username="phantich_tinh")
    session.commit()
    log_in(client, "phantich_tinh")
    page = client.get("/desk/models/").get_data(as_text=True)
    assert "/desk/models/new" not in page
    assert client.get("/desk/models/new").status_code == 403


def test_an_assessment_meeting_the_criteria_counts_towards_the_model_wards_target(client, session):
    w = target_world(session)
    target = add_target(session, w.campaign, TargetKind.MILESTONES, 13, unit="phường kiểu mẫu")
    criteria = [add_criterion(session, w.editor, w.campaign, title, now=NOW)
                for title in ("Không có tụ điểm ma túy", "Có mô hình camera an ninh")]
    session.commit()
    log_in(client, "bientap_tinh")
    address = f"/desk/campaigns/{w.campaign.id}/model-areas"
    page = client.get(address).get_data(as_text=True)
    assert "Không có tụ điểm ma túy" in page and f'<option value="{target.id}" selected' in page
    response = client.post(address, data={
        "csrf_token": csrf_token(client, address), "area_id": w.commune_a.id, "assessed_on": "2026-11-10",
        "met": [str(c.id) for c in criteria], "evidence_" + str(criteria[1].id): "Biên bản ngày 5/11",
        "decision_number": "", "target_id": target.id})
    assert response.status_code == 400
    assert "hãy nhập số quyết định công nhận" in response.get_data(as_text=True)
    assert 'value="Biên bản ngày 5/11"' in response.get_data(as_text=True)
    response = client.post(address, data={
        "csrf_token": csrf_token(client, address), "area_id": w.commune_a.id, "assessed_on": "2026-11-10",
        "met": [str(c.id) for c in criteria], "decision_number": "77/QĐ-UBND", "target_id": target.id})
    assert response.status_code == 302
    assert session.scalar(select(ModelAssessment.meets_standard)) is True
    assert session.scalar(select(TargetMilestone.decision_number)) == "77/QĐ-UBND"
    page = client.get(address).get_data(as_text=True)
    assert "Địa bàn đạt chuẩn: 1" in page and "77/QĐ-UBND" in page and "đã đạt 1 / 13 phường kiểu mẫu" in page
    assert address in client.get(f"/desk/campaigns/{w.campaign.id}").get_data(as_text=True)


def test_a_blank_criterion_is_refused_and_an_analyst_cannot_add_one(client, session):
    w = target_world(session)
    make_user(session, role=Role.ANALYST, area=w.province, username="phantich_tinh")
    session.commit()
    log_in(client, "bientap_tinh")
    address = f"/desk/campaigns/{w.campaign.id}/model-criteria"
    token = csrf_token(client, f"/desk/campaigns/{w.campaign.id}/model-areas")
    response = client.post(address, data={"csrf_token": token, "title": "   "})
    assert response.status_code == 400 and "Hãy nhập nội dung tiêu chí." in response.get_data(as_text=True)
    client.post("/desk/logout", data={"csrf_token": token})
    log_in(client, "phantich_tinh")
    token = csrf_token(client, f"/desk/campaigns/{w.campaign.id}/model-areas")
    assert client.post(address, data={"csrf_token": token, "title": "Tiêu chí lạ"}).status_code == 403



def test_the_campaign_dashboard_shows_the_model_areas_and_the_running_models(client, session):
    w = target_world(session)
    thon = make_area(session, parent=w.commune_b, kind=AreaKind.RESIDENTIAL, name="Thôn Gò Mây")
    session.add(SelfModel(area_id=thon.id, name="Dòng họ Phạm tự quản", kind=ModelKind.CLAN,
                          started_on=w.campaign.starts_on))
    criterion = add_criterion(session, w.editor, w.campaign, "Không có trọng án", now=NOW)
    for area, decision in ((w.commune_a, "91/QĐ-UBND"), (w.commune_b, "")):
        record_assessment(session, w.editor, w.campaign, AssessmentInput(
            area_id=area.id, assessed_on=w.campaign.starts_on, decision_number=decision,
            met=frozenset({criterion.id}) if decision else frozenset()), now=NOW, today=NOW.date())
    session.commit()
    log_in(client, "bientap_tinh")
    page = client.get(f"/desk/campaigns/{w.campaign.id}/reach").get_data(as_text=True)
    part = page[page.index('<section id="models"'):]
    part = part[:part.index("</section>")]
    assert "1 / 2 địa bàn đã đánh giá đạt đủ bộ tiêu chí" in part
    assert "Phường An Lạc" in part and "91/QĐ-UBND" in part and "Xã Bình Minh" not in part
    assert "Dòng họ tự quản 1" in part and "1 / 1 thôn, tổ dân phố có mô hình đang hoạt động (100,0 %)" in part


def test_the_campaign_report_lists_the_assessed_areas_and_the_models_by_kind(client, session):
    w = target_world(session)
    session.add(SelfModel(area_id=w.commune_a.id, name="Camera an ninh phường An Lạc", kind=ModelKind.CAMERAS,
                          started_on=w.campaign.starts_on))
    criterion = add_criterion(session, w.editor, w.campaign, "Không có trọng án", now=NOW)
    record_assessment(session, w.editor, w.campaign, AssessmentInput(
        area_id=w.commune_a.id, assessed_on=w.campaign.starts_on, decision_number="91/QĐ-UBND",
        met=frozenset({criterion.id})), now=NOW, today=NOW.date())
    session.commit()
    log_in(client, "bientap_tinh")
    page = client.get(f"/desk/campaigns/{w.campaign.id}/report").get_data(as_text=True)
    part = page[page.index('part-models'):]
    assert "Phường An Lạc" in part and "91/QĐ-UBND" in part and "1 / 1 tiêu chí" in part
    response = client.get(f"/desk/campaigns/{w.campaign.id}/report.docx")
    document = docx.Document(io.BytesIO(response.get_data()))
    tables = {table.rows[0].cells[0].text: table for table in document.tables}
    kinds = [[c.text for c in row.cells] for row in tables["Loại"].rows[1:]]
    assert ["Camera an ninh", "1"] in kinds and kinds[-1] == ["Tổng số mô hình", "1"]
