"""Placeholder until the next commit gives the package its URL map."""

from web.media.library import bp, media_root  # noqa: F401
