"""The interface language: Vietnamese unless the visitor picks English, times in the configured zone."""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask, abort, current_app, redirect, request, url_for
from flask_babel import Babel, get_locale, gettext
from werkzeug.wrappers import Response

from content.wording import Text
from web.paths import local_target

# The message ids are the Vietnamese text itself, so "vi" needs no catalogue of its own.
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
COOKIE = "loa_locale"
ONE_YEAR = 365 * 24 * 3600

babel = Babel()


def select_locale() -> str:
    """The visitor's own choice, else the configured default.

    Accept-Language is deliberately ignored: the officials using Loa often run English-language
    browsers yet expect the Vietnamese interface their colleagues and documents use.
    """
    return choose_locale(request.cookies.get(COOKIE), current_app.config["DEFAULT_LOCALE"])


def choose_locale(chosen: str | None, default: str) -> str:
    """The language cookie's value if it names a language Loa has, else the default."""
    return chosen if chosen in LANGUAGES else default


def select_timezone() -> str:
    return current_app.config["TIMEZONE"]


def translate(text: object) -> object:
    """A domain `Text` in the visitor's language; anything else (text already translated here) as it is."""
    if not isinstance(text, Text):
        return text
    return gettext(text.msgid, **{name: translate(value) for name, value in text.params.items()})


def translate_all(texts: Mapping[str, str]) -> dict[str, str]:
    """Field errors of an `InvalidInput` (or any mapping of texts) in the visitor's language, for JSON or a flash."""
    return {key: str(translate(text)) for key, text in texts.items()}


def switch(code: str) -> Response:
    # A link rather than a form: a form would need a CSRF token and so a session cookie for every
    # anonymous portal reader, while a forged switch only changes how the next page reads.
    if code not in LANGUAGES:
        abort(404)
    response = redirect(local_target(request.args.get("next"), url_for("portal.index")))
    response.set_cookie(COOKIE, code, max_age=ONE_YEAR, httponly=True, samesite="Lax",
                        secure=current_app.config.get("SESSION_COOKIE_SECURE", False))
    return response


def init_i18n(app: Flask) -> None:
    app.config.setdefault("DEFAULT_LOCALE", "vi")
    if app.config["DEFAULT_LOCALE"] not in LANGUAGES:
        raise ValueError(f"DEFAULT_LOCALE must be one of {', '.join(LANGUAGES)}")
    babel.init_app(app, default_locale=app.config["DEFAULT_LOCALE"], default_timezone=app.config["TIMEZONE"],
                   locale_selector=select_locale, timezone_selector=select_timezone)
    app.jinja_env.globals.update(languages=LANGUAGES, current_locale=lambda: str(get_locale()))
    # Every {{ … }} that prints a domain sentence (a field error handed over as error.errors) reads in
    # the visitor's language, without each view translating what it passes on. Set before any template
    # is compiled: Jinja builds the call into the compiled template.
    app.jinja_env.finalize = translate
