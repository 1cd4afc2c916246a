"""RSS feeds built with feedgen from plain entries, so any layer can hand it what it publishes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from feedgen.feed import FeedGenerator


@dataclass(frozen=True)
class FeedEntry:
    guid: str
    title: str
    link: str
    summary: str
    html: str
    published_at: datetime
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedInfo:
    title: str
    link: str
    self_url: str
    description: str
    language: str = "vi"


def _generator(info: FeedInfo, entries: Iterable[FeedEntry]) -> FeedGenerator:
    feed = FeedGenerator()
    feed.title(info.title)
    feed.link(href=info.link, rel="alternate")
    feed.link(href=info.self_url, rel="self")
    feed.id(info.self_url)
    feed.description(info.description)
    feed.language(info.language)
    ordered = sorted(entries, key=lambda e: e.published_at)
    if ordered:
        # The newest entry's time, not the build time: an unchanged feed is byte-identical, so it caches.
        feed.lastBuildDate(ordered[-1].published_at)
        feed.updated(ordered[-1].published_at)
    # feedgen prepends entries; feed them oldest first so the newest ends up on top.
    for item in ordered:
        entry = feed.add_entry()
        entry.id(item.guid)
        entry.guid(item.guid, permalink=False)
        entry.title(item.title)
        entry.link(href=item.link)
        entry.description(item.summary or item.title)
        entry.content(item.html, type="CDATA")
        entry.published(item.published_at)
        entry.updated(item.published_at)
        for category in item.categories:
            entry.category(term=category)
    return feed


def build_rss(info: FeedInfo, entries: Iterable[FeedEntry]) -> bytes:
    return _generator(info, entries).rss_str(pretty=False)


def build_atom(info: FeedInfo, entries: Iterable[FeedEntry]) -> bytes:
    return _generator(info, entries).atom_str(pretty=False)
