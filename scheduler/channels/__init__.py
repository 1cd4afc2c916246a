"""Connectors: one module per destination kind, behind one small protocol and an explicit registry."""

from __future__ import annotations

from collections.abc import Callable

from scheduler.channels.contract import ChannelError, Connector, Outgoing
from scheduler.channels.endpoints import Endpoints
from scheduler.channels.facebook import FacebookPage
from scheduler.channels.local import LocalPublication
from scheduler.channels.telegram import TelegramChannel
from scheduler.channels.webhook import SignedWebhook
from scheduler.channels.zalo import ZaloArticle

__all__ = ["REGISTRY", "ChannelError", "Connector", "ConnectorFactory", "Endpoints", "Outgoing"]

# Builds a connector from the operator's settings; never from a channel's, which admins type.
ConnectorFactory = Callable[[Endpoints], Connector]


def _local(endpoints: Endpoints) -> Connector:
    return LocalPublication()


def _facebook(endpoints: Endpoints) -> Connector:
    return FacebookPage(api_base=endpoints.facebook_api)


def _zalo(endpoints: Endpoints) -> Connector:
    return ZaloArticle(api_base=endpoints.zalo_api)


def _telegram(endpoints: Endpoints) -> Connector:
    return TelegramChannel(api_base=endpoints.telegram_api)


def _webhook(endpoints: Endpoints) -> Connector:
    return SignedWebhook(allowed_hosts=endpoints.webhook_allowed_hosts)


# Keyed by ChannelKind value, plus "station" for loudspeaker deliveries.
REGISTRY: dict[str, ConnectorFactory] = {
    "portal": _local,
    "feed": _local,
    "station": _local,
    "facebook": _facebook,
    "zalo": _zalo,
    "telegram": _telegram,
    "webhook": _webhook,
}
