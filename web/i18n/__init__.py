"""Placeholder until the next commit gives the package its URL map."""

from web.i18n.locale import bp, init_i18n  # noqa: F401
