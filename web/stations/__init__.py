"""Stations: the admin pages, a radio operator's own stations, and the officers' airing overview."""

from __future__ import annotations

from flask import Blueprint

from web.stations import clusters, management, overview, programmes, villages

bp = Blueprint("stations", __name__, url_prefix="/stations")
bp.add_url_rule("/", view_func=management.index)
bp.add_url_rule("/new", view_func=management.new, methods=["GET", "POST"])
bp.add_url_rule("/<int:station_id>", view_func=management.edit, methods=["GET", "POST"])
bp.add_url_rule("/<int:station_id>/token", view_func=management.token, methods=["POST"])
bp.add_url_rule("/<int:station_id>/token/revoke", view_func=management.revoke, methods=["POST"])
bp.add_url_rule("/<int:station_id>/clusters", view_func=clusters.new, endpoint="cluster_new", methods=["POST"])
bp.add_url_rule("/clusters/<int:cluster_id>", view_func=clusters.edit, endpoint="cluster_edit", methods=["POST"])
bp.add_url_rule("/clusters/<int:cluster_id>/retire", view_func=clusters.retire, endpoint="cluster_retire",
                methods=["POST"])
bp.add_url_rule("/villages", view_func=villages.index, endpoint="villages")
bp.add_url_rule("/villages/<int:commune_id>/new", view_func=villages.new, endpoint="village_new", methods=["POST"])
bp.add_url_rule("/villages/<int:village_id>", view_func=villages.edit, endpoint="village_edit", methods=["POST"])
bp.add_url_rule("/villages/<int:village_id>/retire", view_func=villages.retire, endpoint="village_retire",
                methods=["POST"])
bp.add_url_rule("/<int:station_id>/programmes/new", view_func=programmes.new_programme, methods=["GET", "POST"])
bp.add_url_rule("/<int:station_id>/programmes/<int:programme_id>", view_func=programmes.edit_programme,
                methods=["GET", "POST"])
bp.add_url_rule("/mine", view_func=overview.mine)
bp.add_url_rule("/airings", view_func=overview.airings)
