"""LOA_LOG_FORMAT=json: one JSON object per log line, for a log collector; text (the default) otherwise.

A 30-line formatter rather than python-json-logger: the fields are fixed (time in UTC, level, logger, message,
exception, and the request fields web.request_metrics adds), every message must pass through our redaction, and
the package would need a subclass for both anyway, while adding a dependency to keep up.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import datetime, timezone

from flask import Flask

FORMATS = ("text", "json")
REQUEST_FIELDS = ("method", "route", "status", "duration_ms", "remote_addr")
# A station token in a printed link (?token=…), a bearer token, a password or key in a URL or a form echoed
# into an error: whatever logs it, the line keeps the name and loses the value.
SECRET = re.compile(r"(?i)((?:token|password|passwd|secret|api_key|key)=)[^&\s\"']+|(bearer\s+)[\w\-.~+/=]+"
                    r"|(://[^/:@\s]+:)[^@\s]+@")


def redact(text: str) -> str:
    return SECRET.sub(lambda m: (m[1] or m[2] or m[3]) + "[redacted]" + ("@" if m[3] else ""), text)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname, "logger": record.name, "message": redact(record.getMessage())}
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        elif record.exc_text:
            entry["exception"] = redact(record.exc_text)
        for field in REQUEST_FIELDS:
            if field in record.__dict__:
                entry[field] = record.__dict__[field]
        return json.dumps(entry, ensure_ascii=False, default=str)


def log_format(app: Flask) -> str:
    """LOA_LOG_FORMAT, checked: "text" or "json"."""
    value = str(app.config.get("LOG_FORMAT") or "text").strip().lower()
    if value not in FORMATS:
        raise ValueError(f"LOA_LOG_FORMAT must be text or json; got {app.config.get('LOG_FORMAT')!r}")
    return value


def logs_json(app: Flask) -> bool:
    return app.config.get("LOG_FORMAT") == "json"


def init_logging(app: Flask) -> None:
    """With JSON chosen, every handler of the root logger writes JSON (one on stderr if there is none yet, as under
    gunicorn), at INFO; with text, logging is left as `loa` or the server set it up."""
    app.config["LOG_FORMAT"] = log_format(app)
    if app.config["LOG_FORMAT"] != "json":
        return
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.StreamHandler(sys.stderr))
    for handler in root.handlers:
        handler.setFormatter(JsonFormatter())
    root.setLevel(logging.INFO)
