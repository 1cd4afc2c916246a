"""The reading dictionary as admins keep it: the seed entries, their changes and additions, the link pointer."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import false, select, true
from sqlalchemy.orm import Session, object_session

from content.audit import record_audit
from content.errors import InvalidInput, NotFound
from content.models import SpokenAbbreviation, SpokenSetting, User
from content.permissions import Action, authorize_install_wide
from content.spoken.rules import DEFAULT_RULES, SpokenRules
from content.spoken.tables import MAX_ABBREVIATION
from content.wording import Text

LINK_POINTER = "link_pointer"
MAX_EXPANSION = 200
MAX_POINTER = 300
# One dictionary per session: a day's scripts read thousands of items and need not ask the database each time.
_CACHE_KEY = "loa.spoken_rules"


@dataclass(frozen=True)
class DictionaryEntry:
    abbreviation: str
    expansion: str
    # The seed reading; None when an admin added the token.
    default: str | None
    row: SpokenAbbreviation | None

    @property
    def is_changed(self) -> bool:
        return self.row is not None


def load_rules(session: Session) -> SpokenRules:
    """The default rules with the admins' entries laid over them, read once per session."""
    if _CACHE_KEY not in session.info:
        # One query for both tables: building a day's scripts is counted in queries.
        rows = session.execute(
            select(SpokenAbbreviation.abbreviation, SpokenAbbreviation.expansion, false().label("is_setting"))
            .union_all(select(SpokenSetting.key, SpokenSetting.value, true()))).all()
        settings = {name: value for name, value, is_setting in rows if is_setting}
        session.info[_CACHE_KEY] = DEFAULT_RULES.with_changes(
            abbreviations={name: value for name, value, is_setting in rows if not is_setting},
            link_pointer=settings.get(LINK_POINTER))
    return session.info[_CACHE_KEY]


def rules_of(instance: object) -> SpokenRules:
    """The rules of the database a loaded row came from; the defaults for a row stored nowhere."""
    session = object_session(instance)
    return load_rules(session) if session is not None else DEFAULT_RULES


def link_pointer(session: Session) -> str | None:
    return session.scalar(select(SpokenSetting.value).where(SpokenSetting.key == LINK_POINTER))


def list_entries(session: Session) -> list[DictionaryEntry]:
    rows = {row.abbreviation: row for row in session.scalars(select(SpokenAbbreviation))}
    names = sorted(set(DEFAULT_RULES.abbreviations) | set(rows), key=lambda name: (name.casefold(), name))
    return [DictionaryEntry(abbreviation=name, default=DEFAULT_RULES.abbreviations.get(name), row=rows.get(name),
                            expansion=rows[name].expansion if name in rows else DEFAULT_RULES.abbreviations[name])
            for name in names]


def _clean(value: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", value or "")).strip()


def _checked(abbreviation: str, expansion: str) -> tuple[str, str]:
    abbreviation, expansion, errors = _clean(abbreviation), _clean(expansion), {}
    if not abbreviation:
        errors["abbreviation"] = Text("Hãy nhập chữ viết tắt.")
    elif len(abbreviation) > MAX_ABBREVIATION:
        errors["abbreviation"] = Text("Chữ viết tắt dài tối đa %(n)s ký tự.", n=MAX_ABBREVIATION)
    elif not re.search(r"[^\W_]", abbreviation):
        errors["abbreviation"] = Text("Chữ viết tắt cần có ít nhất một chữ cái hoặc chữ số.")
    if not expansion:
        errors["expansion"] = Text("Hãy nhập cách đọc.")
    elif len(expansion) > MAX_EXPANSION:
        errors["expansion"] = Text("Cách đọc dài tối đa %(n)s ký tự.", n=MAX_EXPANSION)
    if errors:
        raise InvalidInput(errors)
    return abbreviation, expansion


def _row(session: Session, abbreviation: str) -> SpokenAbbreviation | None:
    return session.scalar(select(SpokenAbbreviation).where(SpokenAbbreviation.abbreviation == abbreviation))


def _audit(session: Session, actor: User, action: str, row: SpokenAbbreviation, now: datetime,
           remote_addr: str | None, **detail: str | None) -> None:
    record_audit(session, actor=actor, action=action, object_type="spoken_abbreviation", object_id=row.id, now=now,
                 remote_addr=remote_addr, detail={"abbreviation": row.abbreviation, **detail})
    session.info.pop(_CACHE_KEY, None)


def add_abbreviation(session: Session, actor: User, *, abbreviation: str, expansion: str, now: datetime,
                     remote_addr: str | None = None) -> SpokenAbbreviation:
    """A token the dictionary does not know yet; a known one is changed on its own line instead."""
    authorize_install_wide(actor, Action.SETTINGS_MANAGE, object_type="spoken_dictionary")
    abbreviation, expansion = _checked(abbreviation, expansion)
    if abbreviation in DEFAULT_RULES.abbreviations or _row(session, abbreviation):
        raise InvalidInput({"abbreviation": Text("“%(token)s” đã có trong từ điển; hãy sửa ở dòng của nó.",
                                                 token=abbreviation)})
    row = SpokenAbbreviation(abbreviation=abbreviation, expansion=expansion, updated_at=now, updated_by_id=actor.id)
    session.add(row)
    session.flush()
    _audit(session, actor, "spoken.abbreviation.create", row, now, remote_addr, expansion=expansion)
    return row


def change_abbreviation(session: Session, actor: User, *, abbreviation: str, expansion: str, now: datetime,
                        remote_addr: str | None = None) -> SpokenAbbreviation:
    """A new reading for a known token; changing a seed entry stores an override beside it."""
    authorize_install_wide(actor, Action.SETTINGS_MANAGE, object_type="spoken_dictionary")
    abbreviation, expansion = _checked(abbreviation, expansion)
    row = _row(session, abbreviation)
    if row is None and abbreviation not in DEFAULT_RULES.abbreviations:
        raise NotFound(Text("Từ điển không có “%(token)s”.", token=abbreviation))
    previous = row.expansion if row else DEFAULT_RULES.abbreviations[abbreviation]
    if row is None:
        row = SpokenAbbreviation(abbreviation=abbreviation, expansion=expansion, updated_at=now, updated_by_id=actor.id)
        session.add(row)
    row.expansion, row.updated_at, row.updated_by_id = expansion, now, actor.id
    session.flush()
    _audit(session, actor, "spoken.abbreviation.update", row, now, remote_addr, expansion=expansion, previous=previous)
    return row


def remove_abbreviation(session: Session, actor: User, *, abbreviation: str, now: datetime,
                        remote_addr: str | None = None) -> None:
    """Removes an admin's entry: an added token is forgotten, a changed seed entry reads as seeded again."""
    authorize_install_wide(actor, Action.SETTINGS_MANAGE, object_type="spoken_dictionary")
    row = _row(session, _clean(abbreviation))
    if row is None:
        raise NotFound(Text("Không có mục “%(token)s” do quản trị thêm hoặc sửa.", token=abbreviation))
    _audit(session, actor, "spoken.abbreviation.delete", row, now, remote_addr, expansion=row.expansion,
           default=DEFAULT_RULES.abbreviations.get(row.abbreviation))
    session.delete(row)
    session.flush()


def set_link_pointer(session: Session, actor: User, *, pointer: str, now: datetime,
                     remote_addr: str | None = None) -> str | None:
    """What a removed link is read as; empty means links simply vanish from the spoken text."""
    authorize_install_wide(actor, Action.SETTINGS_MANAGE, object_type="spoken_dictionary")
    pointer_text = _clean(pointer)
    if len(pointer_text) > MAX_POINTER:
        raise InvalidInput({"pointer": Text("Lời chỉ dẫn dài tối đa %(n)s ký tự.", n=MAX_POINTER)})
    setting = session.scalar(select(SpokenSetting).where(SpokenSetting.key == LINK_POINTER))
    previous = setting.value if setting else None
    if not pointer_text:
        if setting is not None:
            session.delete(setting)
    elif setting is None:
        setting = SpokenSetting(key=LINK_POINTER, value=pointer_text, updated_at=now, updated_by_id=actor.id)
        session.add(setting)
    else:
        setting.value, setting.updated_at, setting.updated_by_id = pointer_text, now, actor.id
    session.flush()
    record_audit(session, actor=actor, action="spoken.setting.update", object_type="spoken_setting", object_id=None,
                 now=now, remote_addr=remote_addr,
                 detail={"key": LINK_POINTER, "value": pointer_text or None, "previous": previous})
    session.info.pop(_CACHE_KEY, None)
    return pointer_text or None
