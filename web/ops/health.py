"""/healthz and /readyz for a load balancer or systemd: cheap, never cached, never counted as a page view."""

from __future__ import annotations

from flask import Response, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from content.schema import database_revisions, head_revisions

NOT_CACHED = {"Cache-Control": "no-store"}


def healthz() -> Response:
    """The process answers: no database, so a database outage does not make every server look dead."""
    return Response("ok\n", mimetype="text/plain", headers=NOT_CACHED)


def readyz() -> tuple[Response, int]:
    """Ready for traffic: the database answers and has every migration this code expects."""
    checks: dict[str, str] = {}
    try:
        with current_app.extensions["loa.engine"].connect() as connection:
            connection.execute(text("SELECT 1"))
            found = database_revisions(connection)
        checks["database"] = "ok"
        checks["migrations"] = "ok" if found == head_revisions() else (
            f"pending: the database is at {', '.join(sorted(found)) or 'no revision'}, the code at "
            f"{', '.join(sorted(head_revisions()))}; run `loa db upgrade`")
    except SQLAlchemyError as error:
        # One line, not a traceback: a load balancer asks every few seconds for as long as the outage lasts.
        current_app.logger.warning("readyz: the database cannot be reached: %s",
                                   str(getattr(error, "orig", None) or error).splitlines()[0])
        checks["database"] = "unreachable"
        checks["migrations"] = "unknown"
    ready = all(value == "ok" for value in checks.values())
    response = jsonify(status="ready" if ready else "not ready", checks=checks)
    response.headers.update(NOT_CACHED)
    return response, 200 if ready else 503
