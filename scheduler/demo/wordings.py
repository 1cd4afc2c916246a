"""The demo's local wording: one commune station reads a province-wide notice with its own police line.

The demo's texts give every commune the same placeholder duty line; here the first station's commune gets
its own (another placeholder), the way an officer would reword a plan for one commune.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from campaigns.local_wordings import set_local_wording
from campaigns.models import Station
from content.html_text import html_paragraphs
from content.models import Message, User

SHARED_LINE = "0912 345 678"
LOCAL_LINE = "0912 345 679"


def local_version(message: Message, commune_name: str) -> str:
    """The message's words as the public reads them, with the commune's own police named and its own line."""
    revision = message.current_revision
    words = [revision.public_title + ("" if revision.public_title.endswith((".", "!", "?")) else "."),
             *html_paragraphs(revision.public_html)]
    police = f"Công an {commune_name[:1].lower()}{commune_name[1:]}"  # "Xã Tân Hòa" → "Công an xã Tân Hòa"
    text = "\n".join(words).replace("Công an xã", police).replace(SHARED_LINE, LOCAL_LINE)
    if LOCAL_LINE not in text:
        text += f"\nBà con cần báo tin xin gọi {police}, số {LOCAL_LINE}, trực cả ngày và đêm."
    return text


def add_demo_wording(session: Session, message: Message, station: Station, *, actor: User, now: datetime) -> None:
    set_local_wording(session, message, local_version(message, station.area.name), station=station, actor=actor,
                      now=now)
