"""Villages (thôn, tổ dân phố): added, renamed and retired by the admins of their commune or above.

A village is an `areas` row of kind RESIDENTIAL under a commune. It is retired, never deleted: deliveries,
airings and stories planned for it keep pointing at it, and a retired village can be brought back. Its
code is made here (the commune's code, "-T", a number) and never changes, so the commune import
(content.area_import), which matches GSO codes, can never mistake a village for a commune.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from content.audit import record_audit
from content.errors import InvalidInput
from content.models import Area, AreaKind, User
from content.permissions import Action, authorize
from content.vietnamese import fold
from content.wording import Text

MAX_NAME = 200
# Far above any village, far below the database integer: a typo of extra zeros is caught.
MAX_POPULATION = 1_000_000


@dataclass(frozen=True)
class VillageInput:
    name: str
    population: str = ""  # blank: not known


def _check(data: VillageInput) -> tuple[str, int | None]:
    errors: dict[str, str] = {}
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = Text("Hãy nhập tên thôn, tổ dân phố.")
    elif len(name) > MAX_NAME:
        errors["name"] = Text("Tên dài quá %(n)s ký tự.", n=MAX_NAME)
    population: int | None = None
    text = data.population.strip().replace(".", "").replace(" ", "")
    if text:
        # isdigit() alone also passes "²" and 5,000-digit strings, which int() refuses.
        if not (text.isascii() and text.isdigit() and len(text) <= 7 and int(text) <= MAX_POPULATION):
            errors["population"] = Text("Dân số phải là một số nguyên không âm, tối đa %(most)s.",
                                        most=f"{MAX_POPULATION:,}".replace(",", "."))
        else:
            population = int(text)
    if errors:
        raise InvalidInput(errors)
    return name, population


def _same_name(session: Session, commune: Area, name: str, *, other_than: int | None = None) -> bool:
    """Whether a live village of the commune already has this name (case and spacing aside)."""
    names = session.scalars(select(Area.name).where(Area.parent_id == commune.id, Area.kind == AreaKind.RESIDENTIAL,
                                                    Area.retired_at.is_(None), Area.id != (other_than or 0)))
    return any(n.casefold() == name.casefold() for n in names)


def _next_code(session: Session, commune: Area) -> str:
    taken = set(session.scalars(select(Area.code).where(Area.code.startswith(f"{commune.code}-", autoescape=True))))
    n = len(taken) + 1
    while f"{commune.code}-T{n:02d}" in taken:
        n += 1
    return f"{commune.code}-T{n:02d}"


def _snapshot(village: Area) -> dict[str, Any]:
    return {"name": village.name, "population": village.population, "commune_id": village.parent_id}


def add_village(session: Session, actor: User, commune: Area, data: VillageInput, *, now: datetime,
                remote_addr: str | None = None) -> Area:
    authorize(actor, Action.STATION_MANAGE, commune, object_type="area", object_id=commune.id)
    if commune.kind is not AreaKind.COMMUNE:
        raise InvalidInput({"commune": Text("Thôn, tổ dân phố phải thuộc một xã, phường hoặc đặc khu.")})
    name, population = _check(data)
    if _same_name(session, commune, name):
        raise InvalidInput({"name": Text("%(commune)s đã có %(name)s.", commune=commune.name, name=name)})
    code = _next_code(session, commune)
    village = Area(code=code, name=name, kind=AreaKind.RESIDENTIAL, division_type="thôn/tổ dân phố",
                   parent_id=commune.id, path=f"{commune.path}{code}/", population=population)
    session.add(village)
    session.flush()
    record_audit(session, actor=actor, action="village.create", object_type="area", object_id=village.id, now=now,
                 remote_addr=remote_addr, detail=_snapshot(village))
    return village


def update_village(session: Session, actor: User, village: Area, data: VillageInput, *, now: datetime,
                   remote_addr: str | None = None) -> Area:
    """Rename a village or set its population; its code, and so everything pointing at it, stays."""
    _authorize(actor, village)
    name, population = _check(data)
    if village.parent is not None and _same_name(session, village.parent, name, other_than=village.id):
        raise InvalidInput({"name": Text("%(commune)s đã có %(name)s.", commune=village.parent.name, name=name)})
    before = _snapshot(village)
    village.name, village.population = name, population
    session.flush()
    after = _snapshot(village)
    changes = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
    record_audit(session, actor=actor, action="village.update", object_type="area", object_id=village.id, now=now,
                 remote_addr=remote_addr, detail={"changes": changes})
    return village


def retire_village(session: Session, actor: User, village: Area, *, now: datetime, remote_addr: str | None = None,
                   restore: bool = False) -> Area:
    """Take a village out of new plans and clusters (or, with `restore`, bring it back); nothing is deleted."""
    _authorize(actor, village)
    if restore and village.parent is not None and _same_name(session, village.parent, village.name,
                                                             other_than=village.id):
        raise InvalidInput({"name": Text("%(commune)s đã có %(name)s; hãy đổi tên một trong hai trước.",
                                         commune=village.parent.name, name=village.name)})
    village.retired_at = None if restore else (village.retired_at or now)
    session.flush()
    record_audit(session, actor=actor, action="village.restore" if restore else "village.retire", object_type="area",
                 object_id=village.id, now=now, remote_addr=remote_addr)
    return village


def _authorize(actor: User, village: Area) -> None:
    authorize(actor, Action.STATION_MANAGE, village, object_type="area", object_id=village.id)
    if village.kind is not AreaKind.RESIDENTIAL:
        raise InvalidInput({"village": Text("Chỉ sửa được thôn, tổ dân phố ở đây; xã, phường lấy từ danh mục hành "
                                            "chính.")})


def list_villages(session: Session, commune: Area, *, with_retired: bool = False) -> list[Area]:
    """The commune's villages by name; live ones only unless asked."""
    query = select(Area).where(Area.parent_id == commune.id, Area.kind == AreaKind.RESIDENTIAL)
    if not with_retired:
        query = query.where(Area.retired_at.is_(None))
    # Sorted as people read the alphabet (Đ after D, not after Z), which no database collation promises.
    return sorted(session.scalars(query), key=lambda v: (v.retired_at is not None, fold(v.name), v.name, v.id))
