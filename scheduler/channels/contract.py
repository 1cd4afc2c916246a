"""The contract between the dispatcher and a connector: what goes out, how a failure is reported.

Apart from the package's __init__ so that connector modules can import it while the registry in
__init__ imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class Outgoing:
    """Everything a connector needs to send one delivery; formatted before transmitting."""

    delivery_id: int
    idempotency_key: str
    title: str
    text: str
    html: str
    url: str
    settings: dict
    # Out of repr: an Outgoing that ends up in a log or a traceback must not carry the credential.
    secret: str | None = field(default=None, repr=False)  # decrypted just for this send
    image_url: str | None = None  # absolute URL of the message's image, for platforms that take one
    link: str | None = None  # the tracked short link for social posts; `url` when there is none

    @property
    def share_link(self) -> str:
        return self.link or self.url

    def text_with_link(self) -> str:
        """The text for platforms without a link field: the link appended unless the variant already has it."""
        link = self.share_link
        if not link or link in self.text:
            return self.text
        return f"{self.text.rstrip()}\n\n{link}"


class ChannelError(Exception):
    """A send that failed; says whether trying again can help and whether a human must look.

    A channel flagged for attention normally keeps its deliveries waiting for the fix; `final`
    fails this one for good all the same (it was aimed somewhere Loa must never send). `ambiguous`: the
    request may have reached the platform (the answer timed out or the connection dropped after it was
    written), so sending again could post twice where the platform cannot tell a repeat.
    """

    def __init__(self, text: str, *, retryable: bool, retry_after: float | None = None,
                 needs_attention: bool = False, final: bool = False, ambiguous: bool = False):
        super().__init__(text)
        self.retryable, self.retry_after, self.needs_attention = retryable, retry_after, needs_attention
        self.final, self.ambiguous = final, ambiguous


class Connector(Protocol):
    def send(self, outgoing: Outgoing) -> str | None:
        """Transmit; return the remote id, or None where the destination has none."""


@dataclass(frozen=True)
class PlatformReading:
    """What one read of a post's figures returned: metric name → value, all named by one API version."""

    api_version: str
    values: dict[str, float] = field(default_factory=dict)
