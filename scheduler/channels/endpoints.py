"""Where the connectors may send, fixed by the operator rather than by whoever edits a channel.

A channel's settings are typed by admins; if they could name the platform's API address, a
changed address would receive the channel's stored token (Telegram's travels in the URL path).
So the API bases come from operator settings (LOA_TELEGRAM_API_BASE, LOA_FACEBOOK_API_BASE,
LOA_ZALO_API_BASE: a proxy or a test double), and so do the private hosts webhooks may reach.
"""

from __future__ import annotations

from dataclasses import dataclass

from scheduler.channels import facebook, telegram, zalo


@dataclass(frozen=True)
class Endpoints:
    telegram_api: str = telegram.API_BASE
    facebook_api: str = facebook.API_BASE
    zalo_api: str = zalo.API_BASE
    # Normalized by campaigns.destinations.parse_allowed_hosts.
    webhook_allowed_hosts: frozenset[str] = frozenset()
