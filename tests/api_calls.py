"""What the API tests for deliveries, stations, reach and tip-offs share: tokens, calls, a page walk, problems."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy.orm import Session

from campaigns.api_tokens import issue_api_token
from campaigns.models import Station
from content.models import User

# The app's test clock (tests/conftest.py): tokens are issued then, so they are valid for the whole test.
ISSUED = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)


def bearer(session: Session, *scopes: str, user: User | None = None, station: Station | None = None) -> dict[str, str]:
    """The Authorization header of a fresh token for the user or station, with these scopes."""
    issued = issue_api_token(session, issuer=None, name="Hệ thống thử nghiệm", scopes=scopes, now=ISSUED,
                             user=user, station=station)
    session.commit()
    return {"Authorization": f"Bearer {issued.secret}"}


def call(client, method: str, path: str, headers: dict[str, str], **options: Any):
    return client.open(f"/api/v1{path}", method=method, headers=headers, **options)


def ok(response, status: int = 200) -> Any:
    assert response.status_code == status, response.get_data(as_text=True)[:600]
    assert response.mimetype == "application/json"
    return response.get_json()


def problem(response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.get_data(as_text=True)[:600]
    assert response.mimetype == "application/problem+json"
    document = response.get_json()
    assert document["status"] == status
    return document


def fields(document: dict[str, Any]) -> set[str]:
    return {error["field"] for error in document.get("errors") or []}


def walk(client, path: str, headers: dict[str, str], **query: Any) -> list[list[Any]]:
    """Every page of a list, following `next`, as lists of item ids."""
    pages, cursor = [], None
    while True:
        args = {**query, **({"cursor": cursor} if cursor else {})}
        body = ok(call(client, "GET", path, headers, query_string=args))
        pages.append([item["id"] for item in body["items"]])
        cursor = body["next"]
        if cursor is None:
            return pages
