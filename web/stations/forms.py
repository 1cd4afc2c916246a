"""The station form as typed, and what to show in it again: rows of slots, blanks to add more."""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

from campaigns.models import Station
from campaigns.station_setup import SlotInput, StationInput
from content.errors import InvalidInput
from web.params import read_int

BLANK_SLOT_ROWS = 2


def _slot_rows_sent(form: MultiDict[str, str]) -> list[tuple[str, str]]:
    """Filled rows only, so an error about row n points at the n-th row shown again."""
    return [(start, minutes) for start, minutes in zip(form.getlist("slot_start"), form.getlist("slot_minutes"))
            if start.strip() or minutes.strip()]


def read_station_form(form: MultiDict[str, str]) -> StationInput:
    area = form.get("area_id", "")
    try:
        area_id = read_int(area, "area_id")
    except InvalidInput:
        area_id = None  # names no commune: the domain asks for one
    slots = tuple(SlotInput(starts_at=start, minutes=minutes) for start, minutes in _slot_rows_sent(form))
    return StationInput(name=form.get("name", ""), area_id=area_id,
                        contact=form.get("contact", ""), coverage_population=form.get("coverage_population", ""),
                        is_active=form.get("is_active") == "on", slots=slots)


def form_values(station: Station | None) -> dict[str, Any]:
    """What a fresh form shows: the station as stored, or a new one with the usual 06:00 and 17:00 slots."""
    if station is None:
        return {"is_active": "on", "slots": [("06:00", "15"), ("17:00", "15")]}
    return {"name": station.name, "area_id": str(station.area_id), "contact": station.contact,
            "coverage_population": "" if station.coverage_population is None else str(station.coverage_population),
            "is_active": "on" if station.is_active else "",
            "slots": [(f"{s.starts_at:%H:%M}", str(s.minutes)) for s in station.slots]}


def kept_values(form: MultiDict[str, str]) -> dict[str, Any]:
    """The form as sent, so a refused save shows everything typed, slot rows included."""
    values: dict[str, Any] = {key: form.get(key, "") for key in ("name", "area_id", "contact", "coverage_population",
                                                                 "is_active")}
    values["slots"] = _slot_rows_sent(form)
    return values


def slot_rows(values: dict[str, Any]) -> list[tuple[str, str]]:
    return list(values.get("slots", [])) + [("", "")] * BLANK_SLOT_ROWS
