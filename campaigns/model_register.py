"""The register of self-management models: officers of an area add, correct and list its models, and say
which stories and messages feature one.

Writing needs campaign.write over the model's area (the officers who run the movement's plans there);
reading needs campaign.view over it. Every change is audited with what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.selfmanaged_models import ModelKind, ModelStatus, SelfModel
from content.areas import select_subtree
from content.audit import record_audit
from content.errors import InvalidInput, NotFound
from content.models import Area, Message, User
from content.permissions import Action, authorize, is_allowed
from content.wording import Text

MAX_NAME = 200
MAX_NOTE = 4000
# Far above any model (a whole ward's households), far below the database integer: extra zeros are caught.
MAX_COUNT = 1_000_000


@dataclass(frozen=True)
class ModelInput:
    """What the form sends, as typed: counts stay text so a bad one comes back as it was."""

    area_id: int | None
    name: str
    kind: str
    started_on: date | None
    members: str = ""
    households: str = ""
    status: str = ModelStatus.ACTIVE.value
    note: str = ""


@dataclass(frozen=True)
class _Checked:
    area: Area
    name: str
    kind: ModelKind
    started_on: date
    members: int | None
    households: int | None
    status: ModelStatus
    note: str


def _count(text: str, field: str, errors: dict[str, str]) -> int | None:
    text = text.strip().replace(".", "").replace(" ", "")
    if not text:
        return None
    # isdigit() alone also passes "²" and 5,000-digit strings, which int() refuses.
    if not (text.isascii() and text.isdigit() and len(text) <= 7 and int(text) <= MAX_COUNT):
        errors[field] = Text("Phải là một số nguyên không âm, tối đa %(most)s.",
                             most=f"{MAX_COUNT:,}".replace(",", "."))
        return None
    return int(text)


def _check(session: Session, user: User, data: ModelInput, today: date) -> _Checked:
    errors: dict[str, str] = {}
    area = session.get(Area, data.area_id) if data.area_id is not None else None
    if area is None or area.retired_at is not None or area.parent_id is None:
        errors["area_id"] = Text("Hãy chọn xã, phường hoặc thôn, tổ dân phố của mô hình.")
    elif not is_allowed(user, Action.CAMPAIGN_WRITE, area):
        errors["area_id"] = Text("Địa bàn này nằm ngoài phạm vi của bạn.")
    name = " ".join(data.name.split())
    if not name:
        errors["name"] = Text("Hãy nhập tên mô hình.")
    elif len(name) > MAX_NAME:
        errors["name"] = Text("Tên dài quá %(n)s ký tự.", n=MAX_NAME)
    kind = next((k for k in ModelKind if k.value == data.kind), None)
    if kind is None:
        errors["kind"] = Text("Hãy chọn loại mô hình.")
    status = next((s for s in ModelStatus if s.value == data.status), None)
    if status is None:
        errors["status"] = Text("Hãy chọn tình trạng của mô hình.")
    if data.started_on is None:
        errors.setdefault("started_on", Text("Hãy nhập ngày bắt đầu."))
    elif data.started_on > today:
        errors["started_on"] = Text("Ngày bắt đầu không được ở tương lai.")
    members, households = _count(data.members, "members", errors), _count(data.households, "households", errors)
    note = data.note.strip()
    if len(note) > MAX_NOTE:
        errors["note"] = Text("Ghi chú dài quá %(n)s ký tự.", n=MAX_NOTE)
    if errors or area is None or kind is None or status is None or data.started_on is None:
        raise InvalidInput(errors)
    return _Checked(area, name, kind, data.started_on, members, households, status, note)


def _snapshot(model: SelfModel) -> dict[str, Any]:
    return {"area_id": model.area_id, "name": model.name, "kind": model.kind.value,
            "started_on": model.started_on.isoformat(), "members": model.members, "households": model.households,
            "status": model.status.value, "note": model.note}


def _apply(model: SelfModel, checked: _Checked) -> None:
    model.area_id, model.area, model.name, model.kind = checked.area.id, checked.area, checked.name, checked.kind
    model.started_on, model.members, model.households = checked.started_on, checked.members, checked.households
    model.status, model.note = checked.status, checked.note


def _refuse_a_twin(session: Session, checked: _Checked, other_than: int | None = None) -> None:
    """A form sent twice, or a model typed again, would count twice in every figure."""
    names = session.scalars(select(SelfModel.name).where(SelfModel.area_id == checked.area.id,
                                                         SelfModel.id != (other_than or 0)))
    if any(n.casefold() == checked.name.casefold() for n in names):
        raise InvalidInput({"name": Text("%(area)s đã có mô hình %(name)s trong sổ.", area=checked.area.name,
                                         name=checked.name)})


def add_model(session: Session, user: User, data: ModelInput, *, now: datetime, today: date,
              remote_addr: str | None = None) -> SelfModel:
    checked = _check(session, user, data, today)
    _refuse_a_twin(session, checked)
    model = SelfModel(created_by_id=user.id, created_at=now, updated_at=now)
    _apply(model, checked)
    session.add(model)
    session.flush()
    record_audit(session, actor=user, action="self_model.create", object_type="self_model", object_id=model.id,
                 now=now, remote_addr=remote_addr, detail=_snapshot(model))
    return model


def update_model(session: Session, user: User, model: SelfModel, data: ModelInput, *, now: datetime, today: date,
                 remote_addr: str | None = None) -> SelfModel:
    """Correct a model or change its status; the officer must work over both its old and its new area."""
    authorize(user, Action.CAMPAIGN_WRITE, model.area, object_type="self_model", object_id=model.id)
    checked = _check(session, user, data, today)
    _refuse_a_twin(session, checked, other_than=model.id)
    before = _snapshot(model)
    _apply(model, checked)
    model.updated_at = now
    session.flush()
    after = _snapshot(model)
    record_audit(session, actor=user, action="self_model.update", object_type="self_model", object_id=model.id,
                 now=now, remote_addr=remote_addr,
                 detail={"changes": {k: [before[k], after[k]] for k in after if before[k] != after[k]}})
    return model


def get_model(session: Session, user: User, model_id: int) -> SelfModel:
    model = session.get(SelfModel, model_id)
    if model is None:
        raise NotFound(Text("Không tìm thấy mô hình này."))
    authorize(user, Action.CAMPAIGN_VIEW, model.area, object_type="self_model", object_id=model.id)
    return model


def list_models(session: Session, root: Area | None, *, kind: ModelKind | None = None,
                status: ModelStatus | None = None) -> list[SelfModel]:
    """The models of `root`'s subtree (None: everywhere), by area then name."""
    query = select(SelfModel).join(Area, SelfModel.area_id == Area.id)
    if root is not None:
        query = query.where(Area.id.in_(select_subtree(root).with_only_columns(Area.id)))
    if kind is not None:
        query = query.where(SelfModel.kind == kind)
    if status is not None:
        query = query.where(SelfModel.status == status)
    return list(session.scalars(query.order_by(Area.path, SelfModel.name, SelfModel.id)))


def featurable_messages(session: Session, user: User, model: SelfModel, *, limit: int = 100) -> list[Message]:
    """Messages the officer may read that could feature the model: newest first, those linked left out."""
    linked = {m.id for m in model.messages}
    query = select(Message).join(Area, Message.area_id == Area.id)
    if user.area is not None:
        query = query.where(Area.id.in_(select_subtree(user.area).with_only_columns(Area.id)))
    return [m for m in session.scalars(query.order_by(Message.id.desc()).limit(limit + len(linked)))
            if m.id not in linked][:limit]


def set_featured(session: Session, user: User, model: SelfModel, message_id: int, *, featured: bool, now: datetime,
                 remote_addr: str | None = None) -> None:
    """Say that a message features the model (or no longer does); the officer must be able to read it."""
    authorize(user, Action.CAMPAIGN_WRITE, model.area, object_type="self_model", object_id=model.id)
    message = session.get(Message, message_id)
    if message is None or not is_allowed(user, Action.MESSAGE_VIEW, message.area):
        raise InvalidInput({"message_id": Text("Không tìm thấy tin này trong phạm vi của bạn.")})
    if featured and message not in model.messages:
        model.messages.append(message)
    elif not featured and message in model.messages:
        model.messages.remove(message)
    else:
        return
    session.flush()
    record_audit(session, actor=user, action="self_model.feature" if featured else "self_model.unfeature",
                 object_type="self_model", object_id=model.id, now=now, remote_addr=remote_addr,
                 detail={"message_id": message.id})


def registrable_areas(session: Session, user: User) -> list[Area]:
    """Communes and villages (not retired) the officer may register a model in, in tree order."""
    query = select(Area).where(Area.parent_id.is_not(None), Area.retired_at.is_(None))
    if user.area is not None:
        query = query.where(Area.id.in_(select_subtree(user.area).with_only_columns(Area.id)))
    return list(session.scalars(query.order_by(Area.path)))
