"""Placeholder until the next commit gives the package its URL map."""

from web.feeds.site_feeds import bp  # noqa: F401
