"""A message's revision history, each version shown as a difference from the one before."""

from __future__ import annotations

from flask import render_template
from flask_babel import gettext as _
from flask_login import login_required

from campaigns.audit_trail import actors_of
from campaigns.local_wordings import wording_history
from content.errors import NotFound
from content.revisions import diff_text
from web.database import get_db
from web.desk.messages import desk_message


@login_required
def revisions(message_id: int):
    message = desk_message(message_id)
    wordings = list(reversed(wording_history(get_db(), message)))
    return render_template("desk/revisions.html", message=message, revisions=list(reversed(message.revisions)),
                           wordings=wordings, actors=actors_of(get_db(), wordings))


@login_required
def revision(message_id: int, number: int):
    message = desk_message(message_id)
    by_number = {r.number: r for r in message.revisions}
    if number not in by_number:
        raise NotFound(_("Tin này không có phiên bản %(number)s.", number=number))
    current, previous = by_number[number], by_number.get(number - 1)
    diff = diff_text(f"{previous.title}\n\n{previous.body_md}" if previous else "", f"{current.title}\n\n{current.body_md}")
    return render_template("desk/revision.html", message=message, revision=current, previous=previous, diff=diff)
