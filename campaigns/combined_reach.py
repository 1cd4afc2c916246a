"""A range of people reached across channels: never one silent sum of different channels' figures.

Each channel's audiences overlap (a villager may hear the loudspeaker and read the portal), and the
channels' figures are of different kinds, so no sum of them is a count of people. What can honestly be
said is a range:

- at least the largest single channel's audience (everyone it reached was reached);
- at most the sum of all channels' audiences (if no one was reached twice), and never more than the
  people living in the area.

Each channel contributes one figure, chosen as its "people reached" (PEOPLE_METRICS); the choice is
stated on the page beside the range.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from campaigns.loudspeaker_reach import LISTENERS
from campaigns.models import ChannelKind
from campaigns.visits import VISITOR

# The one figure per channel counted as its people reached. The portal's is summed over days (visitor-days;
# a reader of two days counts twice), the loudspeakers' counts each area once over the period
# (campaigns.loudspeaker_reach.listeners_over); the area's population caps the sum where it overshoots.
PEOPLE_METRICS: dict[ChannelKind | None, str] = {
    ChannelKind.PORTAL: VISITOR,
    ChannelKind.FACEBOOK: "post_total_media_view_unique",
    ChannelKind.ZALO: "total_view",
    None: LISTENERS,  # the loudspeakers
}


@dataclass(frozen=True)
class Audience:
    """One channel's people-reached figure; `channel_key` names the channel's row on the page."""

    channel_key: str
    metric: str
    value: float


@dataclass(frozen=True)
class CombinedRange:
    """`low`/`high` None: no channel has a people figure. `population` None: the area's is unknown."""

    audiences: tuple[Audience, ...]
    largest: Audience | None
    total: float | None
    population: int | None
    low: float | None
    high: float | None

    @property
    def is_capped(self) -> bool:
        """Whether the population, not the sum of channels, sets the upper bound."""
        return self.population is not None and self.total is not None and self.population < self.total


def combined_range(audiences: Sequence[Audience], population: int | None) -> CombinedRange:
    """From the largest single audience to the smaller of their sum and the population.

    The lower bound never exceeds the upper: a day-summed figure can pass the population, and then both
    bounds are the population.
    """
    if not audiences:
        return CombinedRange((), None, None, population, None, None)
    largest = max(audiences, key=lambda a: a.value)
    total = sum(a.value for a in audiences)
    high = min(total, population) if population is not None else total
    return CombinedRange(tuple(audiences), largest, total, population, min(largest.value, high), high)
