"""LOA_LOG_FORMAT=json: one JSON object per line, request fields, and no token, password or query string."""

from __future__ import annotations

import io
import json
import logging
from datetime import datetime

import pytest

from campaigns.station_tokens import issue_station_token
from tests.factories import make_area, make_station
from web import create_app


@pytest.fixture
def json_app(database_url, session_factory, clock, tmp_path):  # type: ignore[no-untyped-def]
    """An app logging JSON into a buffer; the root logger is given back as it was."""
    root = logging.getLogger()
    saved = (root.handlers[:], [h.formatter for h in root.handlers], root.level)
    stream = io.StringIO()
    root.handlers[:] = [logging.StreamHandler(stream)]
    app = create_app({"DATABASE_URL": database_url, "CLOCK": clock, "SECRET_KEY": "test-secret", "TESTING": True,
                      "LOG_FORMAT": "json", "PROPAGATE_EXCEPTIONS": False})
    app.instance_path = str(tmp_path / "instance")
    yield app, stream
    app.extensions["loa.engine"].dispose()
    root.handlers[:] = saved[0]
    for handler, formatter in zip(saved[0], saved[1], strict=True):
        handler.setFormatter(formatter)
    root.setLevel(saved[2])


def lines(stream: io.StringIO) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_each_request_is_one_json_line_with_its_fields(json_app):
    app, stream = json_app
    assert app.test_client().get("/healthz", environ_base={"REMOTE_ADDR": "192.0.2.8"}).status_code == 200
    (entry,) = [e for e in lines(stream) if e["logger"] == "loa.http"]
    assert entry["level"] == "INFO" and entry["message"] == "GET ops.healthz 200"
    assert (entry["method"], entry["route"], entry["status"], entry["remote_addr"]) == ("GET", "ops.healthz", 200,
                                                                                         "192.0.2.8")
    assert isinstance(entry["duration_ms"], float)
    moment = datetime.fromisoformat(entry["time"])
    assert moment.utcoffset() is not None and moment.utcoffset().total_seconds() == 0


def test_a_station_token_in_a_link_never_reaches_the_log(json_app, session, now):
    app, stream = json_app
    station = make_station(session, make_area(session, name="Xã Yên Lạc"), name="Đài xã Yên Lạc")
    token = issue_station_token(station, now=now)
    session.commit()
    client = app.test_client()
    assert client.get(f"/radio/stations/{station.id}/scripts/2026-11-23.txt?token={token}").status_code == 200
    assert client.get(f"/radio/stations/{station.id}/scripts/2026-11-23.txt",
                      headers={"Authorization": f"Bearer {token}"}).status_code == 200
    text = stream.getvalue()
    assert token not in text and "2026-11-23" not in text
    assert [e["route"] for e in lines(stream) if e["logger"] == "loa.http"] == ["radio.script", "radio.script"]


def test_an_exception_is_logged_with_its_text_and_secrets_redacted(json_app):
    app, stream = json_app
    try:
        raise RuntimeError("gửi thất bại: https://api.example/send?token=abc123&x=1 mật khẩu postgresql://loa:pw@db/loa")
    except RuntimeError:
        logging.getLogger("loa.scheduler").exception("tick failed for Bearer sk-live-999")
    (entry,) = [e for e in lines(stream) if e["logger"] == "loa.scheduler"]
    assert entry["level"] == "ERROR"
    assert entry["message"] == "tick failed for Bearer [redacted]"
    assert "RuntimeError: gửi thất bại" in entry["exception"] and "token=[redacted]&x=1" in entry["exception"]
    assert "abc123" not in entry["exception"] and ":pw@" not in entry["exception"]
    assert "postgresql://loa:[redacted]@db/loa" in entry["exception"]


def test_text_stays_the_default_and_a_bad_format_is_refused(app, database_url, tmp_path):
    assert app.config["LOG_FORMAT"] == "text"
    assert not any(type(h.formatter).__name__ == "JsonFormatter" for h in logging.getLogger().handlers)
    with pytest.raises(ValueError, match="LOA_LOG_FORMAT must be text or json; got 'yaml'"):
        create_app({"DATABASE_URL": database_url, "SECRET_KEY": "test-secret", "LOG_FORMAT": "yaml"})
