"""Clusters cover villages; a plan for villages reaches only the stations whose clusters cover them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from campaigns.airings import AiringInput, confirm_airing
from campaigns.clusters import ClusterInput, create_cluster, list_clusters, retire_cluster, update_cluster
from campaigns.models import Delivery, ReachEvent
from campaigns.planning import DailySlots, PlanRequest, plan_message
from campaigns.station_setup import StationInput, update_station
from campaigns.village_models import delivery_villages
from content.errors import InvalidInput, PermissionDenied
from content.models import Role
from content.villages import VillageInput, add_village, retire_village
from scheduler.radio_scripts.building import build_daily_script
from scheduler.radio_scripts.formats import render_script_text, script_document
from tests.factories import make_station, make_user
from tests.village_world import NOW, ZONE, village_world

DAY = date(2026, 11, 21)
AT = datetime.combine(DAY, time(6), tzinfo=ZONE)


def plan(w, message, **request):  # type: ignore[no-untyped-def]
    return plan_message(w.session, message, PlanRequest(due_at=AT, **request), actor=w.editor, now=NOW, zone=ZONE)


def by_station(session) -> dict[int, int]:  # type: ignore[no-untyped-def]
    return dict(session.execute(select(Delivery.station_id, func.count()).group_by(Delivery.station_id)).all())


def tied(session) -> dict[int, set[int]]:  # type: ignore[no-untyped-def]
    found: dict[int, set[int]] = {}
    for delivery_id, area_id in session.execute(select(delivery_villages)):
        found.setdefault(delivery_id, set()).add(area_id)
    return found


def test_a_province_plan_still_reaches_every_station_whole(session):
    w = village_world(session)
    summary = plan(w, w.message(), area_ids=(w.province.id,))
    assert summary.stations == 2
    assert by_station(session) == {w.station.id: 1, w.other_station.id: 1}
    assert tied(session) == {}  # whole stations: no village rows


def test_a_village_plan_reaches_only_the_station_whose_cluster_covers_it(session):
    w = village_world(session)
    village = w.villages["Thôn Đồng Cháy"]
    summary = plan(w, w.message(), village_ids=(village.id,))
    assert summary.stations == 1
    [delivery] = session.scalars(select(Delivery)).all()
    assert delivery.station_id == w.station.id
    assert tied(session) == {delivery.id: {village.id}}


def test_villages_of_two_communes_reach_both_stations_each_with_its_own_villages(session):
    w = village_world(session)
    ids = (w.villages["Thôn Rú Mít"].id, w.villages["Thôn Bãi Ngang"].id, w.villages["Thôn Cây Đa"].id)
    plan(w, w.message(), village_ids=ids, daily=(DailySlots(DAY, DAY + timedelta(days=1), (time(6), time(17))),))
    assert by_station(session) == {w.station.id: 4, w.other_station.id: 4}
    stations = dict(session.execute(select(Delivery.id, Delivery.station_id)).all())
    assert {stations[d]: frozenset(v) for d, v in tied(session).items()} == {
        w.station.id: frozenset(ids[:2]), w.other_station.id: frozenset(ids[2:])}
    assert len(tied(session)) == 8


def test_a_station_also_reached_whole_plays_to_its_whole_commune(session):
    w = village_world(session)
    plan(w, w.message(), village_ids=(w.villages["Thôn Rú Mít"].id, w.villages["Thôn Cây Đa"].id),
         area_ids=(w.commune.id,))
    assert by_station(session) == {w.station.id: 1, w.other_station.id: 1}
    [(delivery_id, villages)] = tied(session).items()
    assert session.get(Delivery, delivery_id).station_id == w.other_station.id
    assert villages == {w.villages["Thôn Cây Đa"].id}


@pytest.mark.parametrize("case", ["uncovered", "retired", "commune", "unknown"])
def test_a_village_nobody_can_play_to_is_refused_and_nothing_is_planned(session, case):
    w = village_world(session)
    village = {"uncovered": w.villages["Xóm Chợ Cũ"], "retired": w.villages["Thôn Rú Mít"],
               "commune": w.commune}.get(case)
    if case == "retired":
        retire_village(session, w.commune_admin, village, now=NOW)
    with pytest.raises(InvalidInput) as refused:
        plan(w, w.message(), village_ids=(village.id if village else 999_999,))
    assert "village_ids" in refused.value.errors
    assert session.scalar(select(func.count()).select_from(Delivery)) == 0


def test_a_retired_cluster_or_a_stopped_station_reaches_no_village(session):
    w = village_world(session)
    retire_cluster(session, w.commune_admin, w.clusters["Cụm loa Bắc"], now=NOW)
    w.other_station.is_active = False
    message = w.message()
    for village in (w.villages["Thôn Đồng Cháy"], w.villages["Thôn Cây Đa"]):
        with pytest.raises(InvalidInput):
            plan(w, message, village_ids=(village.id,))
    plan(w, message, village_ids=(w.villages["Thôn Rú Mít"].id,))  # still covered by Cụm loa Nam
    assert by_station(session) == {w.station.id: 1}


def test_an_officer_may_not_plan_for_a_village_outside_their_area(session):
    w = village_world(session)
    w.editor = make_user(session, role=Role.EDITOR, area=w.other)
    message = w.message(area=w.other)
    with pytest.raises(PermissionDenied):
        plan(w, message, village_ids=(w.villages["Thôn Đồng Cháy"].id,))


def test_clusters_cover_only_live_villages_of_their_own_commune(session):
    w = village_world(session)
    foreign = w.villages["Thôn Cây Đa"].id
    with pytest.raises(InvalidInput) as refused:
        create_cluster(session, w.admin, w.station, ClusterInput("Cụm loa Đông", (foreign,)), now=NOW)
    assert set(refused.value.errors) == {"village_ids"}
    with pytest.raises(InvalidInput) as refused:
        create_cluster(session, w.admin, w.station, ClusterInput(" cụm loa  bắc ", ()), now=NOW)
    assert set(refused.value.errors) == {"name"}
    retire_village(session, w.commune_admin, w.villages["Xóm Chợ Cũ"], now=NOW)
    with pytest.raises(InvalidInput):
        create_cluster(session, w.admin, w.station, ClusterInput("Cụm loa Đông", (w.villages["Xóm Chợ Cũ"].id,)),
                       now=NOW)
    assert [c.name for c in list_clusters(session, w.station)] == ["Cụm loa Bắc", "Cụm loa Nam"]


def test_a_retired_village_stays_on_its_cluster_when_the_cluster_is_renamed(session):
    w = village_world(session)
    cluster = w.clusters["Cụm loa Bắc"]
    retire_village(session, w.commune_admin, w.villages["Thôn Rú Mít"], now=NOW)
    update_cluster(session, w.commune_admin, cluster, ClusterInput("Cụm loa Bắc Hòa Phong",
                                                                   tuple(v.id for v in cluster.villages)), now=NOW)
    assert {v.name for v in cluster.villages} == {"Thôn Đồng Cháy", "Thôn Rú Mít"}


def test_an_admin_of_another_commune_may_not_manage_the_stations_clusters(session):
    w = village_world(session)
    outsider = make_user(session, role=Role.ADMIN, area=w.other)
    with pytest.raises(PermissionDenied):
        create_cluster(session, outsider, w.station, ClusterInput("Cụm loa Lạ"), now=NOW)
    with pytest.raises(PermissionDenied):
        retire_cluster(session, outsider, w.clusters["Cụm loa Nam"], now=NOW)
    assert w.clusters["Cụm loa Nam"].retired_at is None


def test_the_script_says_which_clusters_to_switch_on_for_which_villages(session):
    w = village_world(session)
    message = w.message("Cảnh báo lũ quét ven sông")
    plan(w, message, village_ids=(w.villages["Thôn Rú Mít"].id,))
    plan(w, w.message("Tuyên truyền an toàn giao thông"), station_ids=(w.station.id,))
    script = build_daily_script(session, w.station, DAY, zone=ZONE)
    items = {item.title: item for slot in script.slots for item in slot.items}
    assert items["Cảnh báo lũ quét ven sông"].clusters == ("Cụm loa Bắc", "Cụm loa Nam")
    assert items["Cảnh báo lũ quét ven sông"].villages == ("Thôn Rú Mít",)
    assert (items["Tuyên truyền an toàn giao thông"].clusters, items["Tuyên truyền an toàn giao thông"].villages) == (
        (), ())
    text = render_script_text(script)
    assert "Chỉ phát trên cụm loa: Cụm loa Bắc, Cụm loa Nam — cho Thôn Rú Mít" in text
    assert text.count("Chỉ phát trên cụm loa") == 1
    json_items = [i for s in script_document(script)["slots"] for i in s["items"]]
    assert {(i["title"], tuple(i["villages"])) for i in json_items} == {
        ("Cảnh báo lũ quét ven sông", ("Thôn Rú Mít",)), ("Tuyên truyền an toàn giao thông", ())}


def test_an_airing_for_villages_counts_their_people_not_the_stations_coverage(session):
    w = village_world(session)
    plan(w, w.message(), village_ids=(w.villages["Thôn Đồng Cháy"].id, w.villages["Thôn Rú Mít"].id,
                                      w.villages["Thôn Bãi Ngang"].id))
    [delivery] = session.scalars(select(Delivery)).all()
    confirm_airing(session, w.station, AiringInput(delivery.id, "aired", aired_at=AT), now=AT + timedelta(hours=1))
    [event] = session.scalars(select(ReachEvent)).all()
    assert event.value == 1_250 + 930  # Bãi Ngang's population is not known: it adds nothing, not a guess


def test_an_airing_for_villages_with_no_known_population_estimates_nothing(session):
    w = village_world(session)
    plan(w, w.message(), village_ids=(w.villages["Thôn Bãi Ngang"].id,))
    [delivery] = session.scalars(select(Delivery)).all()
    confirm_airing(session, w.station, AiringInput(delivery.id, "aired", aired_at=AT), now=AT + timedelta(hours=1))
    assert session.scalars(select(ReachEvent)).all() == []


def test_a_new_station_is_reached_through_a_cluster_added_later(session):
    w = village_world(session)
    village = add_village(session, w.admin, w.other, VillageInput("Thôn Gò Găng", "300"), now=NOW)
    second = make_station(session, w.other, name="Đài phụ Bến Sỏi")
    create_cluster(session, w.admin, second, ClusterInput("Cụm loa Gò Găng", (village.id,)), now=NOW)
    plan(w, w.message(), village_ids=(village.id,))
    assert by_station(session) == {second.id: 1}


def test_a_station_with_live_clusters_is_not_moved_to_another_commune(session):
    w = village_world(session)
    moving = StationInput(name=w.station.name, area_id=w.other.id, coverage_population="7000")
    with pytest.raises(InvalidInput) as refused:
        update_station(session, w.admin, w.station, moving, now=NOW)
    assert set(refused.value.errors) == {"area_id"} and w.station.area_id == w.commune.id
    for cluster in list_clusters(session, w.station):
        retire_cluster(session, w.admin, cluster, now=NOW)
    update_station(session, w.admin, w.station, moving, now=NOW)
    assert w.station.area_id == w.other.id
