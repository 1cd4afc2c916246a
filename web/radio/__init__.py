"""The radio API: what a commune station fetches (scripts, audio) and sends back (airing confirmations).

Three blueprints, because they differ in who may call them and how they answer:
- `radio` — scripts and audio, by a station's token or a login; exempt from CSRF (it only reads).
- `airings` — the confirmation form for signed-in staff; CSRF-protected like every form.
- `airings_api` — confirmations as JSON, by a station's token only (so exempt from CSRF); errors as JSON problems.
"""

from __future__ import annotations

from flask import Blueprint

from content.errors import LoaError
from scheduler.audio.errors import AudioFailed, AudioUnavailable
from web.radio import audio, confirmations, scripts, slot_confirmations
from web.radio.refusals import (
    TokenRefused,
    limit_token_endpoints,
    refused_page,
    refused_problem,
    throttled_page,
    throttled_problem,
)

STATION = "/stations/<int:station_id>"

bp = Blueprint("radio", __name__, url_prefix="/radio")
# Every route here takes a station token: limited per address, refusals counted rather than written.
limit_token_endpoints(bp)
bp.register_error_handler(TokenRefused, refused_page)
bp.register_error_handler(429, throttled_page)
bp.register_error_handler(AudioUnavailable, audio.audio_error)
bp.register_error_handler(AudioFailed, audio.audio_error)
# One rule per audio extension, not <any(...)>: a static ".mp3" outranks the script's "<day>.<fmt>" whichever
# is registered first.
for extension in ("mp3", "ogg", "wav"):
    bp.add_url_rule(f"{STATION}/scripts/<day>.{extension}", view_func=audio.script_audio,
                    defaults={"fmt": extension})
bp.add_url_rule(f"{STATION}/scripts/<day>/items/<int:delivery_id>.<any(mp3, ogg, wav):fmt>",
                view_func=audio.item_audio)
bp.add_url_rule(f"{STATION}/scripts/<day>/slots/<slot>.<any(mp3, ogg, wav):fmt>", view_func=audio.slot_audio)
bp.add_url_rule(f"{STATION}/podcast.xml", view_func=audio.podcast)
bp.add_url_rule(f"{STATION}/scripts/<day>.<fmt>", view_func=scripts.script)
bp.add_url_rule(f"{STATION}/week/<day>.<fmt>", view_func=scripts.week)

airings_bp = Blueprint("airings", __name__, url_prefix="/radio/stations")
airings_bp.add_url_rule("/<int:station_id>/airings/<day>", view_func=confirmations.day_page)
airings_bp.add_url_rule("/<int:station_id>/airings/<day>", view_func=confirmations.confirm_on_page,
                        methods=["POST"])
airings_bp.add_url_rule("/<int:station_id>/airings/<day>/slots/<slot>",
                        view_func=slot_confirmations.confirm_slot_on_page, methods=["POST"])

api_bp = Blueprint("airings_api", __name__, url_prefix="/radio/api")
# The token endpoint shares the radio scripts' limits: one allowance per address for every token request.
limit_token_endpoints(api_bp)
api_bp.register_error_handler(TokenRefused, refused_problem)
api_bp.register_error_handler(429, throttled_problem)
api_bp.register_error_handler(LoaError, confirmations.problem)
api_bp.add_url_rule(f"{STATION}/airings", view_func=confirmations.confirm, methods=["POST"])
