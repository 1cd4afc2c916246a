"""A local Zalo OA Open API for articles: POST /v2.0/article/create, then /v2.0/article/verify;
GET /v2.0/article/getslice lists the OA's articles, newest first, with their views and shares.

The access token goes in an `access_token` header; bodies are JSON. Every answer is HTTP 200 with
{"error": 0, "message": "Success", "data": ...} or a negative `error` code: -216 invalid access
token, -32 rate limit reached, -214 article still being processed, -201 invalid parameters.
A normal article needs a title (1-150 characters), an author (1-50), a description (1-300), a
cover photo and a non-empty body.
"""

from __future__ import annotations

import secrets
from itertools import count
from typing import Any

from bench.fakes.server import FakeServer, Reply, Request

LIMITS = {"title": 150, "author": 50, "description": 300}


def zalo(error: int, message: str, data: Any = None) -> Reply:
    payload: dict[str, Any] = {"error": error, "message": message}
    if data is not None:
        payload["data"] = data
    return Reply.json(payload)


class FakeZalo(FakeServer):
    def __init__(self, access_token: str) -> None:
        super().__init__()
        self.access_token = access_token
        self.articles: dict[str, dict[str, Any]] = {}  # by the token create handed out
        self.published: dict[str, dict[str, Any]] = {}  # by article id, once verified
        self._processing_left = 0
        self._ids = count(1)
        # What Zalo reports per article id: total_view, total_share.
        self.figures: dict[str, dict[str, int]] = {}

    def throttled_reply(self, retry_after: int) -> Reply:
        return zalo(-32, "Your application reached limit call api")

    def error_reply(self, status: int) -> Reply:
        return Reply.text("<html><body>502 Bad Gateway</body></html>", status)

    def bad_token_reply(self) -> Reply:
        return zalo(-216, "Access token is invalid")

    def process_slowly(self, verifies: int) -> None:
        """The next `verifies` verify calls answer that the article is still being processed."""
        self._processing_left = verifies

    def handle(self, request: Request) -> Reply:
        if request.method == "GET" and request.path == "/v2.0/article/getslice":
            if request.headers.get("access_token") != self.access_token:
                return self.bad_token_reply()
            return self._slice(request.query)
        if request.method != "POST":
            return zalo(-201, "Method is not supported")
        if request.headers.get("access_token") != self.access_token:
            return self.bad_token_reply()
        if request.content_type != "application/json":
            return zalo(-201, "Content-Type must be application/json")
        try:
            payload = request.json()
        except ValueError:
            return zalo(-201, "Body is not valid JSON")
        if request.path == "/v2.0/article/create":
            return self._create(payload)
        if request.path == "/v2.0/article/verify":
            return self._verify(payload)
        return zalo(-201, "You currently access to an empty api")

    def _create(self, article: dict[str, Any]) -> Reply:
        if article.get("type") != "normal":
            return zalo(-201, "type is invalid")
        for name, limit in LIMITS.items():
            value = article.get(name)
            if not isinstance(value, str) or not 1 <= len(value) <= limit:
                return zalo(-201, f"{name} allow 1 to {limit} characters")
        cover = article.get("cover") or {}
        if cover.get("cover_type") != "photo" or not str(cover.get("photo_url", "")).startswith(("http://", "https://")):
            return zalo(-201, "cover.photo_url is invalid")
        body = article.get("body")
        if not isinstance(body, list) or not body or any(item.get("type") not in ("text", "image") for item in body):
            return zalo(-201, "body is invalid")
        if article.get("status", "show") not in ("show", "hide") or article.get("comment", "show") not in ("show", "hide"):
            return zalo(-201, "status is invalid")
        token = secrets.token_urlsafe(24)
        self.articles[token] = article
        return zalo(0, "Success", {"token": token})

    def _verify(self, payload: dict[str, Any]) -> Reply:
        token = payload.get("token")
        if token not in self.articles:
            return zalo(-201, "token is invalid")
        if self._processing_left > 0:
            self._processing_left -= 1
            return zalo(-214, "Article is being processed")
        article_id = next((key for key, value in self.published.items() if value is self.articles[token]), None)
        if article_id is None:
            article_id = f"{next(self._ids):04d}a1b2c3d4e5f6"
            self.published[article_id] = self.articles[token]
        return zalo(0, "Success", {"id": article_id})

    def _slice(self, query: dict[str, str]) -> Reply:
        try:
            offset, limit = int(query.get("offset", "0")), int(query.get("limit", "5"))
        except ValueError:
            return zalo(-201, "offset or limit is invalid")
        if query.get("type", "normal") not in ("normal", "video") or not 1 <= limit <= 10 or offset < 0:
            return zalo(-201, "offset, limit or type is invalid")
        newest_first = list(reversed(self.published.items()))
        medias = [{"id": article_id, "type": "normal", "title": article["title"], "status": "show",
                   "total_view": self.figures.get(article_id, {}).get("total_view", 0),
                   "total_share": self.figures.get(article_id, {}).get("total_share", 0),
                   "create_date": 1764640800000, "update_date": 1764640800000,
                   "thumb": article["cover"]["photo_url"], "link": f"https://zalo.me/oa/article/{article_id}"}
                  for article_id, article in newest_first[offset:offset + limit]]
        return zalo(0, "Success", {"medias": medias, "total": len(newest_first)})
