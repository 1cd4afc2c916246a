"""Recording a milestones target's evidence: an area reached the standard on a date, by a decision."""

from __future__ import annotations

from sqlalchemy import select

from campaigns.models import TargetKind
from campaigns.target_models import TargetMilestone
from content.models import Role
from tests.campaigns.target_world import add_target, target_world
from tests.factories import make_user
from tests.web.helpers import csrf_token, log_in


def world_with_target(session, kind=TargetKind.MILESTONES):  # type: ignore[no-untyped-def]
    w = target_world(session)
    target = add_target(session, w.campaign, kind, 13)
    session.commit()
    return w, target, f"/desk/campaigns/{w.campaign.id}/targets/{target.id}/milestones"


def record(client, address, **fields):  # type: ignore[no-untyped-def]
    return client.post(address, data={"csrf_token": csrf_token(client, address), **fields})


def test_an_officer_records_a_ward_and_progress_counts_it(client, session):
    w, target, address = world_with_target(session)
    log_in(client, "bientap_tinh")
    response = record(client, address, area_id=w.commune_a.id, reached_on="2026-11-20",
                      decision_number="215/QĐ-UBND", note="Đạt chuẩn khu dân cư an toàn")
    assert response.status_code == 302
    page = client.get(address).get_data(as_text=True)
    assert "Phường An Lạc" in page and "215/QĐ-UBND" in page and "20/11/2026" in page
    assert "1 / 13" in page
    campaign_page = client.get(f"/desk/campaigns/{w.campaign.id}").get_data(as_text=True)
    assert address in campaign_page


def test_a_future_day_an_area_outside_or_no_decision_is_refused_keeping_the_typing(client, session):
    w, target, address = world_with_target(session)
    log_in(client, "bientap_tinh")
    for fields, says in (
            ({"area_id": w.commune_a.id, "reached_on": "2027-01-01", "decision_number": "9/QĐ"}, "tương lai"),
            ({"area_id": w.other_commune.id, "reached_on": "2026-11-20", "decision_number": "9/QĐ"},
             "không thuộc phạm vi"),
            ({"area_id": w.commune_a.id, "reached_on": "2026-11-20", "decision_number": " "}, "số quyết định"),
            ({"area_id": "", "reached_on": "20/11/2026", "decision_number": "9/QĐ"}, "Hãy chọn địa bàn")):
        response = record(client, address, **fields, note="Ghi chú thử")
        page = response.get_data(as_text=True)
        assert response.status_code == 400 and says in page, (fields, says)
        assert "Ghi chú thử" in page
    assert session.scalars(select(TargetMilestone)).all() == []


def test_an_analyst_reads_the_evidence_but_cannot_record(client, session):
    w, target, address = world_with_target(session)
    make_user(session, role=Role.ANALYST, area=w.province, username="phantich_tinh")
    session.commit()
    log_in(client, "phantich_tinh")
    page = client.get(address)
    assert page.status_code == 200 and 'name="decision_number"' not in page.get_data(as_text=True)
    refused = record(client, address, area_id=w.commune_a.id, reached_on="2026-11-20", decision_number="9/QĐ")
    assert refused.status_code == 403
    assert session.scalars(select(TargetMilestone)).all() == []


def test_another_province_sees_nothing_and_a_measured_target_has_no_such_page(client, session):
    w, target, address = world_with_target(session)
    make_user(session, role=Role.EDITOR, area=w.other_commune, username="bientap_khac")
    measured = add_target(session, w.campaign, TargetKind.MESSAGES_PUBLISHED, 5)
    session.commit()
    log_in(client, "bientap_khac")
    assert client.get(address).status_code == 403
    log_in(client, "bientap_tinh")
    assert client.get(f"/desk/campaigns/{w.campaign.id}/targets/{measured.id}/milestones").status_code == 404
    assert client.get(f"/desk/campaigns/{w.campaign.id}/targets/999999/milestones").status_code == 404
