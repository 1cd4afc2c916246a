"""The only path from user Markdown to HTML that may be shown: render once, sanitize once.

Python-Markdown parses (tables, fenced code, sane lists: the dialect Loa has always published), ammonia
(nh3, Rust) cleans the HTML with an allow-list, bare addresses become links outside code
(content.bare_links, bleach's rule) and Loa marks external links nofollow. Python-Markdown is superlinear on some inputs, so no
text reaches it past the ceilings below (`content.markdown_scan` counts what makes it slow, in linear time);
`content.markdown_bounds` holds an editor to far tighter limits, checked before saving or previewing.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

import markdown
import nh3

from content.bare_links import link_bare_addresses
from content.markdown_scan import MarkdownCounts, count_markdown

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
MARKDOWN_EXTENSIONS = ("tables", "fenced_code", "sane_lists")
# Column alignment as the `align` attribute the allow-list keeps (Python-Markdown otherwise writes a style).
_EXTENSION_CONFIGS = {"tables": {"use_align_attribute": True}}
# Dropped with everything inside them, so no code or styling shows up as prose.
INVISIBLE_ELEMENTS = frozenset({"script", "style", "template", "iframe", "object", "noscript", "svg", "math"})
EXTERNAL_LINK_REL = "nofollow noopener"

# The renderer's own ceilings, twice what an editor may save (content.markdown_bounds) and as long as the
# longest text Loa ever accepted: stored or unchecked text past one is shown escaped, not parsed, so no
# text can hold a worker for more than about a second.
HARD_MAX_CHARS = 100_000
HARD_MAX_NESTING = 48
HARD_MAX_BRACKETS = 2_000
HARD_MAX_BRACKET_SCAN = 1_000_000
HARD_MAX_BACKTICK_SCAN = 4_000_000
HARD_MAX_RAW_TAGS = 400
HARD_MAX_DECLARATIONS = 10
HARD_MAX_HEADINGS_AND_RULES = 1_000
HARD_MAX_FENCES = 200
HARD_MAX_SPACE_RUN = 400
HARD_MAX_BACKSLASHES = 10_000
HARD_MAX_EMPHASIS_MARKS = 20_000

_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(ALLOWED_PROTOCOLS),
    clean_content_tags=set(INVISIBLE_ELEMENTS),
    strip_comments=True,
    link_rel=None,
)
# In nh3's output text never holds "<" (it is written &lt;) and attribute values never hold '"'
# (written &quot;), so this finds every start or end tag whole, quoted values and all, and nothing else.
_TAG = re.compile(r'<(/?)([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*/?>')
_EXTERNAL_HREF = re.compile(r'\shref="https?://', re.IGNORECASE)
_VOID = frozenset({"br", "hr", "img"})


@dataclass(frozen=True)
class HtmlShape:
    """What cleaned HTML holds, counted in one pass over its tags."""

    depth: int  # elements nested in one another
    elements: int
    links: int  # links and images


def measure_html(cleaned: str) -> HtmlShape:
    """The nesting depth and counts of `render_markdown`'s output."""
    depth = deepest = elements = links = 0
    for match in _TAG.finditer(cleaned):
        closing, name = match.group(1), match.group(2)
        if closing:
            depth -= 1
            continue
        elements += 1
        links += name in ("a", "img")
        if name not in _VOID:
            depth += 1
            deepest = max(deepest, depth)
    return HtmlShape(depth=deepest, elements=elements, links=links)


def is_within_hard_limits(counts: MarkdownCounts) -> bool:
    """Whether Python-Markdown may parse a text with these counts (see content.markdown_scan for why each)."""
    return (counts.chars <= HARD_MAX_CHARS and counts.nesting <= HARD_MAX_NESTING
            and counts.brackets <= HARD_MAX_BRACKETS and counts.bracket_scan <= HARD_MAX_BRACKET_SCAN
            and counts.backtick_scan <= HARD_MAX_BACKTICK_SCAN and counts.raw_tags <= HARD_MAX_RAW_TAGS
            and counts.declarations <= HARD_MAX_DECLARATIONS
            and counts.headings_and_rules <= HARD_MAX_HEADINGS_AND_RULES and counts.fences <= HARD_MAX_FENCES
            and counts.longest_space_run <= HARD_MAX_SPACE_RUN and counts.backslashes <= HARD_MAX_BACKSLASHES
            and counts.emphasis_marks <= HARD_MAX_EMPHASIS_MARKS)


def _mark_external_link(match: re.Match[str]) -> str:
    tag = match.group(0)
    if match.group(1) or match.group(2) != "a" or not _EXTERNAL_HREF.search(match.group(3)):
        return tag
    return f'<a{match.group(3)} rel="{EXTERNAL_LINK_REL}">'


def _as_plain_text(source: str) -> str:
    return "".join(f"<p>{html.escape(part)}</p>" for part in source.split("\n\n") if part.strip())


# The preview checks, renders and reads aloud the same text, and a save checks then renders it: one parse.
@lru_cache(maxsize=16)
def render_markdown(source: str) -> str:
    """Markdown → sanitized HTML. Everything that shows user text as HTML uses this output."""
    if not is_within_hard_limits(count_markdown(source)):
        return _as_plain_text(source)
    try:
        raw = markdown.markdown(source, extensions=list(MARKDOWN_EXTENSIONS), extension_configs=_EXTENSION_CONFIGS,
                                output_format="html")
    except RecursionError:  # nesting the ceilings did not foresee: shown as text, never a 500
        return _as_plain_text(source)
    linked = link_bare_addresses(_CLEANER.clean(raw))
    return _TAG.sub(_mark_external_link, linked).rstrip("\n")
