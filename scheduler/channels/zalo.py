"""Zalo Official Account: publish an article (POST /v2.0/article/create), then ask for its id (/article/verify).

Settings: `author` (shown under the title, at most 50 characters; default "Loa"),
`default_cover_url` (Zalo requires a cover photo; used when the message has no image),
and `verify_attempts` / `verify_interval` for how long to wait for Zalo to finish
processing the article. The OA access token is the channel's secret, sent in the `access_token`
header; the API address is the operator's (LOA_ZALO_API_BASE), never a channel setting. Zalo
answers HTTP 200 even on failure, with a negative `error` code in the body.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from html import escape
from typing import Any

import requests

from scheduler.channels.contract import ChannelError, Outgoing
from scheduler.channels.http import DEFAULT_TIMEOUT, Timeout, call, json_body, make_session, scrub, status_error

API_BASE = "https://openapi.zalo.me"
PLATFORM = "Zalo"
TITLE_LIMIT, AUTHOR_LIMIT, DESCRIPTION_LIMIT = 150, 50, 300

INVALID_TOKEN = {-216, -124}  # access token invalid; access token expired
RATE_LIMITED = -32  # "reached limit call api"; Zalo says nothing about when to come back
PROCESSING = -214  # the article is still being processed
NOT_ALLOWED = {-209, -212, -224}  # API not enabled for this app/OA, or the OA's plan lacks it
RATE_LIMIT_WAIT = 60.0


class ZaloArticle:
    def __init__(self, http: requests.Session | None = None, timeout: Timeout = DEFAULT_TIMEOUT, *,
                 sleep: Callable[[float], None] = time.sleep, api_base: str = API_BASE) -> None:
        self.http = http or make_session()
        self.timeout = timeout
        self.sleep = sleep
        self.api_base = api_base.rstrip("/")

    def send(self, outgoing: Outgoing) -> str:
        token = outgoing.secret
        if not token:
            raise ChannelError("Zalo: kênh chưa có access token của OA. Quản trị viên cần nhập khóa bí mật.",
                               retryable=False, needs_attention=True)
        article = self._article(outgoing)
        created = self._post(f"{self.api_base}/v2.0/article/create", article, token)
        article_token = (created.get("data") or {}).get("token")
        if not article_token:
            raise ChannelError("Zalo nhận bài nhưng không trả mã theo dõi (token); không rõ bài đã đăng chưa.",
                               retryable=False)
        return self._verify(str(article_token), token, outgoing.settings)

    def _article(self, outgoing: Outgoing) -> dict[str, Any]:
        author = str(outgoing.settings.get("author") or "Loa")
        cover = outgoing.image_url or outgoing.settings.get("default_cover_url")
        if len(author) > AUTHOR_LIMIT:
            raise ChannelError(f"Zalo: tên tác giả trong cấu hình kênh dài quá {AUTHOR_LIMIT} ký tự.",
                               retryable=False, needs_attention=True)
        if not cover:
            raise ChannelError("Zalo: bài viết trên OA bắt buộc có ảnh bìa; tin này không có ảnh và kênh chưa "
                               "cấu hình ảnh bìa mặc định (default_cover_url).", retryable=False)
        # Not cut to fit: a shortened title or summary would be text nobody approved.
        for label, value, limit in (("Tiêu đề", outgoing.title, TITLE_LIMIT),
                                    ("Phần tóm tắt", outgoing.text, DESCRIPTION_LIMIT)):
            if not value.strip() or len(value) > limit:
                raise ChannelError(f"Zalo: {label.lower()} dài {len(value)} ký tự, phải từ 1 đến {limit} ký tự. "
                                   "Hãy sửa biến thể cho kênh này.", retryable=False)
        body = [{"type": "text", "content": outgoing.html or escape(outgoing.text)}]
        link = escape(outgoing.share_link, quote=True)
        body.append({"type": "text", "content": f'<p>Xem chi tiết: <a href="{link}">{link}</a></p>'})
        return {
            "type": "normal",
            "title": outgoing.title,
            "author": author,
            "cover": {"cover_type": "photo", "photo_url": cover, "status": "show"},
            "description": outgoing.text,
            "body": body,
            "status": "show",
            "comment": "show",
        }

    def _verify(self, article_token: str, token: str, settings: dict[str, Any]) -> str:
        """Zalo processes a new article in the background; verify gives its id once it is done.

        The article exists from the moment create succeeded, so nothing that goes wrong here may
        lead to sending again (that would publish it twice): transient failures are waited out,
        and if Zalo is still processing after the last attempt the article's token is returned as
        the external id. A definite refusal is final and names the token so someone can look.
        """
        attempts = max(1, int(settings.get("verify_attempts") or 5))
        interval = float(settings.get("verify_interval", 2.0))
        for attempt in range(attempts):
            if attempt:
                self.sleep(interval)
            try:
                body = self._post(f"{self.api_base}/v2.0/article/verify", {"token": article_token}, token,
                                  still_processing_ok=True)
            except ChannelError as error:
                if error.retryable:
                    continue
                raise ChannelError(f"Zalo đã nhận bài (token {article_token}) nhưng không xác nhận được: {error}",
                                   retryable=False) from None
            data = body.get("data") or {}
            # Documented as data.id; some clients read data.article_id, so either is taken.
            article_id = data.get("id") or data.get("article_id")
            if body.get("error") == 0 and article_id:
                return str(article_id)
        return f"token:{article_token}"

    def _post(self, url: str, payload: dict[str, Any], token: str, *,
              still_processing_ok: bool = False) -> dict[str, Any]:
        response = call(self.http, "POST", url, platform=PLATFORM, timeout=self.timeout, json=payload,
                        headers={"access_token": token})
        body = json_body(response)
        if not response.ok or body is None or not isinstance(body.get("error"), int):
            raise status_error(PLATFORM, response)
        code = body["error"]
        if code == 0 or (still_processing_ok and code == PROCESSING):
            return body
        raise refusal(body, token)


def refusal(body: dict[str, Any], token: str, *, doing: str = "đăng bài",
            refused: str = "không nhận bài") -> ChannelError:
    """The error for a body whose `error` code is not 0 (Zalo answers HTTP 200 even then)."""
    code = body["error"]
    where = f"(mã {code}): {scrub(body.get('message'), token)}"
    if code in INVALID_TOKEN:
        return ChannelError(f"Zalo từ chối access token của OA {where}. Quản trị viên cần cấp lại token.",
                            retryable=False, needs_attention=True)
    if code == RATE_LIMITED:
        return ChannelError(f"Zalo báo gọi API quá giới hạn {where}; sẽ thử lại sau.", retryable=True,
                            retry_after=RATE_LIMIT_WAIT)
    if code in NOT_ALLOWED:
        return ChannelError(f"Zalo: OA hoặc ứng dụng chưa được phép {doing} qua API {where}.",
                            retryable=False, needs_attention=True)
    return ChannelError(f"Zalo {refused} {where}.", retryable=False)
