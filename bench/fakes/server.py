"""A small threaded HTTP server on 127.0.0.1 for the platform fakes, scriptable per test.

Each fake implements `handle(request) -> Reply` with the platform's documented contract and says
what its own throttling, server errors and token rejections look like. A test scripts the next
requests (`throttle`, `fail`, `reject_token`, `delay`, and the two ambiguous outcomes: `drop_after_handling`,
`answer_late`); unscripted requests get the normal answer.
"""

from __future__ import annotations

import json
import ssl
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer as _ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


class ThreadingHTTPServer(_ThreadingHTTPServer):
    # The standard library's listen backlog is 5: two workers' sixteen sending threads opening connections at
    # once overflowed it, and the refused connections looked like a slow platform.
    request_queue_size = 128


@dataclass(frozen=True)
class Request:
    """One request as the fake saw it, for tests to check the shape of what the connector sent."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-cased names
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))

    def form(self) -> dict[str, str]:
        return {name: values[-1] for name, values in parse_qs(self.body.decode("utf-8"), keep_blank_values=True).items()}

    def params(self) -> dict[str, Any]:
        """Parameters the way most HTTP APIs take them: query string, then a form or JSON body on top."""
        merged: dict[str, Any] = dict(self.query)
        if self.content_type == "application/x-www-form-urlencoded":
            merged.update(self.form())
        elif self.content_type == "application/json" and self.body:
            body = self.json()
            if isinstance(body, dict):
                merged.update(body)
        return merged


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, payload: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
        return cls(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                   {"Content-Type": "application/json; charset=utf-8", **(headers or {})})

    @classmethod
    def text(cls, text: str, status: int, headers: dict[str, str] | None = None) -> Reply:
        return cls(status, text.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8", **(headers or {})})


@dataclass(frozen=True)
class Drop:
    """Handle the request as usual (the post is made), then close the connection without answering."""


@dataclass(frozen=True)
class Late:
    """Handle the request at once (the post is made), answer only after `seconds`: past a client's read timeout."""

    seconds: float


# A scripted step: a reply that replaces the normal answer, a delay before it, or an ambiguous outcome.
Step = Reply | float | Drop | Late


class FakeServer:
    """Base of every fake: start/stop, request log, scripted faults. Subclasses implement `handle`."""

    def __init__(self) -> None:
        self.requests: list[Request] = []
        self.keep_requests = True  # off for long runs, where the request log would only cost memory
        self._script: deque[Step] = deque()
        self._lock = threading.Lock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.tls: ssl.SSLContext | None = None  # set before start() to serve HTTPS

    # -- what a platform must say for itself ------------------------------------------------
    def handle(self, request: Request) -> Reply:
        raise NotImplementedError

    def throttled_reply(self, retry_after: int) -> Reply:
        raise NotImplementedError

    def error_reply(self, status: int) -> Reply:
        return Reply.text("<html><body><h1>Internal Server Error</h1></body></html>", status)

    def bad_token_reply(self) -> Reply:
        raise NotImplementedError

    # -- scripting ----------------------------------------------------------------------------
    def queue(self, step: Step, *, times: int = 1) -> None:
        with self._lock:
            self._script.extend([step] * times)

    def throttle(self, *, retry_after: int = 7, times: int = 1) -> None:
        """The next `times` requests are rate-limited the way this platform does it."""
        self.queue(self.throttled_reply(retry_after), times=times)

    def fail(self, *, status: int = 500, times: int = 1) -> None:
        """The next `times` requests get a server error."""
        self.queue(self.error_reply(status), times=times)

    def reject_token(self, *, times: int = 1) -> None:
        """The next `times` requests are refused as if the credential had been revoked."""
        self.queue(self.bad_token_reply(), times=times)

    def delay(self, seconds: float, *, times: int = 1) -> None:
        """The next `times` requests are answered normally, but only after `seconds`."""
        self.queue(float(seconds), times=times)

    def drop_after_handling(self, *, times: int = 1) -> None:
        """The next `times` requests take effect, but the connection closes before any answer."""
        self.queue(Drop(), times=times)

    def answer_late(self, seconds: float, *, times: int = 1) -> None:
        """The next `times` requests take effect at once; the answer comes `seconds` later."""
        self.queue(Late(float(seconds)), times=times)

    def _next_step(self) -> Step | None:
        with self._lock:
            return self._script.popleft() if self._script else None

    # -- serving ------------------------------------------------------------------------------
    def respond(self, request: Request) -> Reply | None:
        """The answer to send, or None to close the connection without one."""
        if self.keep_requests:
            with self._lock:
                self.requests.append(request)
        step = self._next_step()
        if isinstance(step, Reply):
            return step
        if isinstance(step, float):
            time.sleep(step)
        reply = self.handle(request)
        if isinstance(step, Drop):
            return None
        if isinstance(step, Late):
            time.sleep(step.seconds)
        return reply

    @property
    def url(self) -> str:
        assert self._httpd is not None, "start() the fake first"
        host, port = self._httpd.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else host
        return f"{'https' if self.tls else 'http'}://{host}:{port}"

    def start(self, port: int = 0) -> FakeServer:
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), _handler_for(self.respond))
        if self.tls is not None:
            self._httpd.socket = self.tls.wrap_socket(self._httpd.socket, server_side=True)
        self._httpd.daemon_threads = True  # a delayed reply must not hold up stop()
        # A short poll keeps stop() quick: shutdown() waits for the loop to notice.
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02},
                                        name=type(self).__name__, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def serve_forever(self, port: int = 0, ready: Callable[[str], None] | None = None) -> None:
        """Serve in this thread until interrupted: how a fake runs as its own process."""
        self._httpd = ThreadingHTTPServer(("127.0.0.1", port), _handler_for(self.respond))
        self._httpd.daemon_threads = True
        if ready:
            ready(self.url)
        try:
            self._httpd.serve_forever()
        finally:
            self._httpd.server_close()

    def __enter__(self) -> FakeServer:
        return self.start() if self._httpd is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _handler_for(respond: Callable[[Request], Reply | None]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # Keep-alive, as the real platforms do; it also keeps the webhook benchmark honest.
        protocol_version = "HTTP/1.1"
        # Headers and body leave in separate writes; with Nagle on, each answer waits for a delayed ACK.
        disable_nagle_algorithm = True

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            split = urlsplit(self.path)
            query = {name: values[-1] for name, values in parse_qs(split.query, keep_blank_values=True).items()}
            request = Request(self.command, split.path, query, {k.lower(): v for k, v in self.headers.items()}, body)
            reply = respond(request)
            if reply is None:
                self.close_connection = True  # the server then shuts the socket: the client sees it drop
                return
            try:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                self.wfile.write(reply.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up waiting (a scripted delay past its timeout)

        do_GET = do_POST = do_PUT = do_DELETE = _serve

        def log_message(self, format: str, *args: Any) -> None:
            pass  # quiet: tests read `requests`, not stderr

    return Handler
