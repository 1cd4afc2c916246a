"""The radio API's audio: a day's script or one item as MP3, OGG or WAV, and the station's podcast feed."""

from __future__ import annotations

from datetime import date
from functools import partial

from flask import Response, current_app, render_template, request, send_file
from flask.typing import ResponseReturnValue
from flask_babel import gettext

from campaigns.models import Station
from content.errors import NotFound
from scheduler.audio.cache import AudioCache
from scheduler.audio.encoding import playable_format
from scheduler.audio.engines import EspeakEngine
from scheduler.audio.episodes import script_episodes
from scheduler.audio.errors import AudioFailed, AudioUnavailable
from scheduler.audio.podcast import PodcastInfo, build_podcast
from scheduler.audio.production import AudioStudio, Part, audio_key, make_audio
from scheduler.audio.programme import item_programme, script_programme, slot_programme
from scheduler.radio_scripts.building import DailyScript, ScriptItem, build_daily_script, build_week
from web.addresses import external_url
from web.data_dir import data_path
from web.database import get_db, now, zone
from web.errors import describe, json_problem
from web.params import path_date
from web.radio.downloads import AudioName, audio_name
from web.radio.scripts import spoken_cache
from web.radio.slots import find_slot
from web.radio.station_access import authorized_station, station_token

PODCAST_DAYS = 7


def _studio() -> AudioStudio:
    config = current_app.config
    engine = EspeakEngine(binary=config["AUDIO_ESPEAK"], speed=int(config["AUDIO_SPEED"]))
    return AudioStudio(engine=engine, cache=AudioCache(data_path(current_app, "AUDIO_DIR", "audio")))


def _script(station_id: int, day: str) -> DailyScript:
    when = path_date(day)
    # The same spoken texts as the script it reads aloud, kept in the same cache.
    return build_daily_script(get_db(), authorized_station(station_id), when, zone=zone(), spoken=spoken_cache())


def _send(parts: tuple[Part, ...], fmt: str, name: AudioName) -> Response:
    studio = _studio()
    key = audio_key(studio.engine, fmt, parts)
    # A box that already has this version is answered before any synthesis, even if the cache was emptied.
    if request.if_none_match.contains_weak(key):
        response = Response(status=304)
        response.set_etag(key)
    else:
        audio = make_audio(studio, parts, fmt)
        response = send_file(audio.path, mimetype=audio.media_type, etag=audio.key, conditional=True)
    # Behind a station's token: shared caches must not keep it.
    response.cache_control.private = True
    # ?download=1 is the page's download button; without it a player plays it, and "save as" gets the name too.
    response.headers["Content-Disposition"] = name.disposition(attachment=request.args.get("download") == "1")
    return response


def script_audio(station_id: int, day: str, fmt: str) -> Response:
    script = _script(station_id, day)
    parts = script_programme(script)
    if not parts:
        raise NotFound(gettext("Ngày %(day)s đài chưa có tin nào để phát.", day=f"{script.day:%d/%m/%Y}"))
    return _send(parts, fmt, audio_name(script.station_name, script.day, fmt, whole_day=True))


def slot_audio(station_id: int, day: str, slot: str, fmt: str) -> Response:
    script = _script(station_id, day)
    found = find_slot(script, slot)
    return _send(slot_programme(found), fmt, audio_name(script.station_name, script.day, fmt, slot=found.starts_at))


def item_audio(station_id: int, day: str, delivery_id: int, fmt: str) -> Response:
    script = _script(station_id, day)
    for slot in script.slots:
        for number, item in enumerate(slot.items, start=1):
            if item.delivery_id == delivery_id:
                return _send(item_programme(item), fmt, audio_name(
                    script.station_name, script.day, fmt, slot=slot.starts_at, item_number=number,
                    item_title=item.title))
    raise NotFound(gettext("Kịch bản ngày %(day)s của đài không có tin số %(number)s.",
                           day=f"{script.day:%d/%m/%Y}", number=delivery_id))


def _audio_url(station_id: int, fmt: str, token: dict[str, str], day: date, item: ScriptItem | None) -> str:
    if item is None:
        return external_url("radio.script_audio", station_id=station_id, day=day.isoformat(), fmt=fmt, **token)
    return external_url("radio.item_audio", station_id=station_id, day=day.isoformat(),
                        delivery_id=item.delivery_id, fmt=fmt, **token)


def _podcast_info(station: Station, today: date, token: dict[str, str]) -> PodcastInfo:
    return PodcastInfo(
        title=f"{station.name} — Tiếng loa an ninh",
        link=external_url("radio.script", station_id=station.id, day=today.isoformat(), fmt="html", **token),
        self_url=external_url("radio.podcast", station_id=station.id),
        description=f"Chương trình phát thanh {PODCAST_DAYS} ngày tới của {station.name}, đọc bằng giọng máy.",
        author=station.name,
    )


def podcast(station_id: int) -> ResponseReturnValue:
    station = authorized_station(station_id)
    studio = _studio()
    fmt = playable_format(current_app.config["AUDIO_FORMAT"], studio.encoder)
    # Podcast apps and boxes cannot send a header, so the token rides in each enclosure's address.
    token = {"token": t} if (t := station_token()) else {}
    today = now().astimezone(zone()).date()
    episodes = [episode for script in build_week(get_db(), station, today, zone=zone(), days=PODCAST_DAYS, spoken=spoken_cache())
                for episode in script_episodes(studio, script, fmt, zone=zone(),
                                               audio_url=partial(_audio_url, station.id, fmt, token, script.day))]
    response = Response(build_podcast(_podcast_info(station, today, token), episodes), mimetype="application/rss+xml")
    response.add_etag()
    response.cache_control.private = True
    return response.make_conditional(request)


def audio_error(error: AudioUnavailable | AudioFailed) -> ResponseReturnValue:
    # 503 says "not here yet, try later" to a box; a failing tool is the server's own fault.
    status = 503 if isinstance(error, AudioUnavailable) else 500
    if status == 500:
        current_app.logger.error("audio: %s", error)
    title = gettext("Chưa tạo được âm thanh")
    if request.accept_mimetypes.best == "application/json":
        return json_problem(status, describe(error), title=title)
    return render_template("errors/error.html", status=status, title=title, detail=describe(error)), status
