"""Ranked, whole-word, accent-insensitive message search: one interface over SQLite FTS5 and PostgreSQL.

Both databases index text already folded by `content.vietnamese.fold` (messages.search_title and
search_text, written at save), so "lua dao qua mang" finds "lừa đảo qua mạng" and "d" finds "đ" the same way
on each. Migration 0015 builds the index: an FTS5 table kept current by triggers on SQLite, a GIN index over
a weighted tsvector on PostgreSQL.

Words match whole, so "tra lai vi" finds "trả lại ví" and not "trải", "lại" and "việc". Only when that finds
nothing is the last word taken as the start of a word (someone still typing): "lua dao qua ma" then finds
"lừa đảo qua mạng". Trying whole words first keeps "vi" from finding "việc" wherever "ví" or "vì" exist.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Column, ColumnElement, Integer, MetaData, Select, Table, Text, func, literal_column, select, text
from sqlalchemy.orm import Session

from content.html_text import html_to_text
from content.models import Message
from content.paging import Page
from content.vietnamese import fold

MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
SNIPPET_WORDS = 30
MAX_CANDIDATES = 1000

_WORD = re.compile(r"[^\W_]+")

# The SQLite FTS5 table (not a model: Base.metadata never creates it, migration 0015 does).
_fts = Table("message_search", MetaData(), Column("rowid", Integer), Column("search_title", Text),
             Column("search_text", Text))


@dataclass(frozen=True)
class Terms:
    """The folded words of a query; with `prefix`, the last is the start of a word."""
    words: tuple[str, ...]
    prefix: bool = False

    def matches(self, folded_word: str) -> bool:
        if self.prefix:
            return folded_word in self.words[:-1] or folded_word.startswith(self.words[-1])
        return folded_word in self.words


Highlighted = tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class SearchHit:
    message: Message
    rank: float  # larger is better, comparable only within one search
    # Text in pieces, each flagged whether it is a matched word: web/ escapes them and marks the flagged ones.
    title: Highlighted
    snippet: Highlighted


def query_terms(query_text: str) -> Terms | None:
    """The words to search for, or None when there are none (empty or only punctuation)."""
    words = tuple(dict.fromkeys(_WORD.findall(fold(query_text))))[:MAX_TERMS]
    return Terms(words) if words else None


def _pg_vector() -> ColumnElement[Any]:
    # Written to match migration 0015's index expression, so PostgreSQL can use that index.
    simple: ColumnElement[Any] = literal_column("'simple'::regconfig")
    return func.setweight(func.to_tsvector(simple, Message.search_title), literal_column("'A'::\"char\"")).op(
        "||")(func.setweight(func.to_tsvector(simple, Message.search_text), literal_column("'B'::\"char\"")))


def apply_search(query: Select[Any], terms: Terms, dialect: str) -> tuple[Select[Any], ColumnElement[Any]]:
    """`query` (selecting from messages) narrowed to matches; and a rank to order by, best first when desc."""
    if dialect == "postgresql":
        # Words are letters and digits only, so quoting them cannot make tsquery syntax.
        last = f"'{terms.words[-1]}'" + (":*" if terms.prefix else "")
        tsquery = " & ".join([f"'{w}'" for w in terms.words[:-1]] + [last])
        condition = func.to_tsquery(literal_column("'simple'::regconfig"), tsquery)
        rank: ColumnElement[Any] = func.ts_rank_cd(_pg_vector(), condition)
        return query.where(_pg_vector().op("@@")(condition)), rank
    # FTS5: each word quoted, so NEAR, AND, "-", "*" typed by a visitor are plain words, never syntax.
    last = f'"{terms.words[-1]}"' + ("*" if terms.prefix else "")
    match = " ".join([f'"{w}"' for w in terms.words[:-1]] + [last])
    # bm25 is lower for better matches; the title counts five times the rest.
    rank = -func.bm25(literal_column("message_search"), 5.0, 1.0)
    narrowed = query.join(_fts, _fts.c.rowid == Message.id).where(
        text("message_search MATCH :search_match").bindparams(search_match=match))
    return narrowed, rank


def narrow(session: Session, query: Select[Any], terms: Terms) -> tuple[Select[Any], Terms, ColumnElement[Any]]:
    """`query` narrowed to whole-word matches, or, when there are none, to the last word as a prefix.

    :returns: the narrowed query, the terms it used (for highlighting) and its rank (order by it desc).
    """
    dialect = session.get_bind().dialect.name
    whole, rank = apply_search(query, terms, dialect)
    if session.scalar(select(func.count()).select_from(whole.order_by(None).limit(1).subquery())):
        return whole, terms, rank
    terms = replace(terms, prefix=True)
    started, rank = apply_search(query, terms, dialect)
    return started, terms, rank


def search_messages(session: Session, query_text: str, *, where: ColumnElement[bool] | None = None,
                    visible: Callable[[Message], tuple[str, str]] | None = None, options: Sequence[Any] = (),
                    page: int = 1, per_page: int = 20) -> Page[SearchHit]:
    """Messages matching `query_text` (and `where`), best match first, `per_page` at a time, highlighted.

    `visible` gives the title and plain text a reader is shown (default: the message's own); a message whose
    visible text lacks a searched word is left out, so a word the reader cannot see — a name masked on the
    portal for want of consent — never reveals which message holds it. That check needs the text in hand,
    so at most MAX_CANDIDATES best matches are considered.
    """
    terms = query_terms(query_text)
    if terms is None:
        return Page(items=[], page=1, per_page=per_page, total=0)
    base = select(Message).options(*options)
    if where is not None:
        base = base.where(where)
    matching, terms, rank = narrow(session, base, terms)
    rows = session.execute(matching.add_columns(rank.label("rank"))
                           .order_by(rank.desc(), Message.published_at.desc(), Message.id.desc())
                           .limit(MAX_CANDIDATES)).all()
    shown = visible or _own_text
    found = [(message, float(score or 0), *shown(message)) for message, score in rows]
    found = [row for row in found if _holds_all(" ".join(row[2:]), terms)]
    page = min(max(page, 1), max(1, math.ceil(len(found) / per_page)))
    hits = [SearchHit(message=message, rank=score, title=highlight(title, terms),
                      snippet=snippet(plain, terms))
            for message, score, title, plain in found[(page - 1) * per_page:page * per_page]]
    return Page(items=hits, page=page, per_page=per_page, total=len(found))


def _holds_all(text_shown: str, terms: Terms) -> bool:
    words = set(_WORD.findall(fold(text_shown)))
    if not terms.prefix:
        return all(word in words for word in terms.words)
    return all(word in words for word in terms.words[:-1]) and any(
        word.startswith(terms.words[-1]) for word in words)


def _own_text(message: Message) -> tuple[str, str]:
    return message.title, plain_text(message.summary, message.body_html)


def plain_text(summary: str, body_html: str) -> str:
    """A summary and rendered body as one line of words: what a snippet is cut from."""
    return " ".join(" ".join((summary, html_to_text(body_html))).split())


def _folded_with_positions(original: str) -> tuple[str, list[int]]:
    """`original` folded, with each folded character's index in `original` (fold may drop or add characters)."""
    folded: list[str] = []
    positions: list[int] = []
    for index, char in enumerate(original):
        piece = fold(char)
        folded.append(piece)
        positions.extend([index] * len(piece))
    return "".join(folded), positions


def _marked_spans(original: str, terms: Terms) -> list[tuple[int, int]]:
    folded, positions = _folded_with_positions(original)
    spans = []
    for word in _WORD.finditer(folded):
        if terms.matches(word.group()):
            start, end = positions[word.start()], positions[word.end() - 1] + 1
            # A combining mark written separately after the letter belongs to the word too.
            while end < len(original) and fold(original[end]) == "":
                end += 1
            spans.append((start, end))
    return spans


def highlight(original: str, terms: Terms) -> Highlighted:
    """`original` in pieces, the words that match `terms` flagged True."""
    out: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in _marked_spans(original, terms):
        out += [(original[cursor:start], False), (original[start:end], True)]
        cursor = end
    out.append((original[cursor:], False))
    return tuple(piece for piece in out if piece[0])


def snippet(plain: str, terms: Terms) -> Highlighted:
    """About SNIPPET_WORDS words of `plain` around its first match, highlighted; "…" where it was cut."""
    words = plain.split(" ")
    first = next((i for i, word in enumerate(words) if _marked_spans(word, terms)), 0)
    start = max(0, first - SNIPPET_WORDS // 3)
    end = min(len(words), start + SNIPPET_WORDS)
    cut_before = (("… ", False),) if start > 0 else ()
    cut_after = ((" …", False),) if end < len(words) else ()
    return cut_before + highlight(" ".join(words[start:end]), terms) + cut_after
