"""An HTTP session that only ever talks to public addresses: the address connected to is checked, not a name.

Checking a webhook's host name before sending is not enough: its DNS can answer a public address
to the check and 127.0.0.1 a moment later to the connection (DNS rebinding). So the check is made
on the socket itself, right after it connects and before a byte is sent (or a TLS handshake
begins): the peer address the operating system actually reached. TLS is untouched, so the
certificate is still verified against the host name in the URL.

Hosts the operator allows (LOA_WEBHOOK_ALLOWED_HOSTS) are matched by the URL's own host name.
Environment proxies are ignored: through a proxy the peer would be the proxy, and the check
would say nothing about where the request ends up.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from campaigns.destinations import is_allowed_host, is_public, refusal_for_address
from scheduler.channels.http import USER_AGENT


class DestinationRefused(Exception):
    """The connection reached an address Loa must not post to; the socket is already closed.

    Deliberately not an OSError: urllib3 and requests would wrap that into a retryable
    connection error, and a forbidden destination is final.
    """


class _PeerCheck:
    allowed_hosts: frozenset[str] = frozenset()
    host: str

    def _new_conn(self) -> socket.socket:
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        if is_allowed_host(self.host, self.allowed_hosts):
            return sock
        peer = ipaddress.ip_address(str(sock.getpeername()[0]).split("%", 1)[0])
        if not is_public(peer):
            sock.close()
            raise DestinationRefused(refusal_for_address(peer))
        return sock


class PublicOnlyAdapter(HTTPAdapter):
    """Connection pools whose every new connection passes the peer check."""

    def __init__(self, allowed_hosts: frozenset[str] = frozenset(), **kwargs: Any) -> None:
        self.allowed_hosts = allowed_hosts  # before super().__init__, which builds the pools
        super().__init__(**kwargs)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        attributes = {"allowed_hosts": self.allowed_hosts}
        http = type("PublicOnlyHTTPConnection", (_PeerCheck, HTTPConnection), attributes)
        https = type("PublicOnlyHTTPSConnection", (_PeerCheck, HTTPSConnection), attributes)
        self.poolmanager.pool_classes_by_scheme = {
            "http": type("PublicOnlyHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http}),
            "https": type("PublicOnlyHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https}),
        }


def public_only_session(allowed_hosts: frozenset[str] = frozenset()) -> requests.Session:
    """Like http.make_session (pooled, never retrying by itself), but connecting to public addresses only."""
    session = requests.Session()
    session.trust_env = False
    session.headers["User-Agent"] = USER_AGENT
    adapter = PublicOnlyAdapter(allowed_hosts, pool_connections=4, pool_maxsize=16, max_retries=0)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
