"""Where a webhook may post: never to this machine, the local network or any address that is not public.

A webhook URL is typed by an admin, so without this check Loa would post (signed, with its
delivery data) to whatever it is pointed at: its own loopback services, the cloud metadata
address 169.254.169.254, a router on 10.x. The same rule is applied when a channel is saved and
again when it sends (where the scheduler also checks the address it actually connected to).
Operators whose receivers do live on a private network name those hosts in
LOA_WEBHOOK_ALLOWED_HOSTS; the names are matched exactly, never by what they resolve to.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from urllib.parse import urlsplit

from content.wording import Text

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]

# IPv6 prefixes that carry an IPv4 address in their last 32 bits, so 64:ff9b::7f00:1 is 127.0.0.1.
_NAT64 = (ipaddress.IPv6Network("64:ff9b::/96"), ipaddress.IPv6Network("64:ff9b:1::/48"))

NOT_WEB = Text("Cần một địa chỉ đầy đủ bắt đầu bằng https:// (hoặc http://).")


def normalize_host(host: str) -> str:
    """A host as compared with the allowed list: lower case, no brackets or final dot, IPs in one spelling."""
    clean = host.strip().strip("[]").rstrip(".").lower()
    address = literal_address(clean)
    return str(address) if address is not None else clean


def parse_allowed_hosts(value: str | Iterable[str] | None) -> frozenset[str]:
    """LOA_WEBHOOK_ALLOWED_HOSTS as a set: a comma- or space-separated string, or a list from loa.cfg."""
    if not value:
        return frozenset()
    names = value.replace(",", " ").split() if isinstance(value, str) else value
    return frozenset(normalize_host(name) for name in names if str(name).strip())


def literal_address(host: str) -> IPAddress | None:
    """The address a host names by itself, in any spelling the system resolver accepts.

    Besides dotted quads and IPv6, inet_aton takes 2130706433, 0177.0.0.1, 0x7f.1 and 127.1 (all
    127.0.0.1), so those are read the same way here rather than slipping past as "names".
    """
    host = host.strip("[]")
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    if not host or not all(c.isalnum() or c == "." for c in host):
        return None
    try:
        return ipaddress.IPv4Address(socket.inet_aton(host))
    except OSError:
        return None


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if any(address in network for network in _NAT64):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    # The deprecated IPv4-compatible form ::a.b.c.d (but not :: and ::1, judged as themselves).
    if int(address) >> 32 == 0 and int(address) > 1:
        return ipaddress.IPv4Address(int(address))
    return None


def is_public(address: IPAddress) -> bool:
    """False for loopback, private, link-local, multicast, reserved, unspecified and shared addresses."""
    if isinstance(address, ipaddress.IPv6Address) and (inner := _embedded_ipv4(address)) is not None:
        return is_public(inner)
    return address.is_global and not (address.is_multicast or address.is_reserved or address.is_loopback
                                      or address.is_link_local or address.is_unspecified or address.is_private)


def refusal_for_address(address: IPAddress) -> Text:
    return Text("Địa chỉ nhận trỏ tới %(address)s, một địa chỉ nội bộ hoặc không công khai (máy này, mạng nội bộ, "
                "địa chỉ dành riêng); Loa không gửi tới đó. Nếu máy nhận thật sự nằm trong mạng nội bộ, người vận "
                "hành cần thêm tên máy vào LOA_WEBHOOK_ALLOWED_HOSTS.", address=address)


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for host, as text."""
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def resolver_within(seconds: float, resolve: Resolver = system_resolver) -> Resolver:
    """`resolve`, giving up after `seconds` (as if the name did not resolve).

    getaddrinfo has no timeout of its own and can hang for many seconds on a dead DNS server;
    a form save must not wait that long, and need not: the send checks again.
    """
    def bounded(host: str, port: int) -> list[str]:
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="loa-resolve")
        try:
            return pool.submit(resolve, host, port).result(timeout=seconds)
        except FutureTimeout:
            raise OSError(f"no answer for {host} within {seconds:g} s") from None
        finally:
            pool.shutdown(wait=False)  # a lookup still running ends on its own

    return bounded


def is_allowed_host(host: str, allowed_hosts: frozenset[str]) -> bool:
    return normalize_host(host) in allowed_hosts


def check_webhook_url(url: str, *, allowed_hosts: frozenset[str] = frozenset(),
                      resolve: Resolver | None = system_resolver) -> str | None:
    """Why Loa will not post to `url`, or None if it may.

    :param resolve: looks the name up; None checks only what the URL itself says (an address
        written as a number). A name that does not resolve is let through: it cannot reach
        anything now, and the send checks again.
    """
    try:
        parts = urlsplit(url.strip())
        host, port = parts.hostname, parts.port
    except ValueError:  # an unclosed [ in the host, a port that is not a number
        return NOT_WEB
    if parts.scheme not in ("http", "https") or not host:
        return NOT_WEB
    if parts.username is not None or parts.password is not None:
        return Text("Địa chỉ nhận không được chứa tên đăng nhập hay mật khẩu; hãy dùng khóa ký của kênh.")
    if is_allowed_host(host, allowed_hosts):
        return None
    address = literal_address(host)
    if address is not None:
        return None if is_public(address) else refusal_for_address(address)
    if resolve is None:
        return None
    try:
        found = resolve(host, port or (443 if parts.scheme == "https" else 80))
    except (OSError, UnicodeError):
        return None
    for text in found:
        resolved = ipaddress.ip_address(text.split("%", 1)[0])
        if not is_public(resolved):
            return refusal_for_address(resolved)
    return None
