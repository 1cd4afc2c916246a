"""The interface language: the switch between Vietnamese and English (set up by web.i18n.locale)."""

from __future__ import annotations

from flask import Blueprint

from web.i18n import locale

bp = Blueprint("i18n", __name__)
bp.add_url_rule("/language/<code>", view_func=locale.switch)
