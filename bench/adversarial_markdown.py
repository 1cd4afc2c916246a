"""Markdown written to be slow: each piece repeated as often as Loa's bounds still accept.

Shared by `bench/markdown_bounds.py` (how long each takes) and the tests (that each is accepted, renders and
cannot stall the desk). Each entry targets a place where a Markdown parser or HTML cleaner has been quadratic:
unclosed links and brackets, emphasis runs, backticks, raw HTML, entities, tables, nesting.
"""

from __future__ import annotations

from collections.abc import Callable

from content.markdown_bounds import MAX_MARKDOWN_CHARS, markdown_bound_error

# name → a function from a repetition count to the source.
PIECES: dict[str, Callable[[int], str]] = {
    "unclosed links [a](": lambda n: "[a](" * n,
    "unclosed images ![a](": lambda n: "![a](" * n,
    "open brackets [": lambda n: "[" * n,
    "nested brackets [[[…]]]": lambda n: "[" * n + "a" + "]" * n,
    "link titles [a](b \"": lambda n: '[a](b "' * n,
    "open parentheses [a](((…": lambda n: "[a](" + "(" * n,
    "less-than signs <": lambda n: "<" * n,
    "unclosed <svg>": lambda n: "<svg>" * n,
    "unclosed <div>": lambda n: "<div>" * n,
    "unclosed comments <!--": lambda n: "<!--" * n,
    "unclosed CDATA <![CDATA[": lambda n: "<![CDATA[" * n,
    "unclosed attribute <a href='": lambda n: "<a href='" * n,
    "autolinks <http://a": lambda n: "<http://a" * n,
    "stars *": lambda n: "*" * n,
    "underscores _": lambda n: "_" * n,
    "emphasis runs **a": lambda n: "**a" * n,
    "intraword a_b_": lambda n: "a_b_" * n,
    "backticks `": lambda n: "`" * n,
    "backtick runs `a``": lambda n: "`a``" * n,
    "entities &amp;": lambda n: "&amp;" * n,
    "half entities &#": lambda n: "&#" * n,
    "backslashes \\": lambda n: "\\" * n,
    "table rows": lambda n: "|a|b|\n|-|-|\n" + "|x|y|\n" * n,
    "wide table": lambda n: "|" + "a|" * n + "\n|" + "-|" * n + "\n" + "|x" * n,
    "bare URLs": lambda n: "http://a.vn " * n,
    "e-mail-like words": lambda n: "a.b+c" * n,
    "phone-like groups 0912": lambda n: "0912 " * n,
    "one-line paragraphs": lambda n: "a\n" * n,
    "headings": lambda n: "# a\n" * n,
    "rules ---": lambda n: "---\n" * n,
    "list items": lambda n: "- a\n" * n,
    "nested quotes >>>": lambda n: ">" * n + " a",
    "nested list - - -": lambda n: "- " * n + "a",
    "indented nested list": lambda n: "".join("  " * i + "- a\n" for i in range(n)),
    "mixed *_`[<&": lambda n: "*_`[<&" * n,
    # Python-Markdown's own slow paths (its issues #161, #798, #1130, #1617 and measurements here).
    "open brackets before a long paragraph": lambda n: "[" * 200 + "a" * n,
    "link titles that never close [a](b \")": lambda n: '[a](b ")' * n,
    "parentheses after links [ (](": lambda n: "[ (](" * n,
    "backtick runs ``x`": lambda n: "``x`" * n,
    "backticks on a long line": lambda n: "``x`" * 100 + "y" * n,
    "fence and spaces ```   ": lambda n: ("```" + " " * 200 + "\n") * n,
    "unclosed fences ```a": lambda n: "```a\n" * n,
    "setext headings ===": lambda n: "a\n===\n" * n,
    "CDATA before text": lambda n: "<![CDATA[" * 5 + "x" * n,
    "processing instructions <?": lambda n: "<?" * 5 + "x" * n,
    "unclosed autolinks before text <http": lambda n: "<http://a" * 150 + "x" * n,
    "reference with spaces []:0": lambda n: ("[]:0" + " " * 200 + "0\n") * n,
    "emphasis *_*_": lambda n: "*_" * n + "a",
    "emphasis **_* ": lambda n: "**_* " * n,
    "escapes \\\\": lambda n: "\\\\" * n,
    "many links [a](b)": lambda n: "[link](x)" * n,
    "brackets over escapes": lambda n: "[" * 100 + "\\*" * n,
}


def largest_accepted(piece: Callable[[int], str]) -> str:
    """The source with the most repetitions that the bounds accept (every piece grows with its count)."""
    high = 1
    while len(piece(high)) <= MAX_MARKDOWN_CHARS:
        high *= 2
    low = 0
    while low < high:  # the largest n with piece(n) accepted; n = 0 always is
        middle = (low + high + 1) // 2
        if markdown_bound_error(piece(middle)) is None:
            low = middle
        else:
            high = middle - 1
    return piece(low)


def worst_accepted() -> dict[str, str]:
    """Every adversarial piece at the largest size Loa accepts."""
    return {name: largest_accepted(piece) for name, piece in PIECES.items()}


def deepest_list(depth: int = 10_000) -> str:
    """A list nested `depth` deep on one line ("- - - … a"), 20 KB: refused, never rendered."""
    return "- " * depth + "a"
