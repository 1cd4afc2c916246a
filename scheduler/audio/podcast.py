"""A station's podcast: RSS with audio enclosures, so a smart-loudspeaker box or a phone app pulls the audio."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from feedgen.feed import FeedGenerator


@dataclass(frozen=True)
class Episode:
    guid: str
    title: str
    summary: str
    audio_url: str
    media_type: str
    # 0 until the audio has been made: RSS wants the byte length, and producing a week of audio just to
    # list it would make every poll of the feed synthesize minutes of speech.
    length: int
    seconds: int
    published_at: datetime


@dataclass(frozen=True)
class PodcastInfo:
    title: str
    link: str
    self_url: str
    description: str
    author: str


def build_podcast(info: PodcastInfo, episodes: Iterable[Episode]) -> bytes:
    feed = FeedGenerator()
    feed.load_extension("podcast")
    feed.title(info.title)
    feed.link(href=info.link, rel="alternate")
    feed.link(href=info.self_url, rel="self")
    feed.id(info.self_url)
    feed.description(info.description)
    feed.language("vi")
    feed.podcast.itunes_author(info.author)
    feed.podcast.itunes_summary(info.description)
    feed.podcast.itunes_category("Government")
    feed.podcast.itunes_explicit("no")
    # The feed sits behind a station's token: no directory should list it.
    feed.podcast.itunes_block(True)
    ordered = sorted(episodes, key=lambda e: (e.published_at, e.guid))
    if ordered:
        # The newest episode's time rather than the build time: an unchanged feed is byte-identical.
        feed.lastBuildDate(ordered[-1].published_at)
    # feedgen prepends entries; feed them oldest first so the newest ends up on top.
    for episode in ordered:
        entry = feed.add_entry()
        entry.id(episode.guid)
        entry.guid(episode.guid, permalink=False)
        entry.title(episode.title)
        entry.description(episode.summary)
        entry.enclosure(episode.audio_url, str(episode.length), episode.media_type)
        entry.published(episode.published_at)
        entry.podcast.itunes_duration(episode.seconds)
        entry.podcast.itunes_summary(episode.summary)
    return feed.rss_str(pretty=False)
