"""Per-channel variants of an approved message: the text each platform gets, within its limit.

A variant never carries the link: connectors add the tracked link where the platform wants it,
so the limit here is the platform's minus the room the link takes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from campaigns.deliveries import CHANGEABLE
from campaigns.models import ChannelKind, Delivery
from content.audit import record_audit
from content.errors import InvalidInput
from content.html_text import html_paragraphs
from content.models import Message, User
from content.permissions import Action, authorize
from content.wording import Text

TELEGRAM_TEXT, TELEGRAM_CAPTION = 4096, 1024  # Bot API: sendMessage text, sendPhoto caption
FACEBOOK_POST = 63206  # Graph API: the longest a Page post's message may be
ZALO_DESCRIPTION = 300  # OA article: the summary shown under the title
WEBHOOK_TEXT = 20_000  # ours: receivers get the HTML too; the text is a convenience
LINK_GAP = 2  # the blank line a connector puts between the text and the link
SOCIAL = frozenset({ChannelKind.FACEBOOK, ChannelKind.ZALO, ChannelKind.TELEGRAM, ChannelKind.WEBHOOK})


def text_limit(kind: ChannelKind, *, with_image: bool, link_length: int) -> int:
    """How long a variant may be on this platform, leaving room for the link where the text holds it."""
    if kind is ChannelKind.TELEGRAM:
        return (TELEGRAM_CAPTION if with_image else TELEGRAM_TEXT) - link_length - LINK_GAP
    if kind is ChannelKind.FACEBOOK:
        return FACEBOOK_POST - link_length - LINK_GAP
    if kind is ChannelKind.ZALO:
        return ZALO_DESCRIPTION  # the link goes in the article body, not the summary
    return WEBHOOK_TEXT


def fit(text: str, limit: int) -> str:
    """The text cut at a word boundary to fit, marked with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 0)]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    return (cut[:space] if space > limit // 2 else cut).rstrip(" ,;:.\n") + "…"


def social_variant(message: Message, kind: ChannelKind, *, with_image: bool, link_length: int) -> str:
    """The platform's text, from the forms the public reads (content.public_forms): a story's consent applied."""
    limit = text_limit(kind, with_image=with_image, link_length=link_length)
    public = message.current_revision
    summary, body = public.public_summary, "\n\n".join(html_paragraphs(public.public_html))
    if kind is ChannelKind.ZALO:
        return fit(summary or body, limit)
    parts = [public.public_title, summary, body]
    return fit("\n\n".join(p for p in parts if p), limit)


def set_variant(session: Session, delivery: Delivery, text: str, *, actor: User, now: datetime,
                link_length: int, remote_addr: str | None = None) -> Delivery:
    """An editor's own wording for one delivery, checked against the platform's limit."""
    authorize(actor, Action.MESSAGE_SCHEDULE, delivery.message.area, object_type="delivery", object_id=delivery.id)
    if delivery.status not in CHANGEABLE:
        raise InvalidInput({"variant": Text("Lượt phát này đang được gửi hoặc đã xong; không sửa được nội dung nữa.")})
    if delivery.channel is None or delivery.channel.kind not in SOCIAL:
        raise InvalidInput({"variant": Text("Chỉ các kênh mạng xã hội và webhook có nội dung riêng cho kênh.")})
    text = text.strip()
    limit = text_limit(delivery.channel.kind, with_image=delivery.message.image_id is not None,
                       link_length=link_length)
    if not text:
        raise InvalidInput({"variant": Text("Nội dung cho kênh không được để trống.")})
    if len(text) > limit:
        raise InvalidInput({"variant": Text("Nội dung dài %(n)s ký tự, vượt giới hạn %(limit)s ký tự của kênh này "
                                            "(đã trừ chỗ cho đường dẫn).", n=f"{len(text):,}", limit=f"{limit:,}")})
    delivery.variant = text
    record_audit(session, actor=actor, action="delivery.variant", object_type="delivery", object_id=delivery.id,
                 now=now, remote_addr=remote_addr, detail={"length": len(text)})
    return delivery
