"""The media library and its files: images uploaded once, reused, served by content hash."""

from __future__ import annotations

from flask import Blueprint

from web.media import files, library

bp = Blueprint("media", __name__)
bp.add_url_rule("/desk/media/", view_func=library.library)
bp.add_url_rule("/desk/media/", view_func=library.upload, methods=["POST"])
bp.add_url_rule("/media/<name>", view_func=files.file)
bp.add_app_template_global(files.media_url)
