"""Reading back what a platform reports about a post Loa sent: the contract and the registry.

A reader returns the figures the platform gives now (a snapshot, never an increment), each under
the platform's own metric name, with the API version that named it: Meta renames and retires
metrics, so a figure without its name and version could not be compared later. A destination
kind with no reader (Telegram channels, webhooks, Loa's own pages) has no platform figure at all,
which pages show as "không có số liệu", never as 0.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from scheduler.channels.contract import PlatformReading
from scheduler.channels.endpoints import Endpoints
from scheduler.channels.facebook_metrics import FacebookPostMetrics
from scheduler.channels.zalo_metrics import ZaloArticleMetrics


class MetricsReader(Protocol):
    def read(self, external_id: str, *, secret: str | None, settings: dict[str, Any]) -> PlatformReading:
        """The post's figures now; raises ChannelError when the platform cannot answer."""


MetricsFactory = Callable[[Endpoints], MetricsReader]


def _facebook(endpoints: Endpoints) -> MetricsReader:
    return FacebookPostMetrics(api_base=endpoints.facebook_api)


def _zalo(endpoints: Endpoints) -> MetricsReader:
    return ZaloArticleMetrics(api_base=endpoints.zalo_api)


# Keyed by ChannelKind value, like the connectors' registry; the kinds absent here report nothing.
METRICS_REGISTRY: dict[str, MetricsFactory] = {
    "facebook": _facebook,
    "zalo": _zalo,
}


def metrics_reader(kind: str, endpoints: Endpoints) -> MetricsReader | None:
    """The reader for a destination kind, or None: that platform gives no figure ("not available")."""
    factory = METRICS_REGISTRY.get(kind)
    return factory(endpoints) if factory else None
