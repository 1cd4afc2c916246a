"""The only path from user Markdown to HTML that may be shown: render once, sanitize once, in linear time.

Markdown is parsed by cmark-gfm (GitHub's C CommonMark parser, built and fuzzed to run in time linear in
its input) and the HTML is cleaned by ammonia (nh3, Rust, html5ever's parser). Python-Markdown and bleach,
used before, are quadratic on inputs an editor can paste (80 KB of "[a](" rendered for minutes).

One cost is not linear: html5ever checks the stack of open elements at each tag, so HTML nested N deep
costs N² to clean. `measure_markdown` gives that depth, and the element and link counts, before anything
is cleaned; `content.markdown_bounds` refuses input past the limits, and `render_markdown` itself shows
such input as plain text rather than spend seconds on it (stored text from before the limits).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "dl", "dt", "em", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
})
# `rel` is Loa's to set (below), never the author's.
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "td": {"align"},
}
# No javascript:, data: or vbscript: — a link either leaves for the web, mails, or dials.
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto", "tel"})
# Tables and bare-URL links (www., http(s)://, e-mail; never inside code), as GitHub writes them. Raw HTML
# passes cmark (CMARK_OPT_UNSAFE) so the allow-listed tags above still work; nh3 is the safety boundary.
MARKDOWN_EXTENSIONS = ("table", "autolink")
_CMARK_OPTIONS = Options.CMARK_OPT_UNSAFE
# Dropped with everything inside them, so no code or styling shows up as prose.
INVISIBLE_ELEMENTS = frozenset({"script", "style", "template", "iframe", "object", "noscript", "svg", "math"})
EXTERNAL_LINK_REL = "nofollow noopener"

# Hard ceilings of the renderer itself, far above content.markdown_bounds (what an editor may save):
# past them the text is shown escaped, so no stored or unchecked input can make one render slow.
HARD_MAX_DEPTH = 64
HARD_MAX_ELEMENTS = 50_000
HARD_MAX_RAW_TAGS = 5_000

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(ALLOWED_PROTOCOLS),
    clean_content_tags=set(INVISIBLE_ELEMENTS),
    strip_comments=True,
    link_rel=None,
)
# In nh3's output text never holds "<" (it is written &lt;) and attribute values never hold '"'
# (written &quot;), so this finds every start tag whole, quoted values and all, and nothing else.
_START_TAG = re.compile(r'<([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*/?>')
_EXTERNAL_HREF = re.compile(r'\shref="https?://', re.IGNORECASE)
# In cmark's output without raw HTML, every "<" opens or closes a tag cmark wrote.
_CMARK_TAG = re.compile(r"<(/?)([a-z][a-z0-9]*)")
_VOID = frozenset({"br", "hr", "img", "input"})
# What could open or close an element in raw HTML the author typed; code samples count too (an upper bound).
_RAW_TAG = re.compile(r"<[A-Za-z/!?]")


@dataclass(frozen=True)
class MarkdownShape:
    """What rendering this Markdown would build, measured in time linear in its length."""

    depth: int  # elements nested in one another, raw HTML aside
    elements: int
    links: int  # links and images
    raw_tags: int  # "<tag", "</tag", "<!", "<?" typed as HTML


def measure_markdown(source: str) -> MarkdownShape:
    """The nesting depth and counts of the HTML `source` renders to, without cleaning any HTML."""
    # Without raw HTML, cmark's own tags are the only "<" in its output, so a scan of them is exact.
    plain = cmarkgfm.markdown_to_html_with_extensions(source, options=0, extensions=list(MARKDOWN_EXTENSIONS))
    elements = plain.count("<") - plain.count("</")
    links = plain.count("<a ") + plain.count("<img ")
    raw_tags = len(_RAW_TAG.findall(source))
    if elements > HARD_MAX_ELEMENTS:
        return MarkdownShape(depth=0, elements=elements, links=links, raw_tags=raw_tags)
    depth = deepest = 0
    for closing, name in _CMARK_TAG.findall(plain):
        if name in _VOID:
            continue
        depth += -1 if closing else 1
        deepest = max(deepest, depth)
    return MarkdownShape(depth=deepest, elements=elements, links=links, raw_tags=raw_tags)


def _is_within_hard_limits(shape: MarkdownShape) -> bool:
    return (shape.depth <= HARD_MAX_DEPTH and shape.elements <= HARD_MAX_ELEMENTS
            and shape.raw_tags <= HARD_MAX_RAW_TAGS)


def _mark_external_link(match: re.Match[str]) -> str:
    tag = match.group(0)
    if match.group(1) != "a" or not _EXTERNAL_HREF.search(match.group(2)):
        return tag
    return f'<a{match.group(2)} rel="{EXTERNAL_LINK_REL}">'


def render_markdown(source: str) -> str:
    """Markdown → sanitized HTML. Everything that shows user text as HTML uses this output."""
    if not _is_within_hard_limits(measure_markdown(source)):
        return "".join(f"<p>{html.escape(part)}</p>" for part in source.split("\n\n") if part.strip())
    raw = cmarkgfm.markdown_to_html_with_extensions(source, options=_CMARK_OPTIONS,
                                                    extensions=list(MARKDOWN_EXTENSIONS))
    return _START_TAG.sub(_mark_external_link, _CLEANER.clean(raw)).rstrip("\n")
