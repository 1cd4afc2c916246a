"""Campaigns: the plans (Kế hoạch) that messages serve, with their periods, areas, topics and targets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from campaigns.models import Campaign, PeakPeriod, Target, TargetKind, campaign_messages
from content.areas import is_within
from content.audit import record_audit
from content.db import add_with_free_slug, load_by_ids
from content.errors import InvalidInput, PermissionDenied
from content.models import Area, Message, MessageKind, MessageStatus, Topic, User
from content.permissions import DENIED, Action, authorize, is_allowed
from content.wording import Text


def authorize_campaign_view(user: User, campaign: Campaign) -> None:
    """Who may read a campaign: its owner area's officers and those above, and those of an area below it,
    since a province's plan concerns its communes (the same rule as list_campaigns). Writing stays with
    the owner area (CAMPAIGN_WRITE)."""
    if is_allowed(user, Action.CAMPAIGN_VIEW, campaign.owner_area):
        return
    if not (is_allowed(user, Action.CAMPAIGN_VIEW, None) and user.area is not None
            and is_within(user.area, campaign.owner_area)):
        raise PermissionDenied(DENIED, attempted=Action.CAMPAIGN_VIEW.value, object_type="campaign",
                               object_id=campaign.id)


def list_campaigns(session: Session, user: User) -> list[Campaign]:
    """Campaigns owned by an area the user works in or above it (a province plan concerns its communes)."""
    authorize(user, Action.CAMPAIGN_VIEW, None, object_type="campaign")
    campaigns = session.scalars(select(Campaign).join(Area, Campaign.owner_area_id == Area.id)
                                .order_by(Campaign.starts_on.desc(), Campaign.id.desc())).all()
    if user.area is None:
        return list(campaigns)
    return [c for c in campaigns if user.area.path.startswith(c.owner_area.path)
            or c.owner_area.path.startswith(user.area.path)]


@dataclass(frozen=True)
class TargetInput:
    kind: TargetKind
    description: str
    value: float
    unit: str = ""
    min_airings: int | None = None  # commune share: the N of "at least N confirmed airings"
    message_kind: MessageKind | None = None  # messages published: only this kind; None counts every kind
    id: int | None = None  # an existing target kept (with its milestones) rather than replaced
    area_id: int | None = None  # None: the campaign's areas
    starts_on: date | None = None  # None: the campaign's first day
    ends_on: date | None = None  # None: the campaign's last day


@dataclass(frozen=True)
class PeakInput:
    name: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True)
class CampaignInput:
    plan_number: str
    issuing_body: str
    title: str
    starts_on: date
    ends_on: date
    owner_area_id: int
    description: str = ""
    area_ids: tuple[int, ...] = ()
    topic_ids: tuple[int, ...] = ()
    targets: tuple[TargetInput, ...] = ()
    peaks: tuple[PeakInput, ...] = ()


def _validate(session: Session, user: User, data: CampaignInput) -> dict:
    errors: dict[str, str] = {}
    for name, label in (("plan_number", Text("Số kế hoạch")), ("issuing_body", Text("Cơ quan ban hành")),
                        ("title", Text("Tên"))):
        if not getattr(data, name).strip():
            errors[name] = Text("%(label)s không được để trống.", label=label)
    if data.ends_on < data.starts_on:
        errors["ends_on"] = Text("Ngày kết thúc phải sau ngày bắt đầu.")
    owner = session.get(Area, data.owner_area_id)
    if owner is None:
        errors["owner_area_id"] = Text("Địa bàn chủ trì không tồn tại.")
    areas = load_by_ids(session, Area, data.area_ids)
    if areas is None:
        errors["area_ids"] = Text("Có địa bàn không tồn tại.")
    topics = load_by_ids(session, Topic, data.topic_ids)
    if topics is None:
        errors["topic_ids"] = Text("Có chủ đề không tồn tại.")
    target_areas = load_by_ids(session, Area, tuple({t.area_id for t in data.targets if t.area_id}))
    for target in data.targets:
        errors.update(_target_scope_errors(target, data, target_areas or [], areas or [owner] if owner else []))
        if target.value < 0:
            errors["targets"] = Text("Chỉ tiêu '%(name)s' không được là số âm.", name=target.description)
        elif target.kind is TargetKind.COMMUNE_SHARE and (target.min_airings or 0) < 1:
            errors["targets"] = Text("Chỉ tiêu '%(name)s' cần số lượt phát tối thiểu ở mỗi xã, phường (từ 1 trở lên).",
                                     name=target.description)
        elif target.kind in (TargetKind.COMMUNE_SHARE, TargetKind.MODEL_SHARE) and target.value > 100:
            errors["targets"] = Text("Chỉ tiêu '%(name)s' là tỉ lệ phần trăm, không quá 100.", name=target.description)
    for peak in data.peaks:
        if peak.ends_on < peak.starts_on or not peak.name.strip():
            errors["peaks"] = Text("Mỗi đợt cao điểm cần tên, và ngày kết thúc sau ngày bắt đầu.")
    if target_areas is None:
        errors["targets"] = Text("Có chỉ tiêu gắn với địa bàn không tồn tại.")
    if errors or owner is None or areas is None or topics is None:  # each None has its error above
        raise InvalidInput(errors)
    authorize(user, Action.CAMPAIGN_WRITE, owner, object_type="area", object_id=owner.id)
    for area in [*areas, *(target_areas or [])]:
        authorize(user, Action.CAMPAIGN_WRITE, area, object_type="area", object_id=area.id)
    return {"owner": owner, "areas": areas or [owner], "topics": topics}


def _target_scope_errors(target: TargetInput, data: CampaignInput, target_areas: list[Area],
                         campaign_areas: list[Area]) -> dict[str, str]:
    """A target's own area must lie within the campaign's areas, and its period within the campaign's."""
    errors: dict[str, str] = {}
    area = next((a for a in target_areas if a.id == target.area_id), None)
    if area is not None and campaign_areas and not any(is_within(area, root) for root in campaign_areas):
        errors["targets"] = Text("Địa bàn của chỉ tiêu '%(name)s' phải thuộc địa bàn triển khai của chiến dịch.",
                                 name=target.description)
    first, last = target.starts_on or data.starts_on, target.ends_on or data.ends_on
    if last < first or first < data.starts_on or last > data.ends_on:
        errors["targets"] = Text("Thời gian của chỉ tiêu '%(name)s' phải nằm trong thời gian của chiến dịch, "
                                 "ngày kết thúc sau ngày bắt đầu.", name=target.description)
    return errors


def _apply(campaign: Campaign, data: CampaignInput, checked: dict, zone: ZoneInfo) -> None:
    campaign.plan_number, campaign.issuing_body = data.plan_number.strip(), data.issuing_body.strip()
    campaign.title, campaign.description = data.title.strip(), data.description.strip()
    campaign.starts_on, campaign.ends_on = data.starts_on, data.ends_on
    campaign.owner_area, campaign.areas, campaign.topics = checked["owner"], checked["areas"], checked["topics"]
    campaign.targets = [_target(campaign, t) for t in data.targets]
    campaign.peak_periods = [
        PeakPeriod(name=p.name.strip(), starts_at=datetime.combine(p.starts_on, time(0), tzinfo=zone),
                   ends_at=datetime.combine(p.ends_on, time(23, 59), tzinfo=zone))
        for p in data.peaks
    ]


def _target(campaign: Campaign, data: TargetInput) -> Target:
    """The edited target: the same row when the form names one of this campaign's, so its milestones stay."""
    target = next((t for t in campaign.targets if data.id is not None and t.id == data.id), None) or Target()
    target.kind, target.description, target.value = data.kind, data.description.strip(), data.value
    target.unit = data.unit.strip()
    target.min_airings = data.min_airings if data.kind is TargetKind.COMMUNE_SHARE else None
    target.message_kind = data.message_kind if data.kind is TargetKind.MESSAGES_PUBLISHED else None
    target.area_id, target.starts_on, target.ends_on = data.area_id, data.starts_on, data.ends_on
    return target


def create_campaign(session: Session, user: User, data: CampaignInput, *, now: datetime, zone: ZoneInfo,
                    remote_addr: str | None = None) -> Campaign:
    checked = _validate(session, user, data)
    campaign = Campaign(created_at=now)
    _apply(campaign, data, checked, zone)
    add_with_free_slug(session, campaign, Campaign.slug, f"{data.plan_number} {data.title}")
    record_audit(session, actor=user, action="campaign.create", object_type="campaign", object_id=campaign.id,
                 now=now, remote_addr=remote_addr)
    return campaign


def update_campaign(session: Session, campaign: Campaign, user: User, data: CampaignInput, *, now: datetime,
                    zone: ZoneInfo, remote_addr: str | None = None) -> Campaign:
    authorize(user, Action.CAMPAIGN_WRITE, campaign.owner_area, object_type="campaign", object_id=campaign.id)
    _apply(campaign, data, _validate(session, user, data), zone)
    session.flush()
    record_audit(session, actor=user, action="campaign.update", object_type="campaign", object_id=campaign.id,
                 now=now, remote_addr=remote_addr)
    return campaign


def attach_message(session: Session, campaign: Campaign | None, message: Message) -> None:
    """Put a message in one campaign (or none), replacing any earlier link."""
    session.execute(delete(campaign_messages).where(campaign_messages.c.message_id == message.id))
    if campaign is not None:
        session.execute(insert(campaign_messages).values(campaign_id=campaign.id, message_id=message.id))


def campaign_of(session: Session, message: Message) -> Campaign | None:
    return session.scalar(select(Campaign).join(campaign_messages).where(campaign_messages.c.message_id == message.id))


def messages_by_status(session: Session, campaign: Campaign, user: User) -> dict[MessageStatus, list[Message]]:
    """The campaign's messages the user may read, by status: a commune officer sees their commune's only."""
    grouped: dict[MessageStatus, list[Message]] = {status: [] for status in MessageStatus}
    readable = [m for m in campaign.messages if is_allowed(user, Action.MESSAGE_VIEW, m.area)]
    for message in sorted(readable, key=lambda m: m.updated_at, reverse=True):
        grouped[message.status].append(message)
    return {status: items for status, items in grouped.items() if items}
