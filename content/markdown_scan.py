"""What a Markdown text holds that can make Python-Markdown slow, counted in one linear pass without parsing it.

Python-Markdown is a pure-Python, regex-driven parser and is superlinear in several places (measured with
3.11 on 50,000 characters: "[" alone 279 s, "[a](" 29 s, "``x`" 3 s on 20,000, CDATA 0.9 s on 50 sections):

- a "[" scans forward, one character at a time, to its matching "]" — to the end of the paragraph when
  there is none; a "](" does the same to its matching ")", and to the end when a quote comes first;
- a run of backticks is tried against the rest of its line (a back-referencing regex);
- each "<![CDATA[", "<!x" and "<?" is looked for an end to the end of the text, as is each opening fence;
- each heading or rule splits and re-joins its block, and each escape or inline match re-copies its
  paragraph, so many of them in one text cost their number times its length;
- a fence line followed by a long run of spaces is matched by a cubic regex;
- nested quotes and lists recurse once a level.

`count_markdown` measures each of these, so `content.markdown_bounds` can refuse what would be slow with a
reason an editor can act on, and `content.rendering` can refuse to parse stored text past its own ceilings.
A "block" here is text between blank lines, which holds every paragraph, list item or table cell that
Python-Markdown processes inline: a cost counted per block is never below the parser's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Everything that could open or close an element in raw HTML typed by the author; code samples count too.
_RAW_TAG = re.compile(r"<[A-Za-z/!?]")
# Declarations and processing instructions, which the HTML reader looks for an end of to the end of the text.
_DECLARATION = re.compile(r"<\?|<!(?!--)")
_BLANK_LINE = re.compile(r"\n[ \t]*(?=\n|$)")
_ATX_HEADING = re.compile(r"^ {0,3}#", re.MULTILINE)
# A setext underline or a rule ("===", "---", "* * *", "___").
_UNDERLINE_OR_RULE = re.compile(r"^ {0,3}(?:=+|(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|-+)[ \t]*$",
                                re.MULTILINE)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~)", re.MULTILINE)
_SPACE_RUN = re.compile(r" {2,}")
# The quote and list markers that open each line: one level of nesting each.
_LINE_PREFIX = re.compile(r"^[ \t]*((?:(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))[ \t]*)+)", re.MULTILINE)
_NESTING_MARKER = re.compile(r">|[-*+]|\d{1,9}[.)]")
_BACKTICKS = re.compile(r"`+")
# The length of the placeholder ("\x02klzzwxh:1234\x03") an escape becomes before links are looked for.
_ESCAPE_PLACEHOLDER = 15


@dataclass(frozen=True)
class MarkdownCounts:
    """The costly things in a Markdown text; `*_line` fields name the line (from 1) of the worst one."""

    chars: int
    lines: int
    nesting: int  # quote and list markers opening one line
    brackets: int  # "[" not escaped
    bracket_scan: int  # characters Python-Markdown reads looking for the "]" and ")" that close links
    bracket_scan_line: int
    backtick_scan: int  # backticks on each line times that line's length, summed
    backtick_scan_line: int
    raw_tags: int
    declarations: int  # "<!x" (not a comment) and "<?"
    headings_and_rules: int
    fences: int  # lines opening or closing a fenced code block
    longest_space_run: int
    backslashes: int
    emphasis_marks: int  # "*" and "_"


def _line_of(source: str, position: int) -> int:
    return source.count("\n", 0, position) + 1


def _bracket_scan(source: str) -> tuple[int, int]:
    """How far Python-Markdown reads for the brackets of links, and where the longest read starts.

    Each "[" reads to its matching "]", or to the end of its block; each "](" reads to its matching ")",
    or to the end of its block when there is none or a quote comes before it (a possible title makes
    Python-Markdown read on).
    """
    total, worst, worst_at = 0, 0, 0
    opens_to_end: list[tuple[int, int]] = []
    start = 0
    for blank in [*_BLANK_LINE.finditer(source), None]:
        end = blank.start() if blank else len(source)
        # Distances are counted in the text Python-Markdown scans, where an escape is already a placeholder.
        offset = 0  # of the current character in that text
        opens: list[tuple[int, int]] = []  # (offset, position) of each "[" not yet closed
        parens: list[tuple[int, int] | None] = []  # the same for each "(" opening a link target, else None
        last_quote = -1
        position = start
        while position < end:
            char = source[position]
            if char == "\\":
                position += 2
                offset += _ESCAPE_PLACEHOLDER
                continue
            if char == "[":
                opens.append((offset, position))
            elif char == "]" and opens:
                opened, at = opens.pop()
                if offset - opened > worst:
                    worst, worst_at = offset - opened, at
                total += offset - opened
            elif char == "(":
                parens.append((offset, position) if position > start and source[position - 1] == "]" else None)
            elif char == ")" and parens and (link := parens.pop()) is not None:
                opened, at = link
                # A quote inside may start a title: Python-Markdown then reads to the end of the block.
                read = offset - opened if last_quote < at else None
                if read is not None:
                    total += read
                    if read > worst:
                        worst, worst_at = read, at
                else:
                    opens_to_end.append(link)
            elif char in "'\"":
                last_quote = position
            position += 1
            offset += 1
        for opened, at in [*opens, *(link for link in parens if link is not None), *opens_to_end]:
            total += offset - opened
            if offset - opened > worst:
                worst, worst_at = offset - opened, at
        opens_to_end.clear()
        start = blank.end() if blank else end
    return total, (_line_of(source, worst_at) if worst else 0)


def _backtick_scan(source: str) -> tuple[int, int]:
    total, worst, worst_line = 0, 0, 0
    for number, line in enumerate(source.split("\n"), start=1):
        if "`" not in line:
            continue
        runs = len(_BACKTICKS.findall(line))
        cost = runs * len(line)
        total += cost
        if cost > worst:
            worst, worst_line = cost, number
    return total, worst_line


def count_markdown(source: str) -> MarkdownCounts:
    """Every count above, each in time linear in the length of `source`."""
    bracket_scan, bracket_line = _bracket_scan(source)
    backtick_scan, backtick_line = _backtick_scan(source)
    nesting = max((len(_NESTING_MARKER.findall(m.group(1))) for m in _LINE_PREFIX.finditer(source)), default=0)
    return MarkdownCounts(
        chars=len(source),
        lines=source.count("\n") + 1,
        nesting=nesting,
        brackets=source.count("[") - source.count("\\["),
        bracket_scan=bracket_scan,
        bracket_scan_line=bracket_line,
        backtick_scan=backtick_scan,
        backtick_scan_line=backtick_line,
        raw_tags=len(_RAW_TAG.findall(source)),
        declarations=len(_DECLARATION.findall(source)),
        headings_and_rules=len(_ATX_HEADING.findall(source)) + len(_UNDERLINE_OR_RULE.findall(source)),
        fences=len(_FENCE.findall(source)),
        longest_space_run=max((len(run) for run in _SPACE_RUN.findall(source)), default=1 if " " in source else 0),
        backslashes=source.count("\\"),
        emphasis_marks=source.count("*") + source.count("_"),
    )
