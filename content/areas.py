"""Area lookups: subtrees by path, so scoping a user or fanning out a plan is one indexed query."""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from content.errors import NotFound
from content.models import Area, AreaKind
from content.wording import Text


def is_within(area: Area, root: Area | None) -> bool:
    """True when `area` is `root` or below it; a None root is the whole country."""
    return root is None or area.path.startswith(root.path)


def find_area_by_code(session: Session, code: str) -> Area | None:
    return session.scalar(select(Area).where(Area.code == code))


def list_administrative_areas(session: Session, root: Area | None) -> list[Area]:
    """Provinces and communes in `root`'s subtree (None: the country), in tree order; villages are left out."""
    query = select_subtree(root) if root is not None else select(Area)
    return list(session.scalars(query.where(Area.kind != AreaKind.RESIDENTIAL).order_by(Area.path)))


def get_area_by_code(session: Session, code: str) -> Area:
    area = session.scalar(select(Area).where(Area.code == code))
    if area is None:
        raise NotFound(Text("Không có địa bàn mã %(code)s.", code=code))
    return area


def select_subtree(root: Area) -> Select[Area]:
    """A select of every area in `root`'s subtree, root included."""
    return select(Area).where(Area.path.startswith(root.path, autoescape=True))
