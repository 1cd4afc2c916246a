"""Facebook Page through the Graph API: a link post to /{page-id}/feed, or a photo post to /{page-id}/photos.

Settings: `page_id`. The Graph API's address and version are the operator's (LOA_FACEBOOK_API_BASE),
never a channel setting, so no admin can send the Page token anywhere else.
The Page access token is the channel's secret, sent in the POST body rather than the URL.
Graph errors arrive as {"error": {"message", "type", "code", "error_subcode", "fbtrace_id"}}.
When the answer to a post is lost, the Page's latest posts are read: a post with the same words made
since the attempt began is this one; otherwise the outcome stays unknown, for a person to settle.
"""

from __future__ import annotations

import json
import time
from datetime import datetime
from typing import Any

import requests

from scheduler.channels.contract import ChannelError, Outgoing
from scheduler.channels.http import DEFAULT_TIMEOUT, Timeout, call, json_body, make_session, scrub, status_error

API_BASE = "https://graph.facebook.com"
API_VERSION = "v25.0"
PLATFORM = "Facebook"
MESSAGE_LIMIT = 63206  # the longest a Page post's message may be

THROTTLED = {4, 17, 32, 613, 80001}  # app, user, Page, custom, Pages business-use-case limits
TEMPORARY = {1, 2, 341}  # unknown error, service down, application limit: "wait and retry"
POLICY_BLOCK = 368  # temporarily blocked for a policy violation: retrying soon only prolongs it
TOKEN = {102, 190}
PERMISSION = {3, 10}  # and 200-299
DUPLICATE = 506
# Calls made while throttled still count against the limit, so the first wait is generous.
THROTTLE_WAIT = 300.0
POLICY_WAIT = 3600.0
RECENT_POSTS = 10  # how far back to look for the post a duplicate error refers to
CLOCK_SKEW = 120.0  # seconds Facebook's clock may be behind ours when a post's time is compared with the send's


class FacebookPage:
    def __init__(self, http: requests.Session | None = None, timeout: Timeout = DEFAULT_TIMEOUT, *,
                 api_base: str = API_BASE, api_version: str = API_VERSION) -> None:
        self.http = http or make_session()
        self.timeout = timeout
        self.base = f"{api_base.rstrip('/')}/{api_version}"

    def send(self, outgoing: Outgoing) -> str:
        token, page_id = outgoing.secret, outgoing.settings.get("page_id")
        if not token:
            raise ChannelError("Facebook: kênh chưa có mã truy cập Trang (Page access token). "
                               "Quản trị viên cần nhập khóa bí mật.", retryable=False, needs_attention=True)
        if not page_id:
            raise ChannelError("Facebook: cấu hình kênh thiếu page_id.", retryable=False, needs_attention=True)
        edge, params, message = self._post_for(outgoing)
        started = time.time()
        try:
            response = call(self.http, "POST", f"{self.base}/{page_id}/{edge}", platform=PLATFORM,
                            timeout=self.timeout, data={**params, "access_token": token})
        except ChannelError as failure:
            # The answer was lost: the Page itself can say whether the post is there. If it is not (yet),
            # the outcome stays unknown; a person decides rather than Loa posting twice.
            found = self._recent_post(outgoing, page_id, message, since=started - CLOCK_SKEW) if failure.ambiguous else None
            if found is None:
                raise
            return found
        body = json_body(response)
        if response.ok and body and body.get("id"):
            # A photo post answers with the photo's id and the feed post's id; the post is what was published.
            return str(body.get("post_id") or body["id"])
        error = (body or {}).get("error")
        if isinstance(error, dict) and error.get("code") == DUPLICATE:
            return self._already_posted(outgoing, page_id, message, error)
        raise self._error(response, error, token)

    @staticmethod
    def _post_for(outgoing: Outgoing) -> tuple[str, dict[str, str], str]:
        """Which edge, its parameters, and the text Facebook will show as the post's message."""
        if outgoing.image_url:
            # A photo post has no link field; the link goes in the caption, where Facebook makes it clickable.
            caption = outgoing.text_with_link()
            edge, params, message = "photos", {"url": outgoing.image_url, "caption": caption}, caption
        else:
            edge, params, message = "feed", {"message": outgoing.text, "link": outgoing.share_link}, outgoing.text
        if len(message) > MESSAGE_LIMIT:
            raise ChannelError(f"Facebook: bài dài {len(message)} ký tự, vượt giới hạn {MESSAGE_LIMIT} ký tự. "
                               "Hãy rút gọn biến thể cho kênh này.", retryable=False)
        return edge, params, message

    def _already_posted(self, outgoing: Outgoing, page_id: str, message: str, error: dict[str, Any]) -> str:
        """Facebook refuses a post identical to the one just before it (506).

        That happens when an earlier attempt did reach Facebook but its answer was lost (a timeout, a
        worker killed mid-send). The earlier post is then among the Page's latest: record its id as
        this delivery's. If it cannot be found the error is final rather than retryable: retrying
        cannot succeed, and changing the text to get past the check would post the message twice.
        """
        found = self._recent_post(outgoing, page_id, message)
        if found is not None:
            return found
        detail = scrub(error.get("message"), outgoing.secret)
        raise ChannelError(
            f"Facebook báo bài trùng với bài vừa đăng trên Trang (mã {DUPLICATE}): {detail}. "
            "Không tìm thấy bài đó trong các bài mới nhất nên không gửi lại, để tránh đăng hai lần; "
            "hãy kiểm tra Trang.", retryable=False)

    def _recent_post(self, outgoing: Outgoing, page_id: str, message: str, *, since: float | None = None) -> str | None:
        """The id of a post among the Page's latest whose text is exactly `message`; None if none (or no answer).

        :param since: only a post created after this (unix time) counts: the same words posted last week
            for another delivery must not pass for this one.
        """
        fields = "id,message" if since is None else "id,message,created_time"
        try:
            response = call(self.http, "GET", f"{self.base}/{page_id}/feed", platform=PLATFORM,
                            timeout=self.timeout,
                            params={"fields": fields, "limit": RECENT_POSTS, "access_token": outgoing.secret})
        except ChannelError:
            return None
        posts = ((json_body(response) or {}).get("data") or []) if response.ok else []
        for post in posts:
            if not isinstance(post, dict) or (post.get("message") or "").strip() != message.strip() or not post.get("id"):
                continue
            if since is None or (_created_at(post) or 0.0) >= since:
                return str(post["id"])
        return None

    @staticmethod
    def _error(response: requests.Response, error: Any, token: str) -> ChannelError:
        if not isinstance(error, dict) or not isinstance(error.get("code"), int):
            return status_error(PLATFORM, response)
        code, subcode = error["code"], error.get("error_subcode")
        where = f"(mã {code}{f'/{subcode}' if subcode else ''}): {scrub(error.get('message'), token)}"
        if code in THROTTLED:
            wait = _regain_access_seconds(response) or THROTTLE_WAIT
            return ChannelError(f"Facebook tạm chặn vì gọi quá nhiều {where}; sẽ thử lại sau.",
                                retryable=True, retry_after=wait)
        if code in TOKEN:
            return ChannelError(f"Facebook từ chối mã truy cập của Trang {where}. "
                                "Quản trị viên cần cấp lại mã truy cập.", retryable=False, needs_attention=True)
        if code in PERMISSION or 200 <= code <= 299:
            return ChannelError(f"Facebook: ứng dụng thiếu quyền đăng lên Trang {where}. "
                                "Quản trị viên cần cấp lại quyền.", retryable=False, needs_attention=True)
        if code == POLICY_BLOCK:
            return ChannelError(f"Facebook tạm khóa đăng bài vì vi phạm chính sách {where}.",
                                retryable=True, retry_after=POLICY_WAIT)
        if code in TEMPORARY or response.status_code >= 500:
            return ChannelError(f"Facebook đang lỗi tạm thời {where}; sẽ thử lại.", retryable=True)
        return ChannelError(f"Facebook không nhận bài {where}.", retryable=False)


def _created_at(post: dict[str, Any]) -> float | None:
    """A Graph post's created_time ("2026-11-23T01:00:00+0000") as unix time; None when absent or unreadable."""
    try:
        return datetime.strptime(str(post.get("created_time")), "%Y-%m-%dT%H:%M:%S%z").timestamp()
    except ValueError:
        return None


def _regain_access_seconds(response: requests.Response) -> float | None:
    """The longest `estimated_time_to_regain_access` (minutes) in X-Business-Use-Case-Usage, in seconds.

    Page access tokens fall under business-use-case limits, whose header carries this estimate;
    X-App-Usage only gives percentages, so it cannot say how long to wait.
    """
    try:
        usage = json.loads(response.headers.get("X-Business-Use-Case-Usage") or "{}")
    except ValueError:
        return None
    minutes = [
        entry.get("estimated_time_to_regain_access")
        for entries in (usage.values() if isinstance(usage, dict) else [])
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict)
    ]
    longest = max((m for m in minutes if isinstance(m, (int, float)) and m > 0), default=None)
    return float(longest) * 60 if longest is not None else None
