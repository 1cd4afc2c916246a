"""Telling an editor, in words, where a story may still name a person who has not agreed to be named."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext

from content.consent_masking import NameWarning

FIELD_LABELS = {
    "title": lazy_gettext("Tiêu đề"), "summary": lazy_gettext("Tóm tắt"), "body_md": lazy_gettext("Nội dung"),
    "deed": lazy_gettext("Việc tốt"), "spoken_override": lazy_gettext("Lời đọc trên loa"),
    "image_alt": lazy_gettext("Mô tả ảnh"),
}
REASONS = {
    "phrase": lazy_gettext("có thể là tên người được nêu gương, nhưng cũng là một từ thường nên không được che"),
    "proper_noun": lazy_gettext("có thể là tên người được nêu gương, nhưng cũng có thể là một tên riêng khác "
                                "(địa danh…) nên không được che"),
    "inside_word": lazy_gettext("tên người được nêu gương nằm liền trong một từ khác nên không che được"),
}


def describe_warnings(warnings: list[NameWarning]) -> list[dict[str, str]]:
    """One line each, for the review page and the live preview alike."""
    return [{"field": w.field, "excerpt": w.mention.excerpt,
             "text": _("%(field)s: “%(excerpt)s” — %(reason)s.", field=FIELD_LABELS[w.field],
                       excerpt=w.mention.excerpt, reason=REASONS[w.mention.reason])}
            for w in warnings]
