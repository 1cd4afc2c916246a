"""Telegram Bot API: post to a channel with sendMessage, or sendPhoto with a caption when there is an image.

Settings: `chat_id` (the channel's @username or numeric id). The API address is the operator's
(LOA_TELEGRAM_API_BASE), never a channel setting. The bot token is the channel's secret; it travels
in the URL path, as the Bot API requires, so no URL is ever put in an error message.
"""

from __future__ import annotations

from typing import Any

import requests

from scheduler.channels.contract import ChannelError, Outgoing
from scheduler.channels.http import DEFAULT_TIMEOUT, Timeout, call, json_body, make_session, scrub, status_error

API_BASE = "https://api.telegram.org"
PLATFORM = "Telegram"
TEXT_LIMIT = 4096  # sendMessage: text, 1-4096 characters
CAPTION_LIMIT = 1024  # sendPhoto: caption, 0-1024 characters


class TelegramChannel:
    def __init__(self, http: requests.Session | None = None, timeout: Timeout = DEFAULT_TIMEOUT, *,
                 api_base: str = API_BASE) -> None:
        self.http = http or make_session()
        self.timeout = timeout
        self.api_base = api_base.rstrip("/")

    def send(self, outgoing: Outgoing) -> str:
        token, chat_id = outgoing.secret, outgoing.settings.get("chat_id")
        if not token:
            raise ChannelError("Telegram: kênh chưa có mã bot (bot token). Quản trị viên cần nhập khóa bí mật.",
                               retryable=False, needs_attention=True)
        if not chat_id:
            raise ChannelError("Telegram: cấu hình kênh thiếu chat_id (tên @kênh hoặc mã số).",
                               retryable=False, needs_attention=True)
        method, payload = self._choose(outgoing, chat_id)
        response = call(self.http, "POST", f"{self.api_base}/bot{token}/{method}", platform=PLATFORM,
                        timeout=self.timeout, json=payload)
        body = json_body(response)
        if body and body.get("ok") is True and isinstance(body.get("result"), dict):
            return str(body["result"]["message_id"])
        raise self._error(response, body, token)

    @staticmethod
    def _choose(outgoing: Outgoing, chat_id: Any) -> tuple[str, dict[str, Any]]:
        # Variants are written within the limits elsewhere; cutting text here would publish
        # something nobody approved, so an over-long text is refused instead.
        text = outgoing.text_with_link()
        if not text.strip():
            raise ChannelError("Telegram: bài không có nội dung để gửi.", retryable=False)
        if outgoing.image_url and len(text) <= CAPTION_LIMIT:
            return "sendPhoto", {"chat_id": chat_id, "photo": outgoing.image_url, "caption": text}
        if len(text) <= TEXT_LIMIT:
            return "sendMessage", {"chat_id": chat_id, "text": text}
        raise ChannelError(
            f"Telegram: bài dài {len(text)} ký tự, vượt giới hạn {TEXT_LIMIT} ký tự của một tin nhắn. "
            "Hãy rút gọn biến thể cho kênh này.", retryable=False)

    @staticmethod
    def _error(response: requests.Response, body: dict[str, Any] | None, token: str) -> ChannelError:
        if body is None:
            return status_error(PLATFORM, response)
        code = int(body.get("error_code") or response.status_code)
        description = scrub(body.get("description"), token)
        parameters = body.get("parameters") or {}
        where = f"(mã {code}): {description}"
        if code == 429:
            retry_after = parameters.get("retry_after")
            return ChannelError(f"Telegram báo gửi quá nhanh {where}; sẽ thử lại sau.", retryable=True,
                                retry_after=float(retry_after) if retry_after is not None else None)
        if code in (401, 404):
            # 401: the token was revoked or mistyped; 404: the token is not even well-formed
            # (or LOA_TELEGRAM_API_BASE is wrong). Either way every send on this channel will fail the same way.
            return ChannelError(f"Telegram từ chối mã bot {where}. Quản trị viên cần kiểm tra lại mã bot.",
                                retryable=False, needs_attention=True)
        if code == 403:
            return ChannelError(f"Telegram không cho bot đăng vào kênh {where}. "
                                "Hãy thêm bot làm quản trị viên của kênh.", retryable=False, needs_attention=True)
        if "migrate_to_chat_id" in parameters:
            return ChannelError(f"Telegram: nhóm đã chuyển thành siêu nhóm, chat_id mới là "
                                f"{parameters['migrate_to_chat_id']} {where}.", retryable=False, needs_attention=True)
        if code == 400 and "chat not found" in description.lower():
            return ChannelError(f"Telegram không tìm thấy kênh theo chat_id đã cấu hình {where}.",
                                retryable=False, needs_attention=True)
        if code >= 500:
            return ChannelError(f"Telegram đang lỗi phía máy chủ {where}; sẽ thử lại.", retryable=True)
        return ChannelError(f"Telegram không nhận bài {where}.", retryable=False)
