"""Addresses that fail before a request can reach anyone: nothing listening, or a listener that never accepts."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager


def refused_url() -> str:
    """An address on this machine where nothing listens: the connection is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@contextmanager
def unanswered_url() -> Iterator[str]:
    """An address whose listener never accepts and whose queue is full: a connect there times out.

    Linux drops a SYN while a listener's accept queue is full, so after filling the queue of a
    `listen(0)` socket the next connection waits for its connect timeout, as behind a dead firewall.
    """
    with ExitStack() as stack:
        listener = stack.enter_context(socket.socket())
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        for _ in range(3):
            filler = stack.enter_context(socket.socket())
            filler.setblocking(False)
            try:
                filler.connect(("127.0.0.1", port))
            except BlockingIOError:
                pass
        yield f"http://127.0.0.1:{port}"
