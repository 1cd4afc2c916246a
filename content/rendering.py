"""The only path from user Markdown to HTML that may be shown: render once, sanitize once."""

from __future__ import annotations

import re
from functools import partial

import bleach
import markdown
from bleach.linkifier import LinkifyFilter

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
})
ALLOWED_ATTRIBUTES = {
    "a": ["href", "title", "rel"],
    "abbr": ["title"],
    "img": ["src", "alt", "title", "width", "height"],
    "th": ["align"],
    "td": ["align"],
}
# No javascript:, data: or vbscript: — a link either leaves for the web, mails, or dials.
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})
MARKDOWN_EXTENSIONS = ["tables", "fenced_code", "sane_lists"]
# bleach strips a <script> tag but keeps its text; drop such elements whole so no code shows as prose.
# Cosmetic only: bleach below remains the safety boundary for anything this misses.
_INVISIBLE_ELEMENTS = re.compile(
    r"<(script|style|template|iframe|object|noscript|svg|math)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)


def _external_links_are_nofollow(attrs: dict, new: bool = False) -> dict:
    href = attrs.get((None, "href"), "")
    if href.startswith(("http://", "https://")):
        attrs[(None, "rel")] = "nofollow noopener"
    return attrs


_cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_external_links_are_nofollow], skip_tags=["pre", "code"])],
)


def render_markdown(source: str) -> str:
    """Markdown → sanitized HTML. Everything that shows user text as HTML uses this output."""
    html = markdown.markdown(source, extensions=MARKDOWN_EXTENSIONS, output_format="html")
    return _cleaner.clean(_INVISIBLE_ELEMENTS.sub("", html))
