"""Checks of the installation itself: keys, addresses, programs on the machine, the instance folder's modes."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from flask import Flask

from web.checks.findings import Finding
from web.instance import sqlite_file
from web.limits import is_shared_store

# Keys seen in tutorials, examples and our own tests: anyone could sign a session with them.
KNOWN_KEYS = frozenset({"dev", "development", "secret", "secret-key", "secret_key", "changeme", "change-me",
                        "test-secret", "your-secret-key", "please-change-me", "loa"})
MIN_KEY_LENGTH = 32
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", "[::]", ""})


def _key_from_instance(app: Flask) -> bool:
    path = Path(app.instance_path) / "secret_key"
    try:
        return path.read_text().strip() == app.config["SECRET_KEY"]
    except OSError:
        return False


def _several_servers(app: Flask) -> bool:
    """Redis configured is the sign of several web processes sharing state (a single one needs none)."""
    return is_shared_store(app)


def check_secret_key(app: Flask) -> list[Finding]:
    key = str(app.config.get("SECRET_KEY") or "")
    if not key:
        return [Finding("No secret key: sessions and CSRF tokens cannot be signed.",
                        "Set LOA_SECRET_KEY to a long random value: python -c 'import secrets; "
                        "print(secrets.token_hex(32))'.")]
    if key.lower() in KNOWN_KEYS or len(key) < MIN_KEY_LENGTH:
        return [Finding(f"The secret key is weak ({'a well-known value' if key.lower() in KNOWN_KEYS else f'{len(key)} characters'}):"
                        " anyone who guesses it can forge a signed-in session.",
                        f"Set LOA_SECRET_KEY to at least {MIN_KEY_LENGTH} random characters: python -c 'import "
                        "secrets; print(secrets.token_hex(32))'. Everyone is signed out once.")]
    if _key_from_instance(app) and _several_servers(app):
        return [Finding("The secret key comes from this server's instance folder, and Redis says several servers "
                        "share the work: each server makes its own key, so a login made on one is refused by the "
                        "others.",
                        "Set the same LOA_SECRET_KEY on every server (e.g. the content of "
                        f"{Path(app.instance_path) / 'secret_key'} from one of them).")]
    return []


def check_base_url(app: Flask, host: str | None = None) -> list[Finding]:
    """LOA_BASE_URL is needed where the address the server listens on is not the one readers use.

    :param host: the address `loa run --host` listens on; None when no `loa run` makes the address up.
    """
    if app.config.get("BASE_URL"):
        return []
    if int(app.config.get("PROXY_COUNT") or 0) > 0:
        return [Finding("LOA_BASE_URL is not set and Loa runs behind a proxy (LOA_PROXY_COUNT > 0): links in "
                        "feeds, social posts, the sitemap and mails would point at the proxy's inner address.",
                        "Set LOA_BASE_URL to the public address, e.g. https://loa.example.gov.vn.")]
    if host is None:
        # Only `loa run` makes an address up, from where it listens; a `loa worker` has none.
        return [Finding("LOA_BASE_URL is not set: `loa worker` cannot write the published pages and feeds (its log "
                        "says MissingBaseUrl at every tick) and social posts would have no link.",
                        "Set LOA_BASE_URL to the public address, e.g. https://loa.example.gov.vn; on one machine "
                        "with `loa run` alone, `loa check --host ADDRESS` checks the address it listens on instead.")]
    if host in WILDCARD_HOSTS:
        return [Finding(f"LOA_BASE_URL is not set and Loa listens on every address ({host or 'all'}): links in feeds "
                        f"and social posts would read http://{host}:…, which no reader can open.",
                        "Set LOA_BASE_URL to the address readers use, e.g. http://192.168.1.10:5000.")]
    return []


def check_audio_tools(app: Flask) -> list[Finding]:
    findings = []
    espeak = str(app.config.get("AUDIO_ESPEAK") or "espeak-ng")
    if shutil.which(espeak) is None:
        findings.append(Finding(f"The text-to-speech program {espeak!r} (LOA_AUDIO_ESPEAK) is not found: radio "
                                "scripts cannot be offered as audio.",
                                "Install it (Debian/Ubuntu: apt-get install espeak-ng) or point LOA_AUDIO_ESPEAK "
                                "at it."))
    fmt = str(app.config.get("AUDIO_FORMAT") or "mp3").lower()
    if fmt != "wav" and shutil.which("ffmpeg") is None:
        findings.append(Finding(f"ffmpeg is not found, so audio is served as WAV instead of {fmt.upper()} "
                                "(LOA_AUDIO_FORMAT): about ten times larger to download on a commune's connection.",
                                "Install it (Debian/Ubuntu: apt-get install ffmpeg), or set LOA_AUDIO_FORMAT=wav "
                                "to say WAV is meant."))
    return findings


def _world_accessible(root: Path) -> list[Path]:
    found = []
    for directory, _dirs, files in os.walk(root):
        for path in [Path(directory), *(Path(directory) / name for name in files)]:
            try:
                if stat.S_IMODE(path.lstat().st_mode) & 0o007 and not path.is_symlink():
                    found.append(path)
            except OSError:
                continue  # gone while walking
    return found


def check_instance_files(app: Flask) -> list[Finding]:
    """Keys, the SQLite database and tip-off photos must not be readable by other local accounts."""
    roots = [Path(app.instance_path)]
    database = sqlite_file(app.config["DATABASE_URL"])
    if database is not None and not database.is_relative_to(roots[0]):
        roots.append(database)
    exposed = sorted({path for root in roots if root.exists() for path in _world_accessible(root)})
    if not exposed:
        return []
    shown = ", ".join(str(path) for path in exposed[:5]) + (f" and {len(exposed) - 5} more" if len(exposed) > 5 else "")
    return [Finding(f"Other accounts on this machine may read or enter instance files: {shown}.",
                    "Remove their access: chmod -R o-rwx " + " ".join(str(root) for root in roots)
                    + " (Loa itself writes them private).")]
