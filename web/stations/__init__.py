"""Stations: the admin pages, a radio operator's own stations, and the officers' airing overview."""

from __future__ import annotations

from flask import Blueprint

from web.stations import management, overview, programmes

bp = Blueprint("stations", __name__, url_prefix="/stations")
bp.add_url_rule("/", view_func=management.index)
bp.add_url_rule("/new", view_func=management.new, methods=["GET", "POST"])
bp.add_url_rule("/<int:station_id>", view_func=management.edit, methods=["GET", "POST"])
bp.add_url_rule("/<int:station_id>/token", view_func=management.token, methods=["POST"])
bp.add_url_rule("/<int:station_id>/token/revoke", view_func=management.revoke, methods=["POST"])
bp.add_url_rule("/<int:station_id>/programmes/new", view_func=programmes.new_programme, methods=["GET", "POST"])
bp.add_url_rule("/<int:station_id>/programmes/<int:programme_id>", view_func=programmes.edit_programme,
                methods=["GET", "POST"])
bp.add_url_rule("/mine", view_func=overview.mine)
bp.add_url_rule("/airings", view_func=overview.airings)
