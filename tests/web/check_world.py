"""An installation `loa check` finds nothing wrong with, for the checks' tests to spoil one thing at a time."""

from __future__ import annotations

from campaigns.worker_models import record_worker_beat
from web import create_app

STRONG_KEY = "9f2c4e6a8b0d1f3a5c7e9b1d3f5a7c9e1b3d5f7a9c1e3b5d"


def healthy_apps(database_url, session_factory, clock, tmp_path):  # type: ignore[no-untyped-def]
    """For a fixture to yield from: make(**settings), an app on the migrated test database whose worker ticked
    just now, its instance folder in tmp_path."""
    made = []

    def make(**settings):  # type: ignore[no-untyped-def]
        config = {"DATABASE_URL": database_url, "CLOCK": clock, "SECRET_KEY": STRONG_KEY, "TESTING": True,
                  "AUDIO_ESPEAK": "espeak-ng", "AUDIO_FORMAT": "mp3",
                  "BASE_URL": "https://loa.tinh.example", **settings}
        app = create_app({k: v for k, v in config.items() if v is not None})
        app.instance_path = str(tmp_path / "instance")
        made.append(app)
        return app

    with session_factory() as session:
        record_worker_beat(session, "may-chu-1:101", now=clock())
        session.commit()
    yield make
    for app in made:
        app.extensions["loa.engine"].dispose()
