"""Sentences the domain says to people, kept translatable without the domain knowing any language but Vietnamese.

The domain may not import Flask-Babel (only `web/` speaks to a request, and only a request knows its
language), so a domain error carries a `Text`: the Vietnamese sentence as a plain `str` — what logs,
the audit log and the command line keep — plus the message id and values `web/` hands to `gettext`.
The message id is the Vietnamese source with `%(name)s` placeholders, as everywhere else in Loa, so
`pybabel extract -k Text` finds it and `web/translations/en/LC_MESSAGES/messages.po` translates it.

Values are formatted before they are passed (a date as 24/11/2026, a count as 1.500): a translation
reorders sentences, not numbers. A value may itself be a `Text` (a field's label); it is translated too.
"""

from __future__ import annotations

from collections.abc import Mapping


class Text(str):
    """A Vietnamese sentence for people that `web/` can translate: `str(text)` is the Vietnamese.

    Always built from a literal, `Text("Không có đài %(ids)s.", ids=...)`, so the extractor sees the id.
    """

    msgid: str
    params: Mapping[str, object]

    def __new__(cls, msgid: str, /, **params: object) -> Text:
        # Like gettext: the id is %-formatted only when there are values, so a lone "%" needs no doubling.
        text = super().__new__(cls, msgid % {k: str(v) for k, v in params.items()} if params else msgid)
        text.msgid, text.params = msgid, params
        return text

    def fill(self, **params: object) -> Text:
        """The same sentence with (more) values: for a sentence kept in a constant and filled where it is said."""
        return Text(self.msgid, **{**self.params, **params})

    def __reduce__(self) -> tuple[object, ...]:
        # A str subclass would otherwise pickle back without its id and values.
        return _rebuild, (self.msgid, dict(self.params))


def _rebuild(msgid: str, params: dict[str, object]) -> Text:
    return Text(msgid, **params)

