"""Importing provinces and communes from `vietnam-provinces`: right tree, no duplicates, populations kept."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from vietnam_provinces import Province, Ward

from content.area_import import ImportReport, count_units, import_areas
from content.errors import NotFound
from content.models import Area, AreaKind

TUYEN_QUANG = "08"


def count_areas(session: Session, kind: AreaKind) -> int:
    return session.scalar(select(func.count()).select_from(Area).where(Area.kind == kind)) or 0


def get_area(session: Session, code: str) -> Area:
    return session.scalars(select(Area).where(Area.code == code)).one()


def test_importing_one_province_gives_that_province_and_its_communes_under_it(session: Session) -> None:
    package_wards = list(Ward.iter_by_province(8))

    report = import_areas(session, province_code=TUYEN_QUANG)

    province = get_area(session, TUYEN_QUANG)
    assert (province.name, province.kind, province.division_type) == ("Tuyên Quang", AreaKind.PROVINCE, "tỉnh")
    assert (province.parent_id, province.path) == (None, "/08/")
    communes = session.scalars(select(Area).where(Area.kind == AreaKind.COMMUNE)).all()
    assert sorted(c.code for c in communes) == sorted(f"{int(w.code):05d}" for w in package_wards)
    assert all(c.parent_id == province.id and c.path == f"/08/{c.code}/" for c in communes)
    assert count_areas(session, AreaKind.PROVINCE) == 1
    assert report == ImportReport(created=1 + len(package_wards), updated=0, unchanged=0)


def test_a_commune_keeps_its_official_name_and_division_type(session: Session) -> None:
    import_areas(session, province_code="01")

    hoan_kiem = get_area(session, "00070")
    assert (hoan_kiem.name, hoan_kiem.division_type) == ("Phường Hoàn Kiếm", "phường")
    assert hoan_kiem.path == "/01/00070/"


def test_a_full_import_gives_every_province_and_commune_in_the_package(session: Session) -> None:
    steps: list[int] = []

    report = import_areas(session, progress=steps.append)

    package_wards = sum(1 for _ in Ward.iter_all())
    assert package_wards == 3321
    assert count_areas(session, AreaKind.PROVINCE) == sum(1 for _ in Province.iter_all()) == 34
    assert count_areas(session, AreaKind.COMMUNE) == package_wards
    assert report.created == sum(steps) == count_units() == 34 + 3321


def test_every_imported_commune_sits_under_its_province_path(session: Session) -> None:
    import_areas(session)

    provinces = {a.id: a for a in session.scalars(select(Area).where(Area.kind == AreaKind.PROVINCE))}
    communes = session.scalars(select(Area).where(Area.kind == AreaKind.COMMUNE)).all()
    assert all(c.path == f"{provinces[c.parent_id].path}{c.code}/" for c in communes if c.parent_id)
    assert all(c.parent_id in provinces for c in communes)


def test_importing_twice_creates_no_duplicates_and_reports_everything_unchanged(session: Session) -> None:
    import_areas(session)
    session.commit()

    report = import_areas(session)

    assert report == ImportReport(created=0, updated=0, unchanged=34 + 3321)
    assert session.scalar(select(func.count()).select_from(Area)) == 34 + 3321


def test_reimporting_restores_a_renamed_area_and_keeps_its_population(session: Session) -> None:
    import_areas(session, province_code=TUYEN_QUANG)
    commune = session.scalars(select(Area).where(Area.kind == AreaKind.COMMUNE).order_by(Area.code)).first()
    assert commune is not None
    official = (commune.name, commune.division_type)
    commune.name, commune.division_type, commune.population = "Tên gõ nhầm", "thôn", 12_345
    session.commit()

    report = import_areas(session, province_code=TUYEN_QUANG)
    session.commit()

    session.expire_all()
    restored = get_area(session, commune.code)
    assert (restored.name, restored.division_type) == official
    assert restored.population == 12_345
    assert (report.created, report.updated) == (0, 1)


def test_reimporting_moves_a_misplaced_commune_and_its_residential_areas_with_it(session: Session) -> None:
    import_areas(session, province_code="01")
    wrong_province = Area(code="04", name="Cao Bằng", kind=AreaKind.PROVINCE, division_type="tỉnh", path="/04/")
    session.add(wrong_province)
    session.flush()
    hoan_kiem = get_area(session, "00070")
    hoan_kiem.parent_id, hoan_kiem.path = wrong_province.id, "/04/00070/"
    session.flush()
    village = Area(
        code="00070-01",
        name="Tổ dân phố 1",
        kind=AreaKind.RESIDENTIAL,
        parent_id=hoan_kiem.id,
        path="/04/00070/00070-01/",
    )
    session.add(village)
    session.commit()

    import_areas(session, province_code="01")
    session.commit()

    session.expire_all()
    assert (hoan_kiem.parent_id, hoan_kiem.path) == (get_area(session, "01").id, "/01/00070/")
    assert village.path == "/01/00070/00070-01/"


def test_an_unknown_province_code_is_not_found(session: Session) -> None:
    with pytest.raises(NotFound, match="Không có tỉnh/thành phố mã 99."):
        import_areas(session, province_code="99")
    assert session.scalar(select(func.count()).select_from(Area)) == 0


def test_counting_units_for_an_unknown_province_is_not_found() -> None:
    with pytest.raises(NotFound, match="mã 8x"):
        count_units("8x")
