"""How a message page introduces itself to link previews and search engines: Open Graph, Twitter card, JSON-LD.

Everything comes from the stored public forms (names already masked) and every address is absolute, from the
configured base address, because Facebook and Zalo cache what they fetch and never see the visitor's Host.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from flask import current_app, url_for
from markupsafe import Markup

from content.media import media_file_name
from content.models import Message
from web.addresses import external_url

# Inside <script> only these three can end the element or open markup; as JSON escapes they stay the same text.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@dataclass(frozen=True)
class ShareCard:
    title: str
    description: str
    url: str
    image: str | None
    image_alt: str | None
    json_ld: Markup


def share_card(message: Message) -> ShareCard:
    public = message.current_revision
    url = external_url("portal.message", slug=message.slug)
    image = (external_url("media.file", name=media_file_name(message.image))
             if message.image is not None else None)
    description = public.public_summary or _first_words(public.public_title)
    data: dict[str, object] = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": public.public_title,
        "description": description, "url": url, "mainEntityOfPage": url, "inLanguage": "vi",
        "publisher": {"@type": "Organization", "name": current_app.config["SITE_NAME"],
                      "url": external_url("portal.index")},
    }
    if message.published_at is not None:
        data["datePublished"] = message.published_at.isoformat()
    if message.updated_at is not None:
        data["dateModified"] = message.updated_at.isoformat()
    if image:
        data["image"] = [image]
    return ShareCard(title=public.public_title, description=description, url=url, image=image,
                     image_alt=public.public_image_alt, json_ld=script_json(data))


def script_json(data: object) -> Markup:
    """JSON that can sit inside <script type="application/ld+json"> whatever text it carries."""
    return Markup(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE))


def _first_words(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def feed_links(endpoint: str, **values: Any) -> dict[str, str]:
    """This page's own feeds, which live beside it: <page>/feed.rss and <page>/feed.atom."""
    page = url_for(endpoint, **values).rstrip("/")
    return {"rss": f"{page}/feed.rss", "atom": f"{page}/feed.atom"}
