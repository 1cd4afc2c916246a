"""The public search page: published messages found without diacritics, best match first, highlighted."""

from __future__ import annotations

from flask import current_app, render_template, request
from flask_babel import gettext as _

from campaigns.public_search import search_published
from content.search import MAX_QUERY_LENGTH, query_terms
from web.database import get_db
from web.limits import limiter
from web.params import query_page


def _search_limit() -> str:
    # Per address: a query costs an index lookup and up to a thousand messages read, far more than a page;
    # generous for many readers behind one carrier NAT, a wall for a script.
    return str(current_app.config.get("SEARCH_RATE_LIMIT", "120 per minute"))


@limiter.limit(_search_limit)
def search() -> str:
    # A query the search cannot use still gets the page (200), the form with what was typed, and why.
    query = request.args.get("q", "").strip()
    problem = None
    if not query:
        problem = _("Hãy nhập từ cần tìm, có dấu hay không dấu đều được.")
    elif len(query) > MAX_QUERY_LENGTH:
        problem = _("Từ cần tìm dài quá %(limit)s ký tự; hãy rút gọn.", limit=MAX_QUERY_LENGTH)
    elif query_terms(query) is None:
        problem = _("Từ cần tìm phải có ít nhất một chữ hoặc số.")
    page = None if problem else search_published(get_db(), query, page=query_page(),
                                                  per_page=current_app.config["PAGE_SIZE"])
    return render_template("portal/search.html", query=query, problem=problem, page=page,
                           max_length=MAX_QUERY_LENGTH)
