"""Village and cluster pages for admins, and village targeting on the planning page."""

from __future__ import annotations

import csv
import html
import io
from datetime import date

from sqlalchemy import func, select

from campaigns.campaign_records import CampaignInput, attach_message, create_campaign
from campaigns.models import Delivery
from campaigns.village_models import LoudspeakerCluster, delivery_villages
from content.models import Area, AreaKind, Role
from tests.factories import make_user
from tests.village_world import NOW, ZONE, village_world
from tests.web.helpers import csrf_token, log_in


def text(response) -> str:  # type: ignore[no-untyped-def]
    return html.unescape(response.get_data(as_text=True))


def post(client, path: str, data: dict, *, from_page: str):  # type: ignore[no-untyped-def]
    return client.post(path, data={**data, "csrf_token": csrf_token(client, from_page)})


def signed_in(client, session, who: str = "quantri_hoaphong"):  # type: ignore[no-untyped-def]
    w = village_world(session)
    session.commit()
    log_in(client, who)
    return w


def live_villages(session, commune) -> list[str]:  # type: ignore[no-untyped-def]
    session.expire_all()
    return sorted(session.scalars(select(Area.name).where(Area.parent_id == commune.id, Area.retired_at.is_(None),
                                                          Area.kind == AreaKind.RESIDENTIAL)))


def test_a_commune_admin_lands_on_their_commune_and_adds_a_village(client, session):
    w = signed_in(client, session)
    listing = text(client.get("/stations/villages"))
    assert "Xã Hòa Phong" in listing and "Thôn Đồng Cháy" in listing and "1.250" in listing
    assert "Thôn Cây Đa" not in listing  # the neighbour's
    response = post(client, f"/stations/villages/{w.commune.id}/new", {"name": "Tổ dân phố Ga", "population": "2.045"},
                    from_page="/stations/villages")
    assert response.status_code == 302
    assert "Tổ dân phố Ga" in live_villages(session, w.commune)
    assert "2.045" in text(client.get(response.headers["Location"]))


def test_a_refused_village_keeps_what_was_typed_and_says_why(client, session):
    w = signed_in(client, session)
    before = live_villages(session, w.commune)
    response = post(client, f"/stations/villages/{w.commune.id}/new", {"name": "Thôn Trại Mới", "population": "12ab"},
                    from_page="/stations/villages")
    assert response.status_code == 400
    page = text(response)
    assert 'value="Thôn Trại Mới"' in page and 'value="12ab"' in page and "Dân số phải là một số nguyên" in page
    assert live_villages(session, w.commune) == before


def test_renaming_and_retiring_a_village_from_its_page(client, session):
    w = signed_in(client, session)
    village = w.villages["Xóm Chợ Cũ"]
    assert post(client, f"/stations/villages/{village.id}", {"name": "Xóm Chợ Mới", "population": ""},
                from_page="/stations/villages").status_code == 302
    assert post(client, f"/stations/villages/{village.id}/retire", {}, from_page="/stations/villages").status_code == 302
    assert "Xóm Chợ Mới" not in live_villages(session, w.commune)
    page = text(client.get(f"/stations/villages?commune={w.commune.id}"))
    assert "Xóm Chợ Mới" in page and "Ngừng dùng từ" in page and "Dùng lại" in page


def test_an_admin_of_another_commune_is_refused_and_nothing_changes(client, session):
    w = village_world(session)
    make_user(session, role=Role.ADMIN, area=w.other, username="quantri_bensoi")
    session.commit()
    log_in(client, "quantri_bensoi")
    village = w.villages["Thôn Rú Mít"]
    assert client.get(f"/stations/villages?commune={w.commune.id}").status_code == 403
    response = post(client, f"/stations/villages/{village.id}", {"name": "Thôn Bị Đổi"}, from_page="/stations/villages")
    assert response.status_code == 403
    assert post(client, f"/stations/villages/{w.commune.id}/new", {"name": "Thôn Lạ"},
                from_page="/stations/villages").status_code == 403
    assert "Thôn Rú Mít" in live_villages(session, w.commune) and "Thôn Lạ" not in live_villages(session, w.commune)
    assert client.get("/stations/villages?commune=abc").status_code == 400


def test_a_station_page_lists_its_clusters_and_adds_one(client, session):
    w = signed_in(client, session)
    page = f"/stations/{w.station.id}"
    shown = text(client.get(page))
    north = shown[shown.index("Cụm loa Bắc</strong>"):]
    north = north[:north.index("</span>")]
    assert "Thôn Đồng Cháy" in north and "Thôn Rú Mít" in north and "Thôn Bãi Ngang" not in north
    response = post(client, f"/stations/{w.station.id}/clusters",
                    {"name": "Cụm loa Chợ", "village_ids": [str(w.villages["Xóm Chợ Cũ"].id)]}, from_page=page)
    assert response.status_code == 302
    cluster = session.scalar(select(LoudspeakerCluster).where(LoudspeakerCluster.name == "Cụm loa Chợ"))
    assert [v.name for v in cluster.villages] == ["Xóm Chợ Cũ"]


def test_a_refused_cluster_keeps_the_form_and_adds_nothing(client, session):
    w = signed_in(client, session)
    page = f"/stations/{w.station.id}"
    for data in ({"name": "Cụm loa Lạ", "village_ids": [str(w.villages["Thôn Cây Đa"].id)]},
                 {"name": "Cụm loa Lạ", "village_ids": ["không-phải-số"]},
                 {"name": "cụm loa nam", "village_ids": []}):
        response = post(client, f"/stations/{w.station.id}/clusters", data, from_page=page)
        assert response.status_code == 400
        assert "Chưa lưu được cụm loa" in text(response) and f'value="{data["name"]}"' in text(response)
    assert session.scalar(select(func.count()).select_from(LoudspeakerCluster)) == 3


def test_the_planning_page_targets_villages_and_the_script_names_the_clusters(client, session):
    w = village_world(session)
    message = w.message("Phòng chống sốt xuất huyết mùa mưa")
    session.commit()
    log_in(client, "bientap_tinh")
    plan_page = f"/desk/messages/{message.id}/plan"
    shown = text(client.get(plan_page))
    assert "Thôn Đồng Cháy" in shown and "Xóm Chợ Cũ" not in shown  # no cluster covers Chợ Cũ
    village = w.villages["Thôn Đồng Cháy"]
    response = post(client, plan_page, {"mode": "once", "due_at": "2026-12-01T06:00", "village_ids": [str(village.id)]},
                    from_page=plan_page)
    assert response.status_code == 302, text(response)
    [delivery] = session.scalars(select(Delivery)).all()
    assert delivery.station_id == w.station.id
    assert session.execute(select(delivery_villages.c.area_id)).scalars().all() == [village.id]
    log_in(client, "quantri_tinh")
    script = text(client.get(f"/radio/stations/{w.station.id}/scripts/2026-12-01.html"))
    assert "Chỉ phát trên cụm loa: Cụm loa Bắc — cho Thôn Đồng Cháy" in script


def test_a_village_no_cluster_covers_is_refused_on_the_planning_page_with_the_choice_kept(client, session):
    w = village_world(session)
    message = w.message()
    session.commit()
    log_in(client, "bientap_tinh")
    plan_page = f"/desk/messages/{message.id}/plan"
    ids = [str(w.villages["Thôn Rú Mít"].id), str(w.villages["Xóm Chợ Cũ"].id)]
    response = post(client, plan_page, {"mode": "once", "due_at": "2026-12-01T06:00", "village_ids": ids},
                    from_page=plan_page)
    assert response.status_code == 400
    page = text(response)
    assert "Chưa có cụm loa nào của đài đang hoạt động phủ: Xóm Chợ Cũ" in page
    assert f'name="village_ids" value="{ids[0]}" checked' in page
    assert session.scalar(select(func.count()).select_from(Delivery)) == 0


def test_a_radio_operator_may_not_manage_villages_and_a_commune_is_not_edited_as_a_village(client, session):
    w = village_world(session)
    make_user(session, role=Role.RADIO_OPERATOR, area=w.commune, username="daiphat_hoaphong")
    session.commit()
    log_in(client, "quantri_tinh")
    response = post(client, f"/stations/villages/{w.commune.id}", {"name": "Xã Bị Đổi"}, from_page="/stations/villages")
    assert response.status_code == 404
    assert post(client, f"/stations/villages/{w.commune.id}/retire", {}, from_page="/stations/villages").status_code \
        == 404
    client.post("/desk/logout", data={"csrf_token": csrf_token(client, "/stations/villages")})
    log_in(client, "daiphat_hoaphong")
    assert client.get("/stations/villages").status_code == 403
    session.expire_all()
    assert session.get(Area, w.commune.id).name == "Xã Hòa Phong" and session.get(Area, w.commune.id).retired_at is None


def test_the_compliance_page_and_its_export_count_clusters_and_villages(client, session):
    w = village_world(session)
    campaign = create_campaign(session, w.admin, CampaignInput(
        plan_number="Kế hoạch số 5/KH-UBND", issuing_body="UBND tỉnh Sông Lam Thử", title="Mùa khô không cháy rừng",
        starts_on=date(2026, 11, 1), ends_on=date(2026, 12, 31), owner_area_id=w.province.id), now=NOW, zone=ZONE)
    attach_message(session, campaign, w.message())
    session.commit()
    log_in(client, "quantri_tinh")
    query = {"from": "2026-11-16", "to": "2026-11-22"}
    page = text(client.get(f"/desk/campaigns/{campaign.id}/compliance", query_string=query))
    assert "Cụm loa và thôn, tổ dân phố đã nghe tin" in page
    export = client.get(f"/desk/campaigns/{campaign.id}/compliance/villages.csv", query_string=query)
    rows = list(csv.reader(io.StringIO(export.data.decode("utf-8-sig"))))
    assert rows[0] == ["Đài truyền thanh", "Địa bàn", "Cụm loa", "Thôn, tổ dân phố được phủ", "Tuần 16/11–22/11"]
    assert rows[1] == ["Đài xã Hòa Phong", "Xã Hòa Phong", "2", "3", "0/3"]
    assert rows[2] == ["Đài xã Bến Sỏi", "Xã Bến Sỏi", "1", "1", "0/1"]
