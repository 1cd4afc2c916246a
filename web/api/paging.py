"""Cursor paging for API lists: keyset, not offsets, so pages stay right while rows are added.

A list is ordered by a unique key (e.g. `(updated_at, id)`). A page ends with `next`: an opaque cursor
holding the last row's key, signed with the app's secret (itsdangerous), so a client can neither forge a
position nor read more into it than "after this row". The next page is every row whose key is past it:
a row inserted meanwhile lands where its key puts it and no row is shown twice or skipped (an offset
would shift every later page by one). A cursor that was altered, or made for another list, is a 400 problem.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar
from urllib.parse import urlencode

from flask import current_app, request
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeSerializer
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import ColumnElement, Select, and_, or_
from sqlalchemy.orm import InstrumentedAttribute, Session

from web.api.problems import ApiProblem

T = TypeVar("T")
DEFAULT_LIMIT, MAX_LIMIT = 20, 100


class PageQuery(BaseModel):
    """The paging parameters every list takes; a list's own query model extends it."""

    model_config = ConfigDict(extra="forbid")
    cursor: str | None = Field(default=None, max_length=500, description="`next` of the previous page.")
    limit: int = Field(default=DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Items per page.")


class PageLinks(BaseModel):
    next: str | None = Field(description="The next page's address, or null on the last page.")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str | None

    def links(self) -> PageLinks:
        if self.next_cursor is None:
            return PageLinks(next=None)
        args = request.args.to_dict()
        args["cursor"] = self.next_cursor
        return PageLinks(next=f"{request.path}?{urlencode(args)}")


def _serializer(list_name: str) -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key or "", salt=f"loa-api-cursor:{list_name}")


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"dt": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "dt" in value:
        return datetime.fromisoformat(value["dt"])
    if isinstance(value, dict) and "d" in value:
        return date.fromisoformat(value["d"])
    return value


def read_cursor(cursor: str | None, list_name: str, width: int) -> list[Any] | None:
    """The key a cursor holds, or a 400 problem if it was not made by this list."""
    if cursor is None:
        return None
    try:
        values = _serializer(list_name).loads(cursor)
        if not isinstance(values, list) or len(values) != width:
            raise ValueError
        return [_decode(v) for v in values]
    except (BadSignature, ValueError, TypeError, KeyError):
        raise ApiProblem(400, _("Con trỏ trang (cursor) không hợp lệ: hãy dùng đúng giá trị `next` của trang trước."),
                         kind="invalid-cursor") from None


def keyset_page(session: Session, query: Select[Any], keys: Sequence[InstrumentedAttribute[Any]], *,
                list_name: str, cursor: str | None, limit: int, descending: bool = False) -> Page[Any]:
    """One page of `query` ordered by `keys` (their last member unique), after the cursor's row."""
    after = read_cursor(cursor, list_name, len(keys))
    if after is not None:
        query = query.where(_past(keys, after, descending))
    order = [k.desc() if descending else k.asc() for k in keys]
    rows = list(session.scalars(query.order_by(*order).limit(limit + 1)))
    items, more = rows[:limit], len(rows) > limit
    next_cursor = None
    if more:
        last = items[-1]
        next_cursor = _serializer(list_name).dumps([_encode(getattr(last, k.key)) for k in keys])
    return Page(items=items, next_cursor=next_cursor)


def _past(keys: Sequence[InstrumentedAttribute[Any]], values: Sequence[Any], descending: bool) -> ColumnElement[bool]:
    """(k1, k2, …) > (v1, v2, …) spelled out, so each value is bound with its column's type on every database."""
    clauses = []
    for i, key in enumerate(keys):
        equal = [keys[j] == values[j] for j in range(i)]
        clauses.append(and_(*equal, key < values[i] if descending else key > values[i]))
    return or_(*clauses)
