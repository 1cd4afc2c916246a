"""A Zalo OA article's views and shares, from the OA's article list (GET /v2.0/article/getslice).

The list gives `total_view` and `total_share` for each article; the article detail call
(/article/getdetail) gives its content but no figure, so the list is read, newest first, until the
article is found. Only the most recent pages are searched: an article older than that is not found,
and nothing is recorded for it (no figure, rather than a 0 the platform never said).
An article whose id Zalo never confirmed (external id `token:…`) cannot be looked up either.
"""

from __future__ import annotations

from typing import Any

import requests

from scheduler.channels.contract import ChannelError, PlatformReading
from scheduler.channels.http import DEFAULT_TIMEOUT, Timeout, call, json_body, make_session, status_error
from scheduler.channels.zalo import API_BASE, PLATFORM, refusal

API_VERSION = "v2.0"
PAGE_SIZE = 10  # the most getslice returns at once
PAGES = 5
FIGURES = ("total_view", "total_share")


class ZaloArticleMetrics:
    def __init__(self, http: requests.Session | None = None, timeout: Timeout = DEFAULT_TIMEOUT, *,
                 api_base: str = API_BASE) -> None:
        self.http = http or make_session()
        self.timeout = timeout
        self.api_base = api_base.rstrip("/")

    def read(self, external_id: str, *, secret: str | None, settings: dict[str, Any]) -> PlatformReading:
        if not secret:
            raise ChannelError("Zalo: kênh chưa có access token của OA.", retryable=False, needs_attention=True)
        if external_id.startswith("token:"):
            return PlatformReading(api_version=API_VERSION)
        for page in range(PAGES):
            medias, total = self._slice(page * PAGE_SIZE, secret)
            for media in medias:
                if isinstance(media, dict) and str(media.get("id")) == external_id:
                    return PlatformReading(api_version=API_VERSION, values={
                        name: float(media[name]) for name in FIGURES if isinstance(media.get(name), (int, float))
                    })
            if not medias or (page + 1) * PAGE_SIZE >= total:
                break
        return PlatformReading(api_version=API_VERSION)

    def _slice(self, offset: int, token: str) -> tuple[list[Any], int]:
        response = call(self.http, "GET", f"{self.api_base}/{API_VERSION}/article/getslice", platform=PLATFORM,
                        timeout=self.timeout, headers={"access_token": token},
                        params={"offset": str(offset), "limit": str(PAGE_SIZE), "type": "normal"})
        body = json_body(response)
        if not response.ok or body is None or not isinstance(body.get("error"), int):
            raise status_error(PLATFORM, response)
        if body["error"] != 0:
            raise refusal(body, token, doing="đọc số liệu bài viết", refused="không trả số liệu bài viết")
        data = body.get("data") or {}
        medias = data.get("medias") if isinstance(data, dict) else None
        total = data.get("total") if isinstance(data, dict) else None
        return (medias if isinstance(medias, list) else []), (total if isinstance(total, int) else 0)
