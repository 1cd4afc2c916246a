"""Queueing WebSub pings from the desk: an edit, review step or withdrawal of a message already on the feeds."""

from __future__ import annotations

from flask import current_app

from campaigns import websub
from content.models import Message
from web.addresses import public_base_url
from web.config import websub_hub
from web.database import get_db, now


def announce_change(message: Message) -> None:
    """In the caller's transaction, so the ping is queued if and only if the change is committed."""
    if websub_hub(current_app):
        websub.announce_change(get_db(), message, base_url=public_base_url(current_app), now=now())
