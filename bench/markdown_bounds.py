"""The worst Markdown Loa accepts, rendered, against an ordinary article of the same size.

For each piece in `bench.adversarial_markdown`, repeated as often as `content.markdown_bounds` still accepts,
`render_markdown` is timed against rendering demo articles (scheduler.demo.data) cut to the same number of
bytes. A ratio near 1 means the input costs what its length costs; a superlinear path shows as a ratio that
grows with the bounds. The preview also builds the spoken form: its worst case is the second table.
"""

from __future__ import annotations

from bench.timing import Comparison, measure_pair

TITLE = "Worst accepted Markdown (render_markdown, and the preview's spoken form)"


def ordinary_text(size: int) -> str:
    """Demo articles one after another, cut at `size` UTF-8 bytes on a paragraph or character boundary."""
    from scheduler.demo.data import MESSAGES

    bodies = [message["body_md"] for message in MESSAGES]
    text, i = "", 0
    while len(text.encode()) < size:
        text += bodies[i % len(bodies)] + "\n"
        i += 1
    return text.encode()[:size].decode(errors="ignore")


def run() -> list[Comparison]:
    from bench.adversarial_markdown import worst_accepted
    from content.markdown_bounds import markdown_bound_error
    from content.rendering import render_markdown
    from content.spoken import to_spoken

    def render(source: str) -> str:
        return render_markdown.__wrapped__(source)  # uncached, or every call but the first would be a lookup

    def spoken(source: str) -> str:
        render_markdown.cache_clear()  # the spoken form renders first; time that too
        return to_spoken(source)

    rows = []
    for renderer, suffix in ((render, "render"), (spoken, "spoken")):
        for name, source in worst_accepted().items():
            size = len(source.encode())
            ordinary = ordinary_text(size)
            if markdown_bound_error(source) is not None or markdown_bound_error(ordinary) is not None:
                raise AssertionError(f"{name}: not within the bounds, so not what the desk accepts")
            loa, baseline = measure_pair(lambda: renderer(source), lambda: renderer(ordinary), ops_per_call=1,
                                         calls_per_round=1, rounds=3, warmup_calls=1)
            rows.append(Comparison(f"{suffix}: {name} ({size:,} B)", loa, "demo text, same bytes", baseline, "ms"))
    return rows
