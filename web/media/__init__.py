"""Placeholder replaced by the media library blueprint."""

from flask import Blueprint

bp = Blueprint("media", __name__, url_prefix="/desk/media")
