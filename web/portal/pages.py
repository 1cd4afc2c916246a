"""The portal's pages: the home page, and one message; each view counted in memory."""

from __future__ import annotations

from flask import current_app, render_template
from flask_babel import gettext

from campaigns import portal_lists
from campaigns.portal_lists import Withdrawn
from content.models import MessageKind
from web.database import get_db, now
from web.errors import describe
from web.params import query_page
from web.portal.sharing import share_card
from web.tracking import count_view

GOOD_DEEDS_ON_HOME = 6


def index() -> str:
    session = get_db()
    page = portal_lists.page_latest(session, page=query_page(), per_page=current_app.config["PAGE_SIZE"])
    count_view(None)  # after the lookup: a page that fails to load is not a view
    return render_template("portal/index.html", page=page, kinds=list(MessageKind),
                           notices=portal_lists.active_notices(session, now=now()),
                           good_deeds=portal_lists.latest_good_deeds(session, limit=GOOD_DEEDS_ON_HOME),
                           campaigns=portal_lists.campaigns_with_messages(session),
                           areas=portal_lists.top_areas(session))


def message(slug: str) -> str:
    session = get_db()
    found = portal_lists.get_public_message(session, slug)
    count_view(found.id)
    return render_template("portal/message.html", message=found, card=share_card(found),
                           campaigns=portal_lists.campaigns_of(session, found))


def gone(error: Withdrawn) -> tuple[str, int]:
    """410: the link was right once, so say the message was taken down rather than that it never existed."""
    get_db().rollback()
    return render_template("errors/error.html", status=410, title=gettext("Tin đã được gỡ"), detail=describe(error),
                           kept=[]), 410
