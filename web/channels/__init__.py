"""Placeholder until the next commit gives the package its URL map."""

from web.channels.management import bp  # noqa: F401
