"""Loading the post-2025 provinces and communes from `vietnam-provinces`, so codes and names are never hand-typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, literal, select, update
from sqlalchemy.orm import Session
from vietnam_provinces import Province, ProvinceCode, Ward

from content.errors import NotFound
from content.models import Area, AreaKind
from content.wording import Text


@dataclass(frozen=True)
class ImportReport:
    """What an import did, so the CLI can say it and a re-run can be seen to change nothing."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class _Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def format_province_code(code: int) -> str:
    """The GSO province code as Loa stores it: two digits, "08"."""
    return f"{code:02d}"


def format_ward_code(code: int) -> str:
    """The GSO commune code as Loa stores it: five digits, "00070"."""
    return f"{code:05d}"


def find_provinces(province_code: str | None = None) -> list[Province]:
    """Every province, or just the one asked for; an unknown code is the caller's mistake, so NotFound."""
    if province_code is None:
        return list(Province.iter_all())
    try:
        return [Province.from_code(ProvinceCode(int(province_code.strip())))]
    except ValueError:
        # int() and ProvinceCode() both refuse with ValueError: not a number, or no such province.
        raise NotFound(Text("Không có tỉnh/thành phố mã %(code)s.", code=province_code)) from None


def find_wards(provinces: Sequence[Province]) -> list[Ward]:
    """The communes, wards and special zones of `provinces`, grouped by province in their order."""
    by_province: dict[int, list[Ward]] = {int(p.code): [] for p in provinces}
    for ward in Ward.iter_all():
        group = by_province.get(int(ward.province_code))
        if group is not None:
            group.append(ward)
    return [ward for group in by_province.values() for ward in group]


def count_units(province_code: str | None = None) -> int:
    """How many rows `import_areas` will go through, so a progress bar can be sized before it starts."""
    provinces = find_provinces(province_code)
    return len(provinces) + len(find_wards(provinces))


def import_areas(
    session: Session,
    *,
    province_code: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Create or bring up to date the provinces and communes, matched on their GSO code.

    Safe to run again after a package upgrade: names, division types, parents and paths are
    updated in place, populations (which the package does not know) are left alone, and the
    residential areas under a commune that moved follow it. Flushes, never commits.

    :param province_code: import only this province and its communes ("08"); None for the country.
    :param progress: called with how many units were just processed, e.g. a click bar's ``update``.
    """
    provinces = find_provinces(province_code)
    wards = find_wards(provinces)
    report = _Tally()
    moves: list[tuple[Area, str]] = []

    codes = [format_province_code(p.code) for p in provinces] + [format_ward_code(w.code) for w in wards]
    existing = {area.code: area for area in session.scalars(select(Area).where(Area.code.in_(codes)))}

    # Provinces are flushed first: a new province's id is what its communes point at.
    province_rows: dict[int, Area] = {}
    for province in provinces:
        code = format_province_code(province.code)
        province_rows[int(province.code)] = _upsert_area(
            session,
            existing.get(code),
            report,
            moves,
            code=code,
            name=province.name,
            kind=AreaKind.PROVINCE,
            division_type=province.division_type.value,
            parent=None,
            path=f"/{code}/",
        )
    session.flush()
    if progress is not None:
        progress(len(provinces))

    for ward in wards:
        code = format_ward_code(ward.code)
        parent = province_rows[int(ward.province_code)]
        _upsert_area(
            session,
            existing.get(code),
            report,
            moves,
            code=code,
            name=ward.name,
            kind=AreaKind.COMMUNE,
            division_type=ward.division_type.value,
            parent=parent,
            path=f"{parent.path}{code}/",
        )
    session.flush()
    if progress is not None:
        progress(len(wards))

    _move_descendants(session, moves)
    return ImportReport(created=report.created, updated=report.updated, unchanged=report.unchanged)


def _upsert_area(
    session: Session,
    area: Area | None,
    report: _Tally,
    moves: list[tuple[Area, str]],
    *,
    code: str,
    name: str,
    kind: AreaKind,
    division_type: str,
    parent: Area | None,
    path: str,
) -> Area:
    parent_id = parent.id if parent is not None else None
    if area is None:
        area = Area(code=code, name=name, kind=kind, division_type=division_type, parent_id=parent_id, path=path)
        session.add(area)
        report.created += 1
        return area

    wanted = {"name": name, "kind": kind, "division_type": division_type, "parent_id": parent_id, "path": path}
    changed = {field: value for field, value in wanted.items() if getattr(area, field) != value}
    if not changed:
        report.unchanged += 1
        return area
    if "path" in changed:
        moves.append((area, area.path))
    for field, value in changed.items():
        setattr(area, field, value)
    report.updated += 1
    return area


def _move_descendants(session: Session, moves: list[tuple[Area, str]]) -> None:
    """Rewrite the paths under every unit whose path changed, or subtree queries would lose them.

    Runs after the flush, when the imported units already carry their new paths, so what is left
    under an old path is what the package does not know about (residential areas). The deepest
    moves go first, so a commune that moved is not dragged along by a shallower rewrite.
    """
    for area, old_path in sorted(moves, key=lambda move: len(move[1]), reverse=True):
        session.execute(
            update(Area)
            .where(Area.path.startswith(old_path, autoescape=True), Area.id != area.id)
            .values(path=literal(area.path) + func.substr(Area.path, len(old_path) + 1))
            .execution_options(synchronize_session="fetch")
        )
