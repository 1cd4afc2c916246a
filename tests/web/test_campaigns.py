"""Campaign pages: an officer records a plan with its targets and peak periods; mistakes lose nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from campaigns.models import Campaign, TargetKind
from content.models import MessageKind, Role
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


def post_targets(client, province, **targets):  # type: ignore[no-untyped-def]
    return client.post("/desk/campaigns/new", data={
        **FORM, **targets, "owner_area_id": province.id, "csrf_token": csrf_token(client, "/desk/campaigns/new")})


def test_an_officer_picks_each_targets_kind_and_its_parameter(client, session):
    province = officer(session)
    log_in(client, "bientap")
    response = post_targets(client, province, target_kind=["commune_share", "messages_published", ""],
                            target_description=["Xã phát đủ", "Gương người tốt", "Mô hình tự quản"],
                            target_value=["80", "24", "50"], target_unit=["%", "tin", "%"],
                            target_min_airings=["3", "", ""], target_message_kind=["", "story", ""])
    assert response.status_code == 302
    campaign = session.scalar(select(Campaign))
    assert [(t.kind, t.value, t.min_airings, t.message_kind) for t in campaign.targets] == [
        (TargetKind.COMMUNE_SHARE, 80, 3, None), (TargetKind.MESSAGES_PUBLISHED, 24, None, MessageKind.STORY),
        (TargetKind.OTHER, 50, None, None)]
    page = client.get(f"/desk/campaigns/{campaign.id}/edit").get_data(as_text=True)
    assert '<option value="commune_share" selected>' in page and '<option value="story" selected>' in page
    assert f'name="target_id" type="hidden" value="{campaign.targets[0].id}"' in page


@pytest.mark.parametrize(("targets", "says"), [
    ({"target_kind": ["khac_la", ""]}, "có loại không hợp lệ"),
    ({"target_kind": ["messages_published", ""], "target_message_kind": ["podcast", ""]}, "có loại không hợp lệ"),
    ({"target_kind": ["messages_published", ""], "target_value": ["-5", ""]}, "không được là số âm"),
    ({"target_kind": ["commune_share", ""]}, "số lượt phát tối thiểu"),
    ({"target_kind": ["commune_share", ""], "target_min_airings": ["ba", ""]}, "số nguyên"),
])
def test_a_target_of_unknown_kind_negative_value_or_missing_n_is_refused_and_keeps_the_typing(
        client, session, targets, says):
    province = officer(session)
    log_in(client, "bientap")
    response = post_targets(client, province, **targets)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and says in page
    assert 'value="Phường đạt chuẩn an toàn"' in page
    assert session.scalar(select(Campaign)) is None


def test_a_target_can_be_narrowed_to_one_area_and_part_of_the_period(client, session):
    province = officer(session)
    ward = make_area(session, parent=province, name="Phường Hòa Bình")
    session.commit()
    log_in(client, "bientap")
    response = post_targets(client, province, target_kind=["messages_published", ""],
                            target_area_id=[str(ward.id), ""], target_starts_on=["2027-01-01", ""],
                            target_ends_on=["2027-12-31", ""])
    assert response.status_code == 302
    (target,) = session.scalar(select(Campaign)).targets
    assert (target.area_id, target.starts_on.isoformat(), target.ends_on.isoformat()) == (
        ward.id, "2027-01-01", "2027-12-31")
    page = client.get(f"/desk/campaigns/{target.campaign_id}/edit").get_data(as_text=True)
    assert f'<option value="{ward.id}" selected>' in page and 'value="2027-01-01"' in page


def test_a_target_period_that_is_no_date_is_refused_and_keeps_the_typing(client, session):
    province = officer(session)
    log_in(client, "bientap")
    response = post_targets(client, province, target_kind=["messages_published", ""],
                            target_starts_on=["31/02/2027", ""])
    assert response.status_code == 400
    assert 'value="31/02/2027"' in response.get_data(as_text=True)
    assert session.scalar(select(Campaign)) is None


def test_the_campaign_list_leads_to_each_campaigns_figures_and_an_analyst_is_not_offered_a_new_campaign(
        client, session):
    province = officer(session)
    make_user(session, role=Role.ANALYST, area=province, username="phantich")
    session.commit()
    log_in(client, "bientap")
    created = post_targets(client, province)
    campaign_id = created.headers["Location"].rsplit("/", 1)[-1]
    log_in(client, "phantich")
    page = client.get("/desk/campaigns/").get_data(as_text=True)
    assert f"/desk/campaigns/{campaign_id}/reach" in page and f"/desk/campaigns/{campaign_id}/compliance" in page
    assert "/desk/campaigns/new" not in page
    assert "/desk/feeds/reach" in page  # a province's analyst reads the site's feed readers too
