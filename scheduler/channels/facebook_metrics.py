"""A Page post's figures from the Graph API: reactions, comments and shares, and its views.

Counts come from the post node (`GET /{post-id}?fields=shares,reactions.summary(total_count).limit(0),
comments.summary(total_count).limit(0)`; `shares` is absent while nobody has shared), views from
`GET /{post-id}/insights`. The views metrics are the ones Meta named when it retired
`post_impressions*` in 2025 (post_total_media_view_unique is the documented alternative to
post_impressions_unique); when a later version retires them too, Graph answers code 100 for the
insights call, and the counts are still kept rather than the whole read failing.
The Page token travels in an Authorization header, never in the URL.
"""

from __future__ import annotations

from typing import Any

import requests

from scheduler.channels.contract import ChannelError, PlatformReading
from scheduler.channels.facebook import API_BASE, API_VERSION, PLATFORM, FacebookPage
from scheduler.channels.http import DEFAULT_TIMEOUT, Timeout, call, json_body, make_session

COUNT_FIELDS = "shares,reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0)"
VIEW_METRICS = ("post_media_view", "post_total_media_view_unique")
INVALID_METRIC = 100


class FacebookPostMetrics:
    def __init__(self, http: requests.Session | None = None, timeout: Timeout = DEFAULT_TIMEOUT, *,
                 api_base: str = API_BASE, api_version: str = API_VERSION) -> None:
        self.http = http or make_session()
        self.timeout = timeout
        self.api_version = api_version
        self.base = f"{api_base.rstrip('/')}/{api_version}"

    def read(self, external_id: str, *, secret: str | None, settings: dict[str, Any]) -> PlatformReading:
        if not secret:
            raise ChannelError("Facebook: kênh chưa có mã truy cập Trang (Page access token).",
                               retryable=False, needs_attention=True)
        post = self._get(f"{self.base}/{external_id}", {"fields": COUNT_FIELDS}, secret)
        values: dict[str, float] = {
            "reactions": _summary_count(post.get("reactions")),
            "comments": _summary_count(post.get("comments")),
            "shares": float((post.get("shares") or {}).get("count") or 0),
        }
        try:
            insights = self._get(f"{self.base}/{external_id}/insights", {"metric": ",".join(VIEW_METRICS)}, secret)
        except _InvalidMetric:
            insights = {}
        for entry in insights.get("data") or []:
            if not isinstance(entry, dict) or entry.get("name") not in VIEW_METRICS:
                continue
            latest = (entry.get("values") or [{}])[-1]
            if isinstance(latest, dict) and isinstance(latest.get("value"), (int, float)):
                values[str(entry["name"])] = float(latest["value"])
        return PlatformReading(api_version=self.api_version, values=values)

    def _get(self, url: str, params: dict[str, str], token: str) -> dict[str, Any]:
        response = call(self.http, "GET", url, platform=PLATFORM, timeout=self.timeout, params=params,
                        headers={"Authorization": f"Bearer {token}"})
        body = json_body(response)
        if response.ok and body is not None and "error" not in body:
            return body
        error = (body or {}).get("error")
        if url.endswith("/insights") and isinstance(error, dict) and error.get("code") == INVALID_METRIC:
            raise _InvalidMetric()
        raise FacebookPage._error(response, error, token)


class _InvalidMetric(Exception):
    """Graph no longer knows the views metric asked for (retired in this version)."""


def _summary_count(edge: Any) -> float:
    summary = edge.get("summary") if isinstance(edge, dict) else None
    count = summary.get("total_count") if isinstance(summary, dict) else None
    return float(count) if isinstance(count, (int, float)) else 0.0
