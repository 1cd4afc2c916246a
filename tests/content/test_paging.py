"""The one paged-list shape: counts, bounds and neighbours of a page."""

from __future__ import annotations

from sqlalchemy import select

from content.models import Topic
from content.paging import Page, paginate


def topics(session, count):
    session.add_all(Topic(slug=f"chu-de-{n:02}", name=f"Chủ đề {n:02}") for n in range(count))
    session.flush()
    return select(Topic).order_by(Topic.slug)


def test_a_middle_page_holds_its_rows_and_has_both_neighbours(session):
    page = paginate(session, topics(session, 7), page=2, per_page=3)
    assert [t.name for t in page.items] == ["Chủ đề 03", "Chủ đề 04", "Chủ đề 05"]
    assert (page.page, page.total, page.pages, page.has_prev, page.has_next) == (2, 7, 3, True, True)


def test_a_page_past_the_end_is_the_last_page_and_below_one_the_first(session):
    query = topics(session, 7)
    assert [t.name for t in paginate(session, query, page=50, per_page=3).items] == ["Chủ đề 06"]
    assert paginate(session, query, page=50, per_page=3).page == 3
    assert paginate(session, query, page=0, per_page=3).page == 1


def test_an_empty_list_is_one_empty_page_without_neighbours():
    page = Page(items=[], page=1, per_page=20, total=0)
    assert (page.pages, page.has_prev, page.has_next) == (1, False, False)
