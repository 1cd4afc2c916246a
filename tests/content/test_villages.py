"""Villages: added, renamed and retired (never deleted) by the admins of their commune or above."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from content.area_import import import_areas
from content.errors import InvalidInput, PermissionDenied
from content.models import Area, AreaKind, AuditLog, Role
from content.villages import VillageInput, add_village, list_villages, retire_village, update_village
from tests.factories import make_area, make_user
from tests.village_world import NOW, village_world


def test_a_commune_admin_adds_a_village_with_its_population_under_the_commune(session):
    w = village_world(session)
    village = w.villages["Thôn Đồng Cháy"]
    assert (village.kind, village.parent_id, village.population) == (AreaKind.RESIDENTIAL, w.commune.id, 1_250)
    assert village.path == f"{w.commune.path}{village.code}/" and village.code.startswith(f"{w.commune.code}-T")
    assert w.villages["Thôn Bãi Ngang"].population is None  # blank is "not known", not 0
    entry = session.scalar(select(AuditLog).where(AuditLog.action == "village.create", AuditLog.object_id == village.id))
    assert entry.actor_id == w.commune_admin.id and entry.detail["name"] == "Thôn Đồng Cháy"


def test_renaming_keeps_the_code_and_the_audit_says_what_changed(session):
    w = village_world(session)
    village = w.villages["Xóm Chợ Cũ"]
    code = village.code
    update_village(session, w.commune_admin, village, VillageInput("  Tổ dân phố   Chợ Mới ", "700"), now=NOW)
    assert (village.name, village.population, village.code) == ("Tổ dân phố Chợ Mới", 700, code)
    entry = session.scalar(select(AuditLog).where(AuditLog.action == "village.update"))
    assert entry.detail["changes"] == {"name": ["Xóm Chợ Cũ", "Tổ dân phố Chợ Mới"], "population": [610, 700]}


def test_retiring_keeps_the_row_and_takes_it_off_the_list_until_restored(session):
    w = village_world(session)
    village = w.villages["Xóm Chợ Cũ"]
    retire_village(session, w.commune_admin, village, now=NOW)
    assert session.get(Area, village.id).retired_at == NOW
    assert village not in list_villages(session, w.commune)
    assert village in list_villages(session, w.commune, with_retired=True)
    retire_village(session, w.commune_admin, village, now=NOW, restore=True)
    assert village.retired_at is None and village in list_villages(session, w.commune)


@pytest.mark.parametrize(("name", "population", "field"), [
    ("", "100", "name"), ("   ", "", "name"), ("Thôn " + "A" * 200, "", "name"),
    ("Thôn Mới", "-5", "population"), ("Thôn Mới", "mười", "population"), ("Thôn Mới", "2000000", "population"),
    ("Thôn Mới", "²", "population"), ("thôn  đồng cháy", "", "name"),
])
def test_bad_input_is_refused_with_a_reason_and_adds_nothing(session, name, population, field):
    w = village_world(session)
    before = len(list_villages(session, w.commune, with_retired=True))
    with pytest.raises(InvalidInput) as refused:
        add_village(session, w.commune_admin, w.commune, VillageInput(name, population), now=NOW)
    assert set(refused.value.errors) == {field}
    assert len(list_villages(session, w.commune, with_retired=True)) == before


def test_a_retired_name_may_be_used_again_but_not_restored_beside_its_namesake(session):
    w = village_world(session)
    old = w.villages["Xóm Chợ Cũ"]
    retire_village(session, w.commune_admin, old, now=NOW)
    add_village(session, w.commune_admin, w.commune, VillageInput("Xóm Chợ Cũ"), now=NOW)
    with pytest.raises(InvalidInput):
        retire_village(session, w.commune_admin, old, now=NOW, restore=True)
    assert old.retired_at == NOW


def test_an_admin_of_another_commune_or_an_editor_may_not_touch_the_villages(session):
    w = village_world(session)
    outsider = make_user(session, role=Role.ADMIN, area=w.other)
    editor = make_user(session, role=Role.EDITOR, area=w.commune)
    for user in (outsider, editor):
        with pytest.raises(PermissionDenied):
            add_village(session, user, w.commune, VillageInput("Thôn Lạ"), now=NOW)
        with pytest.raises(PermissionDenied):
            update_village(session, user, w.villages["Thôn Rú Mít"], VillageInput("Thôn Lạ"), now=NOW)
        with pytest.raises(PermissionDenied):
            retire_village(session, user, w.villages["Thôn Rú Mít"], now=NOW)
    assert w.villages["Thôn Rú Mít"].name == "Thôn Rú Mít" and w.villages["Thôn Rú Mít"].retired_at is None


def test_a_commune_or_province_is_not_edited_as_a_village(session):
    w = village_world(session)
    with pytest.raises(InvalidInput):
        update_village(session, w.admin, w.commune, VillageInput("Xã Đổi Tên"), now=NOW)
    with pytest.raises(InvalidInput):
        add_village(session, w.admin, w.province, VillageInput("Thôn Ngoài Xã"), now=NOW)
    assert w.commune.name == "Xã Hòa Phong"


def test_the_commune_import_leaves_added_villages_alone(session):
    province = make_area(session, code="08", name="Tỉnh cũ", division_type="tỉnh")
    admin = make_user(session, role=Role.ADMIN, area=None)
    import_areas(session, province_code="08")
    commune = session.scalar(select(Area).where(Area.parent_id == province.id, Area.kind == AreaKind.COMMUNE))
    village = add_village(session, admin, commune, VillageInput("Thôn Khuổi Tát", "420"), now=NOW)
    report = import_areas(session, province_code="08")
    assert report.created == 0 and report.updated == 0
    assert (village.name, village.parent_id, village.path, village.retired_at) == (
        "Thôn Khuổi Tát", commune.id, f"{commune.path}{village.code}/", None)
