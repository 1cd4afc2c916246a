"""Connectors: one module per destination kind, behind one small protocol and an explicit registry."""

from __future__ import annotations

from scheduler.channels.contract import ChannelError, Connector, Outgoing
from scheduler.channels.facebook import FacebookPage
from scheduler.channels.local import LocalPublication
from scheduler.channels.telegram import TelegramChannel
from scheduler.channels.webhook import SignedWebhook
from scheduler.channels.zalo import ZaloArticle

__all__ = ["REGISTRY", "ChannelError", "Connector", "Outgoing"]

# Keyed by ChannelKind value, plus "station" for loudspeaker deliveries.
REGISTRY: dict[str, type[Connector]] = {
    "portal": LocalPublication,
    "feed": LocalPublication,
    "station": LocalPublication,
    "facebook": FacebookPage,
    "zalo": ZaloArticle,
    "telegram": TelegramChannel,
    "webhook": SignedWebhook,
}
