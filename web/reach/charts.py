"""Charts drawn by Loa itself as SVG, on the server: no script, no CDN, the same picture on screen, in
print and in the report. Each series differs by dash pattern and marker shape as well as colour, and is
labelled at its end, so the chart reads in greyscale and for colour-blind readers; the page shows the
chart's table beside it for screen readers (the SVG is role="img" with a title and a summary).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from flask_babel import format_decimal, gettext
from markupsafe import Markup

from campaigns.models import ReachSource

WIDTH, HEIGHT = 720, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 170, 36, 40
COLOURS = ("#7a1a14", "#1f4e9c", "#1e5631", "#7a4b00", "#5b2a86", "#00646e")
DASHES = ("", "6 4", "2 3", "10 3 2 3", "12 6", "4 2 4 6")
# Estimated figures are always dashed, so an estimate never looks like a count.
KIND_DASH = {ReachSource.ESTIMATED: "6 4"}


@dataclass(frozen=True)
class Series:
    label: str
    points: Sequence[tuple[date, float]]
    kind: ReachSource


def _nice_top(value: float) -> float:
    """The smallest 1, 2 or 5 × 10ⁿ at or above `value`: axis ticks people read at a glance."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def _number(value: float) -> str:
    return str(format_decimal(value, format="#,##0.#"))


def _marker(shape: int, x: float, y: float, colour: str) -> str:
    if shape % 3 == 0:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'
    if shape % 3 == 1:
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    return f'<path d="M{x:.1f} {y - 4.5:.1f} L{x + 4.5:.1f} {y + 3.5:.1f} L{x - 4.5:.1f} {y + 3.5:.1f} Z" fill="{colour}"/>'


def _frame(title: str, summary: str, body: list[str]) -> Markup:
    # Ids unique per chart (several share a page), and the same for the same chart (stable for tests and caches).
    key = "c" + hashlib.blake2s(f"{title}\0{summary}".encode(), digest_size=4).hexdigest()
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{key}t {key}d" font-family="system-ui, sans-serif" font-size="12">'
        f'<title id="{key}t">{escape(title)}</title><desc id="{key}d">{escape(summary)}</desc>'
        f'<text x="{LEFT}" y="20" font-size="14" font-weight="600" fill="#1d2433">{escape(title)}</text>'
        + "".join(body) + "</svg>")


def _axis_top(values: Sequence[float]) -> float:
    """A top that splits into four nice steps; counts get whole steps (no "0,2 views" tick)."""
    step = _nice_top(max(values, default=0) / 4)
    if all(float(v).is_integer() for v in values):
        step = max(step, 1.0)
    return step * 4


def _y_axis(top: float, unit: str, plot_h: float) -> list[str]:
    parts = []
    for i in range(5):
        value = top * i / 4
        y = TOP + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d9dde5"/>'
                     f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#5b6475">{_number(value)}</text>')
    parts.append(f'<text x="12" y="{TOP + plot_h / 2:.1f}" transform="rotate(-90 12 {TOP + plot_h / 2:.1f})" '
                 f'text-anchor="middle" fill="#5b6475">{escape(unit)}</text>')
    return parts


def _runs(points: Sequence[tuple[date, float]]) -> list[list[tuple[date, float]]]:
    """Points split where a day is missing: a line drawn across a gap would claim figures for days without."""
    runs: list[list[tuple[date, float]]] = []
    for day, value in sorted(points):
        if runs and (day - runs[-1][-1][0]).days == 1:
            runs[-1].append((day, value))
        else:
            runs.append([(day, value)])
    return runs


def line_chart(series: Sequence[Series], *, title: str, unit: str,
               period: tuple[date, date] | None = None) -> Markup:
    """One line per series over the days (the whole `period` when given, else the days with figures);
    a line breaks where a day has no figure; empty series are left out, and a chart with none says so."""
    drawn = [s for s in series if s.points]
    days = sorted({day for s in drawn for day, _ in s.points})
    if not days:
        empty = gettext("Chưa có số liệu trong khoảng thời gian này.")
        return _frame(title, empty, [f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" text-anchor="middle" fill="#5b6475">'
                                     f'{escape(empty)}</text>'])
    first, last = (min(period[0], days[0]), max(period[1], days[-1])) if period else (days[0], days[-1])
    top = _axis_top([value for s in drawn for _, value in s.points])
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = max((last - first).days, 1)

    def at(day: date, value: float) -> tuple[float, float]:
        return LEFT + plot_w * (day - first).days / span, TOP + plot_h - plot_h * value / top

    body = _y_axis(top, unit, plot_h)
    middle = first + (last - first) / 2
    for day in sorted({first, middle, last}):
        x, _ = at(day, 0)
        body.append(f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" fill="#5b6475">'
                    f'{day.strftime("%d/%m")}</text>')
    labels: list[float] = []
    for index, s in enumerate(drawn):
        colour = COLOURS[index % len(COLOURS)]
        dash = KIND_DASH.get(s.kind, DASHES[index % len(DASHES)])
        for run in _runs(s.points):
            if len(run) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in (at(day, value) for day, value in run))
                body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"'
                            + (f' stroke-dasharray="{dash}"' if dash else "") + "/>")
            body += [_marker(index, *at(day, value), colour) for day, value in run]
        # Labels at the right end, nudged apart so two lines ending together stay readable.
        y = at(*max(s.points))[1]
        while any(abs(y - taken) < 14 for taken in labels):
            y += 14
        labels.append(y)
        body.append(_marker(index, WIDTH - RIGHT + 10, y - 4, colour)
                    + f'<text x="{WIDTH - RIGHT + 18}" y="{y:.1f}" fill="{colour}">{escape(s.label)}</text>')
    summary = "; ".join(f"{s.label}: {_number(sum(v for _, v in s.points))}" for s in drawn)
    return _frame(title, summary, body)


def bar_chart(bars: Sequence[tuple[str, float | None]], *, title: str, unit: str) -> Markup:
    """Horizontal bars with their value written at the end; a bar with no data says so instead of 0."""
    height = TOP + 26 * max(len(bars), 1) + 10
    known = [value for _, value in bars if value is not None]
    top = _nice_top(max(known, default=0))
    label_w, plot_w = 200, WIDTH - 200 - 110
    body = []
    for index, (label, value) in enumerate(bars):
        y = TOP + 26 * index
        name = label if len(label) <= 30 else label[:29] + "…"
        body.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end" fill="#1d2433">{escape(name)}</text>')
        if value is None:
            body.append(f'<text x="{label_w}" y="{y + 15}" fill="#5b6475" font-style="italic">'
                        f'{escape(gettext("chưa có số liệu"))}</text>')
            continue
        width = plot_w * value / top
        body.append(f'<rect x="{label_w}" y="{y + 3}" width="{width:.1f}" height="18" fill="{COLOURS[1]}"/>'
                    f'<text x="{label_w + width + 6:.1f}" y="{y + 16}" fill="#1d2433">{_number(value)}</text>')
    summary = "; ".join(f"{label}: {_number(value) if value is not None else gettext('chưa có số liệu')}"
                        for label, value in bars)
    svg = _frame(f"{title} ({unit})", summary, body)
    return Markup(str(svg).replace(f'viewBox="0 0 {WIDTH} {HEIGHT}"', f'viewBox="0 0 {WIDTH} {height}"', 1))
