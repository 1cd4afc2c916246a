"""A local Telegram Bot API: sendMessage and sendPhoto as documented at core.telegram.org/bots/api.

Requests go to /bot<token>/<method>; parameters may come in the query string, a form or JSON.
Every answer is {"ok": true, "result": ...} or {"ok": false, "error_code", "description",
"parameters"?} with the HTTP status equal to error_code. A well-formed but unknown token is 401
Unauthorized; a path whose token is not even well-formed is 404 Not Found.
"""

from __future__ import annotations

import re
import time
from itertools import count
from typing import Any

from bench.fakes.server import FakeServer, Reply, Request

TOKEN_SHAPE = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")
PATH = re.compile(r"^/bot(?P<token>[^/]+)/(?P<method>[A-Za-z]+)$")
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024


def failure(code: int, description: str, **parameters: Any) -> Reply:
    payload: dict[str, Any] = {"ok": False, "error_code": code, "description": description}
    if parameters:
        payload["parameters"] = parameters
    return Reply.json(payload, status=code)


class FakeTelegram(FakeServer):
    def __init__(self, token: str, chats: dict[str, int]) -> None:
        """:param chats: the channels the bot may post to, by @username, each with its numeric id."""
        super().__init__()
        self.token = token
        self.chats = chats
        self.sent: list[dict[str, Any]] = []  # every message the bot posted, as the result object
        self._ids = count(101)

    def throttled_reply(self, retry_after: int) -> Reply:
        return failure(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)

    def error_reply(self, status: int) -> Reply:
        return failure(status, "Internal Server Error")

    def bad_token_reply(self) -> Reply:
        return failure(401, "Unauthorized")

    def handle(self, request: Request) -> Reply:
        match = PATH.match(request.path)
        if not match or not TOKEN_SHAPE.match(match["token"]):
            return failure(404, "Not Found")
        if match["token"] != self.token:
            return failure(401, "Unauthorized")
        if request.method not in ("GET", "POST"):
            return failure(405, "Method Not Allowed")
        if request.body and request.content_type not in ("application/json", "application/x-www-form-urlencoded"):
            return failure(400, "Bad Request: unsupported content type")  # multipart is not needed here
        params = request.params()
        method = match["method"].lower()  # methods are case-insensitive
        if method == "sendmessage":
            return self._send_message(params)
        if method == "sendphoto":
            return self._send_photo(params)
        return failure(404, "Not Found")

    def _chat(self, params: dict[str, Any]) -> dict[str, Any] | Reply:
        chat_id = str(params.get("chat_id") or "")
        if not chat_id:
            return failure(400, "Bad Request: chat_id is empty")
        for username, numeric in self.chats.items():
            if chat_id in (username, str(numeric)):
                return {"id": numeric, "title": username.lstrip("@"), "username": username.lstrip("@"), "type": "channel"}
        return failure(400, "Bad Request: chat not found")

    def _post(self, chat: dict[str, Any], **content: Any) -> Reply:
        message = {"message_id": next(self._ids), "date": int(time.time()), "chat": chat, **content}
        self.sent.append(message)
        return Reply.json({"ok": True, "result": message})

    def _send_message(self, params: dict[str, Any]) -> Reply:
        chat = self._chat(params)
        if isinstance(chat, Reply):
            return chat
        text = str(params.get("text") or "")
        if not text.strip():
            return failure(400, "Bad Request: message text is empty")
        if len(text) > TEXT_LIMIT:
            return failure(400, "Bad Request: message is too long")
        return self._post(chat, text=text)

    def _send_photo(self, params: dict[str, Any]) -> Reply:
        chat = self._chat(params)
        if isinstance(chat, Reply):
            return chat
        photo = str(params.get("photo") or "")
        if not photo:
            return failure(400, "Bad Request: there is no photo in the request")
        if not photo.startswith(("http://", "https://")):
            return failure(400, "Bad Request: wrong remote file identifier specified: Wrong string length")
        caption = str(params.get("caption") or "")
        if len(caption) > CAPTION_LIMIT:
            return failure(400, "Bad Request: message caption is too long")
        size = {"file_id": f"AgAC{len(self.sent)}", "file_unique_id": f"AQAD{len(self.sent)}", "width": 1280, "height": 720}
        return self._post(chat, photo=[size], caption=caption)
