"""Every public page passes axe-core with no serious or critical violation, and the home page works by keyboard.

axe-core's script comes bundled with axe-playwright-python and is evaluated in the page: nothing is fetched."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.public_world import build_public_world

pytestmark = pytest.mark.browser
BLOCKING = {"serious", "critical"}


@pytest.fixture
def world(app, session, session_factory, now, clock, tmp_path):  # type: ignore[no-untyped-def]
    return build_public_world(app, session, session_factory, now, clock, tmp_path)


def blocking_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Serious and critical violations, and contrast axe could not decide (which would hide a failure)."""
    results = Axe().run(page, options={"resultTypes": ["violations", "incomplete"]}).response
    assert results["passes"], "axe did not run"
    undecided = [i for i in results["incomplete"] if i["id"] == "color-contrast"]
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["html"][:160] for n in v["nodes"][:4])
            for v in results["violations"] + undecided if v["impact"] in BLOCKING]


# What looking at the pages on a phone found: links hidden off the side of a scrolling nav, and targets under 24px.
LAYOUT_PROBLEMS = """() => {
  const problems = [], width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways`);
  for (const e of document.querySelectorAll('header.site nav a, header.site nav button, main button, main input')) {
    const box = e.getBoundingClientRect();
    if (box.right > width || box.left < 0) problems.push(`off screen: ${e.outerHTML.slice(0, 80)}`);
    if (box.height < 24) problems.push(`target under 24px: ${e.outerHTML.slice(0, 80)}`);
  }
  return problems;
}"""


def public_pages(world) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    return [("home", "/", 200), ("article", f"/tin/{world.for_province.slug}", 200),
            ("story", f"/tin/{world.story.slug}", 200), ("campaign", f"/chien-dich/{world.campaign.slug}", 200),
            ("topic", f"/chu-de/{world.topic.slug}", 200), ("area", f"/dia-ban/{world.commune.code}", 200),
            ("kind", "/loai/article", 200), ("good deeds", "/nguoi-tot-viec-tot", 200),
            ("search", "/tim-kiem?q=canh+giac", 200), ("follow", "/theo-doi", 200),
            ("missing", "/tin/khong-co-tin-nay", 404), ("withdrawn", f"/tin/{world.withdrawn.slug}", 410)]


def test_every_public_page_has_no_serious_or_critical_axe_violation(world, live_server, browser):
    offline: list[str] = []
    found: dict[str, list[str]] = {}
    for width in (390, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.on("request", lambda r: offline.append(r.url) if not r.url.startswith(live_server) else None)
        for name, path, status in public_pages(world):
            response = page.goto(f"{live_server}{path}")
            assert response is not None and response.status == status, (name, path)
            problems = blocking_violations(page)
            problems += page.evaluate(LAYOUT_PROBLEMS)
            if problems:
                found[f"{name} at {width}px ({path})"] = problems
        page.close()
    page = browser.new_page()
    page.goto(f"{live_server}/language/en?next=/")  # the same pages in English keep their language marked
    assert page.evaluate("document.documentElement.lang") == "en"
    for name, path, _status in public_pages(world):
        page.goto(f"{live_server}{path}")
        problems = blocking_violations(page)
        if problems:
            found[f"{name} in English ({path})"] = problems
    page.close()
    page = browser.new_page()
    page.goto(f"{live_server}/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=/static/x.png>')")
    assert any(v.startswith("image-alt") for v in blocking_violations(page))  # the check can fail
    assert not found, "\n".join(f"{where}:\n  " + "\n  ".join(items) for where, items in found.items())
    assert not offline  # axe itself and every asset come from Loa


FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])"


def test_the_home_page_works_by_keyboard_and_shows_where_focus_is(world, live_server, browser):
    for width in (390, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(f"{live_server}/")
        expected = page.eval_on_selector_all(
            FOCUSABLE, "(els) => els.filter(e => e.getClientRects().length).map((e, i) => { e.dataset.kb = i; return i; })")
        assert len(expected) > 10
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main"  # focus moved, not only the scroll position
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('main').contains(document.activeElement)")
        page.goto(f"{live_server}/")
        page.eval_on_selector_all(FOCUSABLE, "(els) => els.filter(e => e.getClientRects().length)"
                                             ".forEach((e, i) => { e.dataset.kb = i; })")
        reached, unmarked = [], []
        for _ in range(len(expected) + 3):
            page.keyboard.press("Tab")
            state = page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
                return {kb: e.dataset.kb, tag: e.outerHTML.slice(0, 80), outline: s.outlineStyle,
                        width: parseFloat(s.outlineWidth)}; }""")
            if state["kb"] is None:
                break
            reached.append(int(state["kb"]))
            if state["outline"] == "none" or state["width"] < 2:
                unmarked.append(state["tag"])
        assert reached == expected, f"at {width}px the Tab order missed or repeated elements: {reached} vs {expected}"
        assert not unmarked, f"no visible focus at {width}px on: {unmarked}"
        page.close()
