"""Campaign pages: an officer records a plan with its targets and peak periods; mistakes lose nothing."""

from __future__ import annotations

from sqlalchemy import select

from campaigns.models import Campaign
from content.models import Role
from tests.factories import make_area, make_user
from tests.web.helpers import csrf_token, log_in

FORM = {
    "plan_number": "Kế hoạch số 32/KH-UBND", "issuing_body": "Ủy ban nhân dân tỉnh",
    "title": "Xây dựng khu dân cư an toàn về an ninh, trật tự", "description": "Giai đoạn 2026–2030.",
    "starts_on": "2026-01-15", "ends_on": "2030-12-31",
    "target_kind": ["", ""], "target_description": ["Phường đạt chuẩn an toàn", ""],
    "target_value": ["13", ""], "target_unit": ["phường", ""],
    "peak_name": ["Trước Tết Nguyên đán", ""], "peak_starts_on": ["2027-01-20", ""], "peak_ends_on": ["2027-02-10", ""],
}


def officer(session):
    province = make_area(session, name="Tỉnh Thử Nghiệm")
    make_user(session, role=Role.EDITOR, area=province, username="bientap")
    session.commit()
    return province


def test_an_officer_creates_a_campaign_with_targets_and_peaks(client, session):
    province = officer(session)
    log_in(client, "bientap")
    response = client.post("/desk/campaigns/new", data={**FORM, "owner_area_id": province.id,
                                                         "csrf_token": csrf_token(client, "/desk/campaigns/new")})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Kế hoạch số 32/KH-UBND" in page and "Phường đạt chuẩn an toàn" in page and "Trước Tết Nguyên đán" in page
    campaign = session.scalar(select(Campaign))
    assert [t.value for t in campaign.targets] == [13.0]


def test_a_campaign_that_ends_before_it_starts_is_refused_and_keeps_the_typing(client, session):
    province = officer(session)
    log_in(client, "bientap")
    response = client.post("/desk/campaigns/new", data={
        **FORM, "ends_on": "2025-01-01", "target_value": ["mười ba", ""], "owner_area_id": province.id,
        "csrf_token": csrf_token(client, "/desk/campaigns/new")})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "cần một con số" in page
    assert 'value="Xây dựng khu dân cư an toàn về an ninh, trật tự"' in page
    assert 'value="mười ba"' in page and 'value="Trước Tết Nguyên đán"' in page
    assert session.scalar(select(Campaign)) is None
