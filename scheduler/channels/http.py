"""What every HTTP connector shares: a session, a timeout on every call, transport failures as retryable errors.

Retrying is the dispatcher's job (with backoff, across ticks and workers), so sessions here never
retry on their own: a hidden retry inside `requests` could post the same message twice.
"""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import MaxRetryError, ProtocolError, ReadTimeoutError, SSLError

from scheduler.channels.contract import ChannelError

Timeout = float | tuple[float, float]

# (connect, read): a platform that has not accepted the connection in 3 s is not going to; one that
# has accepted it may take a while to store a post with an image.
DEFAULT_TIMEOUT: tuple[float, float] = (3.05, 15.0)
USER_AGENT = "Loa/0.1 (campaign dispatcher)"
PLATFORM_TEXT_LIMIT = 300
MAX_RETRY_AFTER = 24 * 3600.0  # how much of a platform's own error message is kept
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def make_session() -> requests.Session:
    """A session with connection pooling and no automatic retries."""
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    adapter = HTTPAdapter(pool_connections=4, pool_maxsize=16, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def describe_timeout(timeout: Timeout) -> str:
    if isinstance(timeout, tuple):
        return f"kết nối {timeout[0]:g} s, chờ trả lời {timeout[1]:g} s"
    return f"{timeout:g} s"


def reached_platform(error: requests.RequestException) -> bool:
    """Whether the request may have reached the platform before `error`: its outcome is then unknown.

    urllib3 draws the line (urllib3.util.retry.Retry `_is_connection_error` / `_is_read_error`): a
    ConnectTimeoutError (which NewConnectionError and NameResolutionError extend: refused, unreachable,
    unknown name) means "fairly sure the server did not receive the request"; a ReadTimeoutError or a
    ProtocolError (connection reset or closed after the request was written, RemoteDisconnected) comes
    "after the request has been started". Our sessions never retry, so urllib3 re-raises the read
    errors as they are, and requests wraps them in ReadTimeout or ConnectionError; connect failures
    come wrapped in a MaxRetryError. Failures while reading the body (ChunkedEncodingError,
    ContentDecodingError, or requests' ConnectionError/SSLError around a body read) come after the
    status line: the platform answered, Loa just cannot read what. A TLS handshake failure arrives as a
    MaxRetryError around an SSLError: nothing was sent.
    """
    if isinstance(error, requests.ConnectTimeout):
        return False
    if isinstance(error, (requests.ReadTimeout, requests.exceptions.ChunkedEncodingError,
                          requests.exceptions.ContentDecodingError)):
        return True
    cause = error.args[0] if error.args else None
    if isinstance(cause, MaxRetryError):  # failed on the way in, unless read retries ran out
        return isinstance(cause.reason, (ReadTimeoutError, ProtocolError))
    # Raised as is: after the request was written, or while its answer's body was being read.
    return isinstance(cause, (ReadTimeoutError, ProtocolError, SSLError))


def call(session: requests.Session, method: str, url: str, *, platform: str, timeout: Timeout,
         repeatable: bool = False, **kwargs: Any) -> requests.Response:
    """One HTTP call with a timeout; transport failures come back as ChannelError.

    A failure after the request may have reached the platform is `ambiguous`: whether sending again
    is safe depends on the platform telling a repeat, which the dispatcher decides. Not so for a
    read (GET), nor for a request the caller says does no harm twice (`repeatable`, e.g. a WebSub ping).
    Errors are raised `from None`: the requests exception names the URL, and Telegram puts the bot
    token in the URL, so chaining it would leak the token into any logged traceback.
    """
    try:
        return session.request(method, url, timeout=timeout, **kwargs)
    except (requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
            requests.exceptions.InvalidSchema):
        raise ChannelError(
            f"{platform}: địa chỉ gửi không hợp lệ (địa chỉ nhận của kênh, hoặc địa chỉ API do người vận hành "
            "cấu hình).", retryable=False, needs_attention=True
        ) from None
    except requests.RequestException as error:
        if reached_platform(error):
            if repeatable or method.upper() in SAFE_METHODS:
                raise ChannelError(f"{platform}: {_lost_answer(error, timeout)}; sẽ thử lại.", retryable=True) from None
            raise _unknown_outcome(platform, error, timeout) from None
        if isinstance(error, requests.Timeout):
            raise ChannelError(f"{platform}: quá thời gian chờ kết nối ({describe_timeout(timeout)}); "
                               "chưa gửi được gì, sẽ thử lại.", retryable=True) from None
        if isinstance(error, requests.ConnectionError):
            raise ChannelError(f"{platform}: không kết nối được tới máy chủ; chưa gửi được gì, sẽ thử lại.",
                               retryable=True) from None
        raise ChannelError(f"{platform}: lỗi đường truyền; sẽ thử lại.", retryable=True) from None


def _lost_answer(error: requests.RequestException, timeout: Timeout) -> str:
    if isinstance(error, requests.Timeout):
        return f"đã gửi đi nhưng quá thời gian chờ trả lời ({describe_timeout(timeout)})"
    return "đã gửi đi nhưng kết nối bị ngắt trước khi có trả lời"


def _unknown_outcome(platform: str, error: requests.RequestException, timeout: Timeout) -> ChannelError:
    return ChannelError(f"{platform}: {_lost_answer(error, timeout)}, nên không biết bài đã lên hay chưa. "
                        f"Cần người xem trên {platform}: "
                        "bài đã lên thì bấm “Bài đã lên”, chưa có thì bấm “Gửi lại”.", retryable=True, ambiguous=True)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: either delay-seconds or an HTTP-date (RFC 9110 §10.2.3).

    At most a day: the header comes from a server we don't control, and a wait of 10**20 seconds would
    overflow the next attempt's time and fail the send's bookkeeping; after a day Loa simply asks again.
    """
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return min(max(0.0, when.timestamp() - (time.time() if now is None else now)), MAX_RETRY_AFTER)


def json_body(response: requests.Response) -> dict[str, Any] | None:
    """The response's JSON object, or None when it has none (an HTML error page from a proxy, say)."""
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def scrub(text: object, secret: str | None) -> str:
    """A platform's message made safe to store: no credential in it, and not too long."""
    clean = str(text or "").strip()
    if secret:
        clean = clean.replace(secret, "••••••")
    if len(clean) > PLATFORM_TEXT_LIMIT:
        clean = clean[: PLATFORM_TEXT_LIMIT - 1] + "…"
    return clean


def status_error(platform: str, response: requests.Response, detail: str = "") -> ChannelError:
    """The error for an HTTP status when the platform's body said nothing more specific."""
    status = response.status_code
    suffix = f": {detail}" if detail else ""
    retry_after = parse_retry_after(response.headers.get("Retry-After"))
    if status == 429:
        return ChannelError(f"{platform} báo gửi quá nhanh (HTTP 429){suffix}; sẽ thử lại sau.",
                            retryable=True, retry_after=retry_after)
    if status >= 500 or status == 408:
        return ChannelError(f"{platform} đang lỗi phía máy chủ (HTTP {status}){suffix}; sẽ thử lại.",
                            retryable=True, retry_after=retry_after)
    if status in (401, 403):
        return ChannelError(f"{platform} từ chối thông tin xác thực của kênh (HTTP {status}){suffix}. "
                            "Quản trị viên cần kiểm tra lại khóa bí mật.", retryable=False, needs_attention=True)
    return ChannelError(f"{platform} không nhận bài (HTTP {status}){suffix}.", retryable=False)
