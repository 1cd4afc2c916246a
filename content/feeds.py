"""RSS 2.0 and Atom feeds built with feedgen from plain entries, so any layer can hand it what it publishes.

Correct by the specifications, not merely parseable: the RSS channel link is the site and atom:link rel=self
the feed; an Atom entry has an author (the feed's), a summary and content of type "html" (RFC 4287 knows no
"CDATA"); a picture travels as an RSS enclosure and an Atom rel=enclosure link; ids never change on an edit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    mime_type: str


@dataclass(frozen=True)
class FeedEntry:
    guid: str
    title: str
    link: str
    summary: str
    html: str
    published_at: datetime
    categories: tuple[str, ...] = ()
    updated_at: datetime | None = None
    picture: Enclosure | None = None


@dataclass(frozen=True)
class FeedInfo:
    title: str
    link: str
    self_url: str
    description: str
    author: str = ""
    language: str = "vi"
    hub: str = ""  # a WebSub hub the feed names, so readers can subscribe for pushed updates


def entry_id(host: str, created_on: str, number: int) -> str:
    """A tag: URI (RFC 4151) for a message: minted from what never changes, so an edit is not a new entry."""
    return f"tag:{host},{created_on}:message/{number}"


def _generator(info: FeedInfo, entries: Iterable[FeedEntry]) -> FeedGenerator:
    feed = FeedGenerator()
    feed.title(info.title)
    # feedgen takes the RSS channel <link> from the last link given: the site, never the feed itself.
    feed.link(href=info.self_url, rel="self")
    feed.link(href=info.link, rel="alternate")
    feed.id(info.self_url)
    feed.description(info.description)
    feed.subtitle(info.description)
    feed.author({"name": info.author or info.title, "uri": info.link})
    feed.language(info.language)
    ordered = sorted(entries, key=lambda e: (e.published_at, e.guid))
    if ordered:
        # The newest change's time, not the build time: an unchanged feed is byte-identical, so it caches.
        newest = max(e.updated_at or e.published_at for e in ordered)
        feed.lastBuildDate(newest)
        feed.updated(newest)
    else:
        # A fixed time, not feedgen's "now": an empty feed stays byte-identical too.
        feed.updated(datetime(2000, 1, 1, tzinfo=UTC))
    # feedgen prepends entries; feed them oldest first so the newest ends up on top.
    for item in ordered:
        entry = feed.add_entry()
        entry.id(item.guid)
        entry.guid(item.guid, permalink=False)
        entry.title(item.title)
        entry.link(href=item.link, rel="alternate", type="text/html")
        entry.description(item.summary or item.title)
        entry.summary(item.summary or item.title)
        entry.content(item.html, type="html")
        entry.published(item.published_at)
        entry.updated(item.updated_at or item.published_at)
        if item.picture:
            # Sets both the RSS <enclosure> and the Atom <link rel="enclosure">.
            entry.enclosure(item.picture.url, str(item.picture.length), item.picture.mime_type)
        for category in item.categories:
            entry.category(term=category)
    return feed


def build_rss(info: FeedInfo, entries: Iterable[FeedEntry]) -> bytes:
    return _hub_link(_generator(info, entries).rss_str(pretty=False), info.hub, rss=True)


def build_atom(info: FeedInfo, entries: Iterable[FeedEntry]) -> bytes:
    listed = list(entries)
    return _hub_link(_entry_links(_generator(info, listed).atom_str(pretty=False), listed), info.hub, rss=False)


def _hub_link(feed: bytes, hub: str, *, rss: bool) -> bytes:
    """Add <link rel="hub"> next to rel="self": WebSub discovery needs both (W3C WebSub §4).

    Written here, not through feedgen, which would take a third link as the RSS channel's <link>."""
    if not hub:
        return feed
    root = etree.fromstring(feed)
    parent = root.find("channel") if rss else root
    assert parent is not None
    link = etree.Element(f"{ATOM}link", href=hub, rel="hub")
    self_link = next((el for el in parent.iterfind(f"{ATOM}link") if el.get("rel") == "self"), None)
    if self_link is not None:
        self_link.addnext(link)
    else:
        parent.insert(0, link)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _entry_links(atom: bytes, entries: list[FeedEntry]) -> bytes:
    """Write each entry's links again: feedgen 1.0 drops an entry link's rel, type and length, so its
    enclosure would read as a second alternate page."""
    root = etree.fromstring(atom)
    by_id = {item.guid: item for item in entries}
    for entry in root.iterfind(f"{ATOM}entry"):
        item = by_id[entry.findtext(f"{ATOM}id")]
        for link in entry.findall(f"{ATOM}link"):
            entry.remove(link)
        etree.SubElement(entry, f"{ATOM}link", href=item.link, rel="alternate", type="text/html")
        if item.picture:
            etree.SubElement(entry, f"{ATOM}link", href=item.picture.url, rel="enclosure",
                             type=item.picture.mime_type, length=str(item.picture.length))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
