"""Placeholder until the next commit gives the package its URL map."""

from web.portal.pages import bp  # noqa: F401
