"""Putting the demo into a database: one real province, invented people, messages at every step of their life.

Past publications go through the real dispatcher at their own past times, so the demo shows
what the product would have done, not rows written straight into the tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from campaigns.models import BroadcastSlot, Campaign, Channel, ChannelKind, PeakPeriod, Station, Target, TargetKind
from campaigns.planning import plan_deliveries
from campaigns.station_tokens import issue_station_token
from content.areas import get_area_by_code
from content.audit import record_audit
from content.media import store_image
from content.messages import MessageInput, StoryFields, create_message, transition_message
from content.models import Area, AreaKind, AuditLog, MessageKind, Priority, Role, Topic, User
from content.users import create_user
from content.vietnamese import slugify
from scheduler.alerts.job import DEFAULT_GRACE
from scheduler.alerts.missed import raise_alerts
from scheduler.demo import data
from scheduler.demo.commendations import add_demo_commendations
from scheduler.demo.nominations import add_demo_nominations
from scheduler.demo.people import add_people_answers
from scheduler.demo.pictures import SCENES, draw_scene
from scheduler.demo.programmes import add_demo_programmes
from scheduler.demo.reach_season import SeasonReport, record_reach_season
from scheduler.demo.self_management import add_demo_models
from scheduler.demo.villages import add_clusters, plan_village_notice
from scheduler.demo.wordings import add_demo_wording
from scheduler.dispatch import run_tick
from scheduler.sending import DispatchSettings

DEMO_PASSWORD = "loa-demo-2026"
DEMO_BASE_URL = "http://127.0.0.1:5000"
DEMO_MARK = "demo.load"
STATION_COUNT = 4
SLOTS = ((time(6, 0), 15), (time(17, 0), 15))
# The demo's messages were written over the last eight weeks, the season its reach covers.
SEASON_DAYS = 56
# Days back the demo raises missing-confirmation alerts for: a few of the least reliable station's, not the season's.
ALERT_DAYS = 14
# Who each station's loudspeakers reach; the last station has no figure yet, as happens ("chưa có số liệu").
COVERAGE = (9_800, 12_400, 7_600, None)


@dataclass
class DemoSummary:
    already_loaded: bool = False
    messages: int = 0
    published: int = 0
    scheduled: int = 0
    stations: list[tuple[int, str, str]] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)
    reach: SeasonReport | None = None
    alerts: int = 0  # stations' days with a slot nobody confirmed (scheduler.alerts)

    def describe(self) -> str:
        if self.already_loaded:
            return "Demo data was already loaded; nothing added."
        lines = [f"Demo data: {self.messages} messages ({self.published} published, {self.scheduled} scheduled "
                 "for the coming days), 2 campaigns."]
        if self.reach:
            lines += [f"Reach over {SEASON_DAYS // 7} weeks: {self.reach.views} portal views, {self.reach.clicks} "
                      f"tracked-link clicks, {self.reach.airings} airings confirmed or refused, "
                      f"{self.reach.readings} Facebook and Zalo readings."]
        if self.alerts:
            lines += [f"Missing-confirmation alerts: {self.alerts} (see Thông báo after signing in)."]
        lines += ["Stations and their radio API tokens (shown once):"]
        lines += [f"  #{sid} {name}: {token}" for sid, name, token in self.stations]
        return "\n".join(lines)

# Invented people and numbers (the grid links a phone number for the officer to call).
STATION_CONTACTS = ("Anh Phạm Văn Tùng, tổ phát thanh xã, 0900 000 101", "Chị Đinh Thị Hoa, 0900 000 102",
                    "Anh Bùi Quang Lộc, 0900 000 103", "Chị Trịnh Thu Hằng, 0900 000 104")


def holds_only_demo_data(session: Session) -> bool:
    """True for a database with no accounts, or the demo's own: loading the demo there exposes nobody.

    Anywhere else the demo would add an admin whose password is printed in the README.
    """
    usernames = set(session.scalars(select(User.username)))
    if not usernames:
        return True
    marked = session.scalar(select(AuditLog.id).where(AuditLog.action == DEMO_MARK).limit(1)) is not None
    # Demos loaded before the mark existed: exactly the demo's accounts and no other.
    return marked or usernames == {spec["username"] for spec in data.USERS}


def _local(day: date, at: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=zone).astimezone(timezone.utc)


def _areas(session: Session, province: Area) -> tuple[list[Area], list[Area]]:
    communes = list(session.scalars(
        # Rural communes first: that is where the loudspeaker matters most.
        select(Area).where(Area.parent_id == province.id, Area.kind == AreaKind.COMMUNE)
        .order_by(Area.division_type != "xã", Area.code)
        .limit(STATION_COUNT)
    ))
    residential = []
    for n, name in enumerate(data.RESIDENTIAL_AREAS):
        commune = communes[n % len(communes)]
        code = f"{commune.code}-D{n + 1:02d}"
        residential.append(Area(code=code, name=name, kind=AreaKind.RESIDENTIAL, division_type="thôn/tổ dân phố",
                                parent=commune, path=f"{commune.path}{code}/", population=900 + 137 * n))
    session.add_all(residential)
    return communes, residential


def _users(session: Session, province: Area, communes: list[Area]) -> dict[str, User]:
    scope = {Role.RADIO_OPERATOR: communes[0]}
    users = {}
    for spec in data.USERS:
        role = Role(spec["role"])
        area = communes[1] if spec["username"].endswith("2") else scope.get(role, province)
        users[spec["username"]] = create_user(session, actor=None, username=spec["username"], password=DEMO_PASSWORD,
                                              role=role, area=area, full_name=spec["full_name"])
    return users


def _campaigns(session: Session, province: Area, topics: dict[str, Topic], zone: ZoneInfo) -> dict[str, Campaign]:
    campaigns = {}
    for spec in data.CAMPAIGNS:
        campaign = Campaign(
            plan_number=spec["plan_number"], issuing_body=spec["issuing_body"], title=spec["title"],
            slug=slugify(spec["title"]), description=spec["description"], starts_on=spec["starts_on"],
            ends_on=spec["ends_on"], owner_area=province, areas=[province],
            topics=[topics[s] for s in spec["topics"]],
            targets=[Target(kind=TargetKind(t["kind"]), description=t["description"], value=t["value"], unit=t["unit"],
                            min_airings=t.get("min_airings"), starts_on=t.get("starts_on"), ends_on=t.get("ends_on"),
                            message_kind=MessageKind(t["message_kind"]) if "message_kind" in t else None)
                     for t in spec["targets"]],
            peak_periods=[PeakPeriod(name=p["name"], starts_at=_local(p["starts_on"], time(0), zone),
                                     ends_at=_local(p["ends_on"], time(23, 59), zone)) for p in spec["peak_periods"]],
        )
        session.add(campaign)
        campaigns[spec["key"]] = campaign
    return campaigns


def _input(spec: dict, area: Area, topics: dict[str, Topic], residential: dict[str, Area]) -> MessageInput:
    story = None
    if spec["kind"] == "story":
        story = StoryFields(person_name=spec["person_name"], deed=spec["deed"], deed_on=spec["deed_on"],
                            name_consent=spec["name_consent"], commendation=spec.get("commendation"),
                            person_area_id=residential[spec["residential_area"]].id)
    return MessageInput(kind=MessageKind(spec["kind"]), title=spec["title"], body_md=spec["body_md"],
                        summary=spec["summary"], area_id=area.id, priority=Priority(spec.get("priority", "normal")),
                        topic_ids=tuple(topics[s].id for s in spec["topics"]), story=story)


def load_demo(session_factory: sessionmaker[Session], *, province_code: str, now: datetime,
              zone: ZoneInfo, media_root: Path | None = None, base_url: str = DEMO_BASE_URL) -> DemoSummary:
    """Load the demo once; a second call changes nothing.

    :param media_root: where the illustrations go; without it the demo has no images.
    :param base_url: the public address the demo's social posts link to.
    """
    with session_factory() as session:
        if session.scalar(select(User.id).where(User.username == data.USERS[0]["username"])) is not None:
            return DemoSummary(already_loaded=True, logins=[(u["username"], u["role"]) for u in data.USERS])
        summary, due_times = _load(session, province_code=province_code, now=now, zone=zone, media_root=media_root)
        session.commit()
    # Publish the past at its own times, through the dispatcher, oldest first.
    for moment in sorted(t for t in due_times if t <= now):
        run_tick(session_factory, now=moment, worker="demo", settings=DispatchSettings())
    add_people_answers(session_factory, now=now)  # before the season's reach is rolled up
    summary.reach = record_reach_season(session_factory, now=now, zone=zone, base_url=base_url)
    # The last fortnight's slots nobody confirmed, raised as the worker's alert job would have, each late evening.
    today = now.astimezone(zone).date()
    for back in range(ALERT_DAYS, -1, -1):
        evening = min(_local(today - timedelta(days=back), time(23), zone), now)
        summary.alerts += raise_alerts(session_factory, now=evening, zone=zone, grace=DEFAULT_GRACE,
                                       email_enabled=False).raised
    return summary


def _illustrations(session: Session, editor: User, media_root: Path | None, now: datetime) -> list[int | None]:
    if media_root is None:
        return [None]
    items = [store_image(session, data=png, original_name=f"minh-hoa-{name}.png", alt_text=alt, uploader=editor,
                         media_root=media_root, now=now) for name, (png, alt) in ((n, draw_scene(n)) for n in SCENES)]
    return [item.id for item in items]


def _load(session: Session, *, province_code: str, now: datetime, zone: ZoneInfo,
          media_root: Path | None) -> tuple[DemoSummary, set[datetime]]:
    province = get_area_by_code(session, province_code)
    communes, residential_list = _areas(session, province)
    residential = {a.name: a for a in residential_list}
    topics = {t["slug"]: Topic(slug=t["slug"], name=t["name"]) for t in data.TOPICS}
    session.add_all(topics.values())
    users = _users(session, province, communes)
    campaigns = _campaigns(session, province, topics, zone)
    # The province's: its admin manages them, and every commune's messages may go out on them.
    portal = Channel(kind=ChannelKind.PORTAL, name="Cổng thông tin điện tử", area=province)
    feed = Channel(kind=ChannelKind.FEED, name="RSS toàn trang", area=province)
    # Switched off until an admin enters the bot's token: shows how a channel is set up.
    session.add(Channel(kind=ChannelKind.TELEGRAM, name="Kênh Telegram An ninh cơ sở", is_enabled=False,
                        settings={"chat_id": "@anninh_coso_demo"}, area=province))
    stations = [Station(name=f"Đài truyền thanh {c.name}", area=c, contact=STATION_CONTACTS[n % len(STATION_CONTACTS)],
                        coverage_population=COVERAGE[n % len(COVERAGE)],
                        slots=[BroadcastSlot(starts_at=t, minutes=m) for t, m in SLOTS]) for n, c in enumerate(communes)]
    session.add_all([portal, feed, *stations])
    session.flush()

    editor, approver = users["bientap"], users["pheduyet"]
    summary = DemoSummary(logins=[(u["username"], u["role"]) for u in data.USERS])
    due_times: set[datetime] = set()
    today = now.astimezone(zone).date()
    images = _illustrations(session, editor, media_root, now - timedelta(days=SEASON_DAYS + 1))
    for n, spec in enumerate(data.MESSAGES):
        # Spread the work over the season, in no particular order of the files; some of each kind stay in progress.
        written = now - timedelta(days=3 + (n * 23 % len(data.MESSAGES)) * (SEASON_DAYS - 3) // len(data.MESSAGES),
                                  hours=n % 5)
        # Every story and every other article has a picture; notices are read, not looked at.
        pictured = spec["kind"] == "story" or (spec["kind"] == "article" and n % 2 == 0)
        draft = _input(spec, communes[n % len(communes)], topics, residential)
        message = create_message(session, editor, replace(draft, image_id=images[n % len(images)] if pictured else None),
                                 now=written)
        if spec.get("campaign"):
            campaigns[spec["campaign"]].messages.append(message)
        summary.messages += 1
        stage = n % 12
        if stage >= 10:
            continue  # drafts
        transition_message(session, message, "submit", actor=editor, now=written + timedelta(hours=1))
        if stage == 9:
            continue  # waiting for review
        if stage == 8:
            transition_message(session, message, "request_changes", actor=approver, now=written + timedelta(hours=3),
                               comment="Đề nghị bổ sung số điện thoại đường dây nóng của Công an xã.")
            continue
        transition_message(session, message, "approve", actor=approver, now=written + timedelta(hours=2))
        station = stations[n % len(stations)]
        if stage >= 6:
            # Tomorrow's and the day after's loudspeaker slots, plus the portal at the same time.
            day = today + timedelta(days=1 + stage % 2)
            due = _local(day, SLOTS[n % 2][0], zone)
            # A province-wide plan: every station reads it.
            plan_deliveries(session, message, actor=approver, due_at=due, now=written + timedelta(hours=3),
                            channels=[portal, feed], stations=stations)
            if stage == 6:  # the first station reads these in its own words (campaigns.local_wordings)
                add_demo_wording(session, message, stations[0], actor=editor, now=written + timedelta(hours=4))
            summary.scheduled += 1
            continue
        due = _local(written.astimezone(zone).date() + timedelta(days=1), SLOTS[n % 2][0], zone)
        plan_deliveries(session, message, actor=approver, due_at=due, now=written + timedelta(hours=3),
                        channels=[portal, feed], stations=[station])
        due_times.add(due)
        if due <= now:
            summary.published += 1
        else:
            summary.scheduled += 1
    add_clusters(session, stations, residential_list, now=now - timedelta(days=SEASON_DAYS))
    plan_village_notice(session, residential_list[0], editor=editor, approver=approver, now=now, zone=zone)
    summary.messages += 1
    summary.scheduled += 1
    add_demo_programmes(session, stations, admin=users["quantri"], approver=approver, now=now, zone=zone)
    summary.messages += add_demo_nominations(session, residential_list, editor=editor, now=now, zone=zone)
    add_demo_commendations(session, editor=editor, now=now, zone=zone)
    add_demo_models(session, campaigns["antq-khu-dan-cu-an-toan"], communes, residential_list, officer=editor,
                    now=now, zone=zone)
    for station in stations:
        summary.stations.append((station.id, station.name, issue_station_token(station, now=now)))
    # The mark that tells a later `loa demo` this database is the demo's own.
    record_audit(session, actor=None, action=DEMO_MARK, object_type="database", object_id=None, now=now,
                 detail={"province": province_code})
    return summary, due_times
