"""One feed answer for every feed: entries from published messages, absolute links from LOA_BASE_URL, 304 to pollers."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from flask import Response, current_app, request
from flask.typing import ResponseReturnValue

from content.feeds import Enclosure, FeedEntry, FeedInfo, build_atom, build_rss, entry_id
from content.media import media_file_name
from content.models import Message
from web.addresses import external_url
from web.config import websub_hub
from web.tracking import count_feed_fetch

FEED_SIZE = 50
DESCRIPTION = "Tin tuyên truyền an ninh, trật tự và gương người tốt, việc tốt."
FORMATS: dict[str, tuple[Callable[[FeedInfo, Iterable[FeedEntry]], bytes], str]] = {
    "rss": (build_rss, "application/rss+xml"),
    "atom": (build_atom, "application/atom+xml"),
}


def _picture(message: Message) -> Enclosure | None:
    if message.image is None:
        return None
    return Enclosure(url=external_url("media.file", name=media_file_name(message.image)), length=message.image.byte_size, mime_type=message.image.mime_type)


def feed_entry(message: Message) -> FeedEntry:
    link = external_url("portal.message", slug=message.slug)
    public = message.current_revision
    published = message.published_at or message.updated_at
    host = urlsplit(external_url("portal.index")).hostname or "localhost"
    return FeedEntry(
        guid=entry_id(host, message.created_at.strftime("%Y-%m-%d"), message.id),
        title=public.public_title, link=link, summary=public.public_summary, html=public.public_html,
        # Set with its first sent delivery, so a listed message has it; its last change stands in.
        published_at=published,
        # Approved and saved before it went out: an entry is never updated before it was published.
        updated_at=max(message.updated_at, published),
        categories=tuple(t.name for t in message.topics), picture=_picture(message))


def feed_response(messages: Iterable[Message], *, title: str, page_url: str, self_endpoint: str, fmt: str,
                  description: str = DESCRIPTION, **values: str) -> ResponseReturnValue:
    builder, mimetype = FORMATS[fmt]
    site = current_app.config["SITE_NAME"]
    info = FeedInfo(title=title, link=page_url, self_url=external_url(self_endpoint, **values),
                    description=description, author=site, hub=websub_hub(current_app))
    response = Response(builder(info, [feed_entry(m) for m in messages]), mimetype=mimetype)
    count_feed_fetch(request.path)  # after the build: a feed that fails to load is not a poll
    response.add_etag()
    # Readers poll feeds; an unchanged feed answers 304 with no body.
    return response.make_conditional(request)
