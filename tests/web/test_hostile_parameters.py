"""Every route of the app, walked from its URL map, fed numbers and dates no one should send: never a 500.

Huge integers overflow the database's integer (PostgreSQL raises; SQLite's driver refuses ints past 64
bits), and dates at the ends of the calendar overflow date arithmetic. Each must be answered with a
4xx that says what is wrong (a JSON problem on the radio API), or ignored with a notice on a page
whose filters merely narrow what it shows.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timezone

import pytest
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.routing import Rule

from campaigns.api_tokens import issue_api_token
from campaigns.campaign_records import CampaignInput, TargetInput, create_campaign
from campaigns.clusters import ClusterInput, create_cluster
from campaigns.commendation_models import Commendation, CommendationLevel
from campaigns.local_wordings import set_local_wording
from campaigns.models import ChannelKind, Delivery, TargetKind
from campaigns.nominations import NominationInput, submit_nomination
from campaigns.programme_models import Programme
from campaigns.selfmanaged_models import ModelKind, SelfModel
from campaigns.station_tokens import issue_station_token
from campaigns.tipoff_models import Tipoff, TipoffKind
from campaigns.tipoff_sealing import generate_tipoff_key, seal_text
from content.messages import MessageInput, create_message, transition_message
from content.models import MessageKind, Role
from content.villages import VillageInput, add_village
from tests.factories import make_area, make_channel, make_station, make_user
from tests.web.helpers import csrf_token, log_in

NOW = datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)
HUGE = str(10**20)
TIPOFF_KEY = generate_tipoff_key()
HOSTILE = (HUGE, str(10**30), "9" * 5000, "-" + HUGE, "-1", "0", "²", "9999-12-31", "0001-01-01", "10000-01-01",
           "9999-12-31T23:59", "0001-01-01T00:00")
# Every name a view reads a number, a date or a time from (query string and forms); a name a view
# does not read costs one ignored parameter.
# The fields a form is first sent with, so that the view reads as many of its fields as it can
# (a story's fields, the daily plan's rows); the walk then makes each field it read hostile in turn.
def base_form(ids: dict[str, int]) -> dict[str, str]:
    return {"title": "Tin thử", "body_md": "Thử.", "kind": "story", "mode": "daily", "slot_times": "06:00",
            "slot_first_day": "2026-12-01", "channel_ids": str(ids["channel_id"]), "area_id": str(ids["commune_id"]),
            "delivery_id": str(ids["radio_delivery_id"]), "status": "aired", "name": "Đài thử",
            "slot_start": "06:00", "slot_minutes": "15"}


class RecordingArgs(ImmutableMultiDict):
    """Query strings and forms that note every name a view reads from them."""

    read: set[str] = set()

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        RecordingArgs.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None, type=None):  # type: ignore[no-untyped-def]
        RecordingArgs.read.add(key)
        return super().get(key, default, type)

    def getlist(self, key, type=None):  # type: ignore[no-untyped-def]
        RecordingArgs.read.add(key)
        return super().getlist(key, type)

    def __contains__(self, key):  # type: ignore[no-untyped-def]
        RecordingArgs.read.add(key)
        return super().__contains__(key)


def world(session):  # type: ignore[no-untyped-def]
    province = make_area(session, name="Tỉnh Bờ Biển")
    commune = make_area(session, parent=province, name="Xã Cồn Cát")
    admin = make_user(session, role=Role.ADMIN, area=None, username="quantri")
    station = make_station(session, commune)
    token = issue_station_token(station, now=NOW)
    telegram = make_channel(session, ChannelKind.TELEGRAM, settings={"chat_id": "@thu"})
    message = create_message(session, admin, MessageInput(kind=MessageKind.ARTICLE, title="Tin kiểm tra tham số",
                                                          body_md="Nội dung.", area_id=commune.id), now=NOW)
    transition_message(session, message, "submit", actor=admin, now=NOW)
    transition_message(session, message, "approve", actor=make_user(session, role=Role.APPROVER, area=province),
                       now=NOW)
    delivery = Delivery(message=message, channel=telegram, due_at=NOW, idempotency_key="tham-so")
    radio = Delivery(message=message, station=station, due_at=NOW, idempotency_key="tham-so-dai")
    programme = Programme(station=station, name="Chuyên mục tham số", weekdays="4", starts_at=time(19), minutes=15)
    model = SelfModel(area=commune, name="Khu dân cư không ma túy Cồn Cát", kind=ModelKind.DRUG_FREE,
                      started_on=NOW.date())
    session.add_all([delivery, radio, programme, model])
    campaign = create_campaign(session, admin, CampaignInput(
        plan_number="KH 9", issuing_body="UBND", title="Chiến dịch tham số", starts_on=NOW.date(), ends_on=NOW.date(),
        owner_area_id=province.id, targets=(TargetInput(kind=TargetKind.MILESTONES, description="Xã đạt chuẩn",
                                                        value=3),)), now=NOW, zone=timezone.utc)
    village = add_village(session, admin, commune, VillageInput("Thôn Bãi Dứa", "320"), now=NOW)
    cluster = create_cluster(session, admin, station, ClusterInput("Cụm loa Bãi Dứa", (village.id,)), now=NOW)
    wording = set_local_wording(session, message, "Lời đọc riêng của xã Cồn Cát.", actor=admin, now=NOW, station=station)
    nomination = submit_nomination(session, NominationInput(person_name="Người Thử Tham Số", area_id=village.id,
                                                            deed="Việc tốt thử tham số."), now=NOW, today=NOW.date())
    honour = Commendation(year=2026, area_id=commune.id, recipient="Ông Tòng Văn Khéo", reason="Bắt kẻ trộm trâu",
                          level=CommendationLevel.COMMUNE, decision_number="12/QĐ-UBND", decided_on=NOW.date())
    session.add(honour)
    admin.reads_tipoffs = True
    tipoff = Tipoff(receipt_hash="0" * 64, kind=TipoffKind.REPORT, area_id=commune.id, received_at=NOW,
                    body_ciphertext=seal_text(TIPOFF_KEY, "Phản ánh thử tham số."))
    session.add(tipoff)
    api_token = issue_api_token(session, issuer=None, name="Cổng thử tham số", user=admin, scopes=["messages:read"],
                                now=NOW).token
    session.commit()
    ids = {"token_id": api_token.id, "nomination_id": nomination.id, "commendation_id": honour.id, "year": 2026, "village_id": village.id, "cluster_id": cluster.id, "wording_id": wording.id, "message_id": message.id, "delivery_id": delivery.id, "station_id": station.id, "campaign_id": campaign.id,
           "channel_id": telegram.id, "user_id": admin.id, "number": 1, "commune_id": commune.id,
           "radio_delivery_id": radio.id, "target_id": campaign.targets[0].id,
           "programme_id": programme.id, "notification_id": 1, "model_id": model.id,
           "tipoff_id": tipoff.id, "photo_id": 1}
    return ids, token


VALID_TEXT = {"day": "2026-11-23", "fmt": "json", "code": "khongco", "slug": "khong-co", "name": "khong-co.png",
              "kind": "webhook", "action": "submit", "filename": "loa.css", "table": "channels", "slot": "0600"}
ARGUMENT = re.compile(r"<(?:(?P<converter>[a-z]+)(?:\([^)]*\))?:)?(?P<name>\w+)>")


def fill(rule: Rule, ids: dict[str, int], hostile: str | None = None, target: str | None = None) -> str:
    """The rule's path with real values, or `hostile` in the argument named `target`."""
    def value(match: re.Match[str]) -> str:
        name, converter = match["name"], match["converter"]
        if name == target:
            return hostile or ""
        if converter == "any":
            return "mp3"
        return str(ids[name]) if converter == "int" else VALID_TEXT[name]
    return ARGUMENT.sub(value, rule.rule)


# Forms that end the admin's own session: they read no number, and would sign the walk out.
SIGNING_OUT = ("desk.logout", "desk.end_all_sessions")


def rules(app, method: str) -> list[Rule]:  # type: ignore[no-untyped-def]
    return sorted((r for r in app.url_map.iter_rules() if method in r.methods and r.endpoint != "static"
                   and r.endpoint not in SIGNING_OUT), key=lambda r: r.rule)


@pytest.fixture
def signed_in(app, client, session):  # type: ignore[no-untyped-def]
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a crash must show as the 500 a visitor would get
    app.config["TIPOFF_KEY"] = TIPOFF_KEY
    app.request_class = type("RecordingRequest", (app.request_class,), {"parameter_storage_class": RecordingArgs})
    ids, token = world(session)
    log_in(client, "quantri")
    return ids, token


def answers(client, method: str, path: str, **kwargs) -> int:  # type: ignore[no-untyped-def]
    with client.open(path, method=method, **kwargs) as response:  # closed: audio answers are open files
        return response.status_code


def names_read(client, method: str, path: str, **kwargs) -> set[str]:  # type: ignore[no-untyped-def]
    RecordingArgs.read = set()
    answers(client, method, path, **kwargs)
    return RecordingArgs.read - {"csrf_token", "next", "token"}


def short(text: str) -> str:
    return text if len(text) < 60 else text[:25] + "…"


def path_targets(rule: Rule) -> list[str]:
    return [m["name"] for m in ARGUMENT.finditer(rule.rule) if m["converter"] != "any"]


def test_no_get_route_answers_500_to_hostile_numbers_or_dates(app, client, signed_in):
    ids, _ = signed_in
    crashed = []
    for rule in rules(app, "GET"):
        path = fill(rule, ids)
        names = names_read(client, "GET", path)
        for value in HOSTILE:
            for target in path_targets(rule):
                hostile_path = fill(rule, ids, value, target)
                if answers(client, "GET", hostile_path) >= 500:
                    crashed.append(short(hostile_path))
            for name in names:
                if answers(client, "GET", path, query_string={name: value}) >= 500:
                    crashed.append(f"{path}?{name}={short(value)}")
    assert crashed == []
    assert client.get("/desk/").status_code == 200


def test_no_form_answers_500_to_hostile_numbers_or_dates(app, client, signed_in):
    ids, _ = signed_in
    token = csrf_token(client, "/desk/password")
    crashed = []
    for rule in rules(app, "POST"):
        if rule.endpoint in ("airings_api.confirm", "desk.preview", "desk.login"):
            continue  # JSON endpoints: the tests below; the login form reads no number
        path = fill(rule, ids)
        names = names_read(client, "POST", path, data={**base_form(ids), "csrf_token": token})
        for value in HOSTILE:
            for name in names:
                if answers(client, "POST", path, data={**base_form(ids), name: value, "csrf_token": token}) >= 500:
                    crashed.append(f"{path} {name}={short(value)}")
            for target in path_targets(rule):
                hostile_path = fill(rule, ids, value, target)
                if answers(client, "POST", hostile_path, data={"csrf_token": token}) >= 500:
                    crashed.append(short(hostile_path))
    assert crashed == []
    assert client.get("/desk/").status_code == 200  # still signed in: every form above was really tried


@pytest.mark.parametrize("delivery_id", [10**30, 2**63, 2**31, -(10**30), -1, 0])
def test_the_airing_api_answers_a_json_problem_to_a_huge_delivery_id(app, client, signed_in, delivery_id):
    ids, token = signed_in
    response = client.post(f"/radio/api/stations/{ids['station_id']}/airings",
                           json={"delivery_id": delivery_id, "status": "aired"},
                           headers={"Authorization": f"Bearer {token}"})
    assert 400 <= response.status_code < 500
    assert response.mimetype == "application/problem+json"
    assert response.get_json()["status"] == response.status_code


@pytest.mark.parametrize("aired_at", ["0001-01-01T00:00", "9999-12-31T23:59", "99999-01-01T00:00"])
def test_the_airing_api_answers_a_json_problem_to_an_out_of_range_time(app, client, signed_in, aired_at):
    ids, token = signed_in
    response = client.post(f"/radio/api/stations/{ids['station_id']}/airings",
                           json={"delivery_id": ids["radio_delivery_id"], "status": "aired", "aired_at": aired_at},
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400 and response.mimetype == "application/problem+json"
    assert "aired_at" in response.get_json()["errors"]


@pytest.mark.parametrize("path", ["/?page=" + HUGE, "/desk/?page=" + HUGE, "/desk/media/?page=-1",
                                  "/admin/audit?page=" + HUGE])
def test_a_page_number_out_of_range_is_a_400_that_says_so(client, signed_in, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "page: Giá trị không hợp lệ" in response.get_data(as_text=True)


def test_a_calendar_day_out_of_range_shows_today_and_says_why(client, signed_in):
    response = client.get("/desk/calendar?day=9999-12-31")
    assert response.status_code == 200 and "9999-12-31" in response.get_data(as_text=True)


@pytest.mark.parametrize("path", [f"/desk/messages/{HUGE}", f"/stations/{10**30}", f"/admin/channels/{2**31}"])
def test_an_id_too_big_for_the_database_names_nothing(client, signed_in, path):
    assert client.get(path).status_code == 404


def test_the_airing_api_answers_a_json_problem_to_a_station_id_too_big_for_the_database(client, signed_in):
    _, token = signed_in
    response = client.post(f"/radio/api/stations/{10**30}/airings", json={"delivery_id": 1, "status": "aired"},
                           headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 404 and response.mimetype == "application/problem+json"
