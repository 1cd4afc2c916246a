"""A local Graph API for one Facebook Page: POST /{version}/{page-id}/feed and /photos, GET .../feed,
and a post's figures: GET /{version}/{post-id}?fields=… and GET /{version}/{post-id}/insights?metric=….

Parameters (access_token included) may come in the query string, a form or JSON. Errors follow the
documented shape {"error": {"message", "type", "code", "error_subcode"?, "fbtrace_id"}}; throttling
uses code 32 (Page-level) with the X-Business-Use-Case-Usage header that Page tokens get; posting
the same message twice in a row is refused with code 506.
"""

from __future__ import annotations

import json
import re
import secrets
from datetime import datetime, timezone
from itertools import count
from typing import Any

from bench.fakes.server import FakeServer, Reply, Request

PATH = re.compile(r"^/(?P<version>v\d+\.\d+)/(?P<node>[^/]+)/(?P<edge>feed|photos)$")
POST_PATH = re.compile(r"^/(?P<version>v\d+\.\d+)/(?P<node>\d+_\d+)(?P<insights>/insights)?$")
# The post-level views metrics Graph knows; post_impressions* were retired in 2025 and answer code 100.
VIEW_METRICS = ("post_media_view", "post_total_media_view_unique")
MESSAGE_LIMIT = 63206
FORM_TYPES = ("application/x-www-form-urlencoded", "application/json", "multipart/form-data", "")


def graph_error(message: str, code: int, *, status: int = 400, subcode: int | None = None,
                type_: str = "OAuthException", headers: dict[str, str] | None = None) -> Reply:
    error: dict[str, Any] = {"message": message, "type": type_, "code": code, "fbtrace_id": secrets.token_urlsafe(8)}
    if subcode is not None:
        error["error_subcode"] = subcode
    return Reply.json({"error": error}, status=status, headers=headers)


class FakeFacebook(FakeServer):
    def __init__(self, page_id: str, page_token: str) -> None:
        super().__init__()
        self.page_id, self.page_token = page_id, page_token
        self.posts: list[dict[str, Any]] = []  # newest last
        self._ids = count(1)
        self.calls = 0
        # What the platform reports per post id: reactions, comments, shares and the views metrics.
        self.figures: dict[str, dict[str, int]] = {}

    def usage(self, *, regain_minutes: int = 0, call_count: int = 0) -> dict[str, str]:
        buc = {self.page_id: [{"type": "pages", "call_count": call_count, "total_cputime": 1, "total_time": 1,
                               "estimated_time_to_regain_access": regain_minutes}]}
        return {"X-Business-Use-Case-Usage": json.dumps(buc)}

    def throttled_reply(self, retry_after: int) -> Reply:
        # Graph has no Retry-After; the wait comes as whole minutes in the usage header.
        return self.throttle_reply(code=32, regain_minutes=max(1, round(retry_after / 60)))

    def throttle_reply(self, *, code: int = 32, regain_minutes: int = 0) -> Reply:
        return graph_error("(#32) Page request limit reached", code,
                           headers=self.usage(regain_minutes=regain_minutes, call_count=100))

    def error_reply(self, status: int) -> Reply:
        return graph_error("An unknown error has occurred.", 1, status=status)

    def bad_token_reply(self) -> Reply:
        return graph_error("Error validating access token: Session has expired on Sunday, 01-Jun-25 "
                           "01:00:00 PDT.", 190, subcode=463)

    def handle(self, request: Request) -> Reply:
        self.calls += 1
        if request.method == "GET" and POST_PATH.match(request.path):
            return self._read_post(request)
        match = PATH.match(request.path)
        if not match:
            return graph_error("Unknown path components: " + request.path, 2500)
        if request.method == "POST" and request.content_type not in FORM_TYPES:
            return graph_error("(#100) Unsupported content type", 100)
        params = request.params()
        token = params.get("access_token") or _bearer(request)
        if not token:
            return graph_error("An active access token must be used to query information about the current user.", 2500)
        if token != self.page_token:
            return graph_error("Invalid OAuth access token - Cannot parse access token", 190)
        if match["node"] != self.page_id:
            return graph_error(f"Unsupported post request. Object with ID '{match['node']}' does not exist, cannot "
                               "be loaded due to missing permissions, or does not support this operation.", 100,
                               subcode=33, type_="GraphMethodException")
        headers = self.usage(call_count=min(99, self.calls))
        if request.method == "GET" and match["edge"] == "feed":
            return self._list_feed(params, headers)
        if request.method != "POST":
            return graph_error("(#100) Unsupported method", 100)
        if match["edge"] == "feed":
            return self._publish(str(params.get("message") or ""), params.get("link"), None, headers)
        return self._publish_photo(params, headers)

    def _publish(self, message: str, link: str | None, photo_url: str | None, headers: dict[str, str]) -> Reply:
        if not message and not link and not photo_url:
            return graph_error("(#100) Missing message or attachment", 100)
        if len(message) > MESSAGE_LIMIT:
            return graph_error("(#100) Param message must be at most 63206 characters long", 100)
        if message and self.posts and self.posts[-1]["message"] == message:
            return graph_error("Duplicate status message", 506, subcode=1455006)
        post_id = f"{self.page_id}_{next(self._ids) + 880000}"
        post = {"id": post_id, "message": message, "link": link, "photo_url": photo_url,
                "created_time": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S+0000")}
        self.posts.append(post)
        if photo_url is None:
            return Reply.json({"id": post_id}, headers=headers)
        return Reply.json({"id": str(next(self._ids) + 550000), "post_id": post_id}, headers=headers)

    def _publish_photo(self, params: dict[str, Any], headers: dict[str, str]) -> Reply:
        url = str(params.get("url") or "")
        if not url:
            return graph_error("(#324) Requires upload file", 324)
        if not url.startswith(("http://", "https://")):
            return graph_error("(#100) url should represent a valid URL", 100)
        return self._publish(str(params.get("caption") or ""), None, url, headers)

    def _list_feed(self, params: dict[str, Any], headers: dict[str, str]) -> Reply:
        limit = int(params.get("limit") or 25)
        fields = str(params.get("fields") or "id,message,created_time").split(",")
        newest_first = list(reversed(self.posts))[:limit]
        data = [{name: post[name] for name in fields if post.get(name) is not None} for post in newest_first]
        return Reply.json({"data": data, "paging": {}}, headers=headers)


    def _read_post(self, request: Request) -> Reply:
        match = POST_PATH.match(request.path)
        assert match is not None
        params = request.params()
        token = params.get("access_token") or _bearer(request)
        if token != self.page_token:
            return graph_error("Invalid OAuth access token - Cannot parse access token", 190)
        post_id = match["node"]
        if not any(post["id"] == post_id for post in self.posts):
            return graph_error(f"Unsupported get request. Object with ID '{post_id}' does not exist, cannot be "
                               "loaded due to missing permissions, or does not support this operation.", 100,
                               subcode=33, type_="GraphMethodException")
        figures = self.figures.get(post_id, {})
        headers = self.usage(call_count=min(99, self.calls))
        if match["insights"]:
            names = [name for name in str(params.get("metric") or "").split(",") if name]
            unknown = [name for name in names if name not in VIEW_METRICS]
            if not names or unknown:
                return graph_error(f"(#100) The value must be a valid insights metric: {','.join(unknown)}", 100,
                                   type_="OAuthException")
            data = [{"name": name, "period": "lifetime", "values": [{"value": figures.get(name, 0)}],
                     "title": name, "id": f"{post_id}/insights/{name}/lifetime"} for name in names]
            return Reply.json({"data": data, "paging": {}}, headers=headers)
        body: dict[str, Any] = {"id": post_id}
        fields = str(params.get("fields") or "")
        if "reactions" in fields:
            body["reactions"] = {"data": [], "summary": {"total_count": figures.get("reactions", 0),
                                                         "viewer_reaction": "NONE"}}
        if "comments" in fields:
            body["comments"] = {"data": [], "summary": {"order": "ranked", "total_count": figures.get("comments", 0),
                                                        "can_comment": True}}
        if "shares" in fields and figures.get("shares"):  # Graph leaves `shares` out while nobody has shared
            body["shares"] = {"count": figures["shares"]}
        return Reply.json(body, headers=headers)


def _bearer(request: Request) -> str | None:
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() in ("bearer", "oauth") and value.strip() else None
