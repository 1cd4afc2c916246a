"""Stations, their daily scripts and airing confirmations through the API.

A station's token acts for its own station only; a user's token as that user on the desk: scripts for whoever
may view them in the station's area (script.view), confirmations for radio staff and admins (airing.confirm).
Confirmations go through the staff screens' use-cases (campaigns.airings, campaigns.slot_confirmations).
"""

from __future__ import annotations

from flask import request
from flask_babel import gettext as _

from campaigns.airings import AiringInput, airings_by_delivery, confirm_airing, repeats
from campaigns.models import Station
from campaigns.slot_confirmations import SlotConfirmation, confirm_slot, reason_field
from campaigns.station_setup import select_stations
from content.errors import InvalidInput, PermissionDenied
from content.models import User
from content.permissions import DENIED, Action, authorize
from scheduler.radio_scripts.building import build_daily_script
from scheduler.radio_scripts.formats import script_document
from web.api.auth import authenticate
from web.api.paging import keyset_page
from web.api.spec import operation
from web.api.station_schemas import (
    AiringIn,
    AiringResult,
    ItemAiringIn,
    ScriptOut,
    SlotAiringIn,
    StationList,
    StationQuery,
    airing_out,
    script_out,
    station_out,
)
from web.database import get_db, get_or_404, now, zone
from web.params import path_date
from web.radio.scripts import spoken_cache
from web.radio.slots import find_slot

TAGS = ["stations"]


def _station(station_id: int, action: Action) -> tuple[Station, User | None]:
    """The station, and the user acting on it (None: the station's own token)."""
    station = get_or_404(Station, station_id, _("Không có đài truyền thanh số %(number)s.", number=station_id))
    principal = authenticate()
    if principal.station is not None:
        if principal.station.id != station.id:
            raise PermissionDenied(DENIED, attempted=action.value, object_type="station", object_id=station.id)
        return station, None
    assert principal.user is not None  # a token acts for a user or for a station
    authorize(principal.user, action, station.area, object_type="station", object_id=station.id)
    return station, principal.user


@operation("GET", "/stations", scope="stations:read", summary="Stations in the caller's area",
           description="By id. A station's token sees its own station only.", query=StationQuery,
           response=StationList, tags=TAGS)
def index(query: StationQuery) -> StationList:
    principal = authenticate()
    if principal.station is not None:
        select = select_stations(None).where(Station.id == principal.station.id)
    else:
        assert principal.user is not None
        authorize(principal.user, Action.SCRIPT_VIEW, None, object_type="station")
        select = select_stations(principal.user.area)
    page = keyset_page(get_db(), select, (Station.id,), list_name="stations", cursor=query.cursor, limit=query.limit)
    return StationList(items=[station_out(s) for s in page.items], next=page.next_cursor, links=page.links())


@operation("GET", "/stations/<int:station_id>/scripts/<day>", scope="stations:read",
           summary="A station's script for a day",
           description="`day` is a local date (YYYY-MM-DD). The same document as /radio/stations/{id}/scripts/"
                       "{day}.json: slots, items with their spoken text, programme, local wording and read time.",
           response=ScriptOut, tags=TAGS, headers={"ETag": "The script's version."})
def script(station_id: int, day: str) -> tuple[ScriptOut, dict[str, str]]:
    station, _user = _station(station_id, Action.SCRIPT_VIEW)
    built = build_daily_script(get_db(), station, path_date(day), zone=zone(), spoken=spoken_cache())
    document = script_out(script_document(built))
    return document, {"ETag": f'"{document.version}"'}


def _item(station: Station, user: User | None, body: ItemAiringIn) -> AiringResult:
    db = get_db()
    data = AiringInput(delivery_id=body.delivery_id, status=body.status.value, aired_at=body.aired_at,
                       operator_name=body.operator, note=body.note, reason=body.reason)
    known = airings_by_delivery(db, [body.delivery_id]).get(body.delivery_id)
    if known is not None and known.station_id == station.id and repeats(known, data):
        return AiringResult(airings=[airing_out(known)], recorded=[], kept=[known.delivery_id])
    airing = confirm_airing(db, station, data, now=now(), actor=user, remote_addr=request.remote_addr)
    db.commit()
    return AiringResult(airings=[airing_out(airing)], recorded=[airing.delivery_id], kept=[])


def _slot(station: Station, user: User | None, body: SlotAiringIn) -> AiringResult:
    db = get_db()
    found = find_slot(build_daily_script(db, station, body.day, zone=zone()), body.slot)
    not_aired = {n.delivery_id: n.reason for n in body.not_aired}
    if len(not_aired) != len(body.not_aired):
        raise InvalidInput({"not_aired": _("Mỗi tin chỉ được ghi một lý do.")})
    data = SlotConfirmation(delivery_ids=tuple(body.delivery_ids), not_aired=not_aired, aired_at=body.aired_at,
                            operator_name=body.operator)
    try:
        result = confirm_slot(db, station, data, slot_items=[item.delivery_id for item in found.items], now=now(),
                              actor=user, remote_addr=request.remote_addr)
    except InvalidInput as refused:
        # The slot's form names a reason field per item; the API's field is the item in `not_aired`.
        ids = {reason_field(n): f"not_aired.{n}" for n in not_aired}
        raise InvalidInput({ids.get(key, key): text for key, text in refused.errors.items()}) from None
    db.commit()
    recorded = airings_by_delivery(db, list(body.delivery_ids))
    return AiringResult(airings=[airing_out(recorded[n]) for n in body.delivery_ids if n in recorded],
                        recorded=[a.delivery_id for a in result.recorded], kept=result.kept)


@operation("POST", "/stations/<int:station_id>/airings", scope="airings:write",
           summary="Confirm what a station aired",
           description="One item (`kind: item`) or a whole slot of a day's script (`kind: slot`), aired or not aired "
                       "with a reason. Repeating an answer changes nothing; a different later answer for an item "
                       "corrects it, as on the staff screens, while a slot keeps items confirmed before.",
           body=AiringIn, response=AiringResult, tags=TAGS)
def confirm(station_id: int, body: AiringIn) -> AiringResult:
    station, user = _station(station_id, Action.AIRING_CONFIRM)
    answer = body.root
    return _item(station, user, answer) if isinstance(answer, ItemAiringIn) else _slot(station, user, answer)


VIEWS = [index, script, confirm]
