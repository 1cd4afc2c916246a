"""Destinations Loa serves itself (portal, feeds, station scripts): the sent row is the publication."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scheduler.channels import Outgoing


class LocalPublication:
    """Nothing leaves the process: marking the delivery sent is what makes it visible."""

    def send(self, outgoing: Outgoing) -> str | None:
        return None
