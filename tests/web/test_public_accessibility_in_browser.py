"""Every public page passes axe-core with no serious or critical violation, and the home page works by keyboard.

axe-core's script comes bundled with axe-playwright-python and is evaluated in the page: nothing is fetched."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import select

from campaigns.models import Channel
from campaigns.planning import plan_deliveries
from content.media import store_image
from content.messages import MessageInput, StoryFields, create_message, transition_message
from content.models import Message, MessageKind
from scheduler.dispatch import run_tick
from tests.feed_world import FeedWorld, build_feed_world
from tests.samples import image_bytes

pytestmark = pytest.mark.browser
BLOCKING = {"serious", "critical"}


def blocking_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + "; ".join(n["html"][:160] for n in v["nodes"][:4])
            for v in results.response["violations"] if v["impact"] in BLOCKING]


def publish_story(world: FeedWorld, session, session_factory, app, now: datetime):  # type: ignore[no-untyped-def]
    picture = store_image(session, data=image_bytes(), original_name="nguoi-tot.png",
                          alt_text="Anh Đinh Văn Sơn trao lại chiếc ví", uploader=world.editor,
                          media_root=app.config["MEDIA_ROOT"], now=now)
    story = create_message(session, world.editor, MessageInput(
        kind=MessageKind.STORY, title="Anh Đinh Văn Sơn trả lại ví cho người đánh rơi",
        body_md="Anh nhặt được chiếc ví ở chợ xã và mang đến trụ sở công an.", area_id=world.commune.id,
        target_area_ids=(world.commune.id,), image_id=picture.id, summary="Một việc làm đẹp ở xã Bình Minh.",
        story=StoryFields(person_name="Đinh Văn Sơn", deed="Trả lại ví.", person_area_id=world.commune.id)),
        now=now)
    transition_message(session, story, "submit", actor=world.editor, now=now)
    transition_message(session, story, "approve", actor=world.approver, now=now)
    plan_deliveries(session, story, actor=world.approver, due_at=now + timedelta(minutes=6), now=now,
                    channels=list(session.scalars(select(Channel))))
    session.commit()
    run_tick(session_factory, now=now + timedelta(minutes=6), worker="test")
    return session.get(Message, story.id)


@pytest.fixture
def world(app, session, session_factory, now, clock, tmp_path):  # type: ignore[no-untyped-def]
    app.config["MEDIA_ROOT"] = tmp_path / "media"
    built = build_feed_world(session, session_factory, now, app.config["MEDIA_ROOT"])
    built.story = publish_story(built, session, session_factory, app, now)  # type: ignore[attr-defined]
    clock.set(now + timedelta(minutes=30))
    transition_message(session, built.elsewhere, "archive", actor=built.approver, now=now + timedelta(minutes=20))
    session.commit()
    return built


def public_pages(world) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    return [("home", "/", 200), ("article", f"/tin/{world.for_province.slug}", 200),
            ("story", f"/tin/{world.story.slug}", 200), ("campaign", f"/chien-dich/{world.campaign.slug}", 200),
            ("topic", f"/chu-de/{world.topic.slug}", 200), ("area", f"/dia-ban/{world.commune.code}", 200),
            ("kind", "/loai/article", 200), ("good deeds", "/nguoi-tot-viec-tot", 200),
            ("search", "/tim-kiem?q=canh+giac", 200), ("follow", "/theo-doi", 200),
            ("missing", "/tin/khong-co-tin-nay", 404), ("withdrawn", f"/tin/{world.elsewhere.slug}", 410)]


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
            if problems:
                found[f"{name} at {width}px ({path})"] = problems
        page.close()
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
