"""A WebSub hub's publish endpoint: takes `hub.mode=publish` with one or more `hub.url` as a form, answers 204.

A publish without a topic URL, or any other mode, is refused 400 the way hubs do. In a test:
`with WebSubHub() as hub: ...`, then `hub.published` (every topic URL taken, in order); script faults with
`hub.throttle(retry_after=…)`, `hub.fail()`, `hub.delay(seconds)` as with the other fakes.
"""

from __future__ import annotations

import threading
from urllib.parse import parse_qs

from bench.fakes.server import FakeServer, Reply, Request


class WebSubHub(FakeServer):
    def __init__(self) -> None:
        super().__init__()
        self.published: list[str] = []
        self._topics = threading.Lock()

    def throttled_reply(self, retry_after: int) -> Reply:
        return Reply.text("Too Many Requests", 429, headers={"Retry-After": str(retry_after)})

    def bad_token_reply(self) -> Reply:
        return Reply.text("Forbidden", 403)

    def handle(self, request: Request) -> Reply:
        if request.method != "POST" or request.content_type != "application/x-www-form-urlencoded":
            return Reply.text("publish with a form POST", 400)
        form = parse_qs(request.body.decode("utf-8"), keep_blank_values=True)
        topics = [url for url in form.get("hub.url", []) if url]
        if form.get("hub.mode") != ["publish"] or not topics:
            return Reply.text("hub.mode=publish and hub.url are required", 400)
        with self._topics:
            self.published.extend(topics)
        return Reply(204)
