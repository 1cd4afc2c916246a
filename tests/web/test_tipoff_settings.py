"""Tip-off settings: a key of its own kept private in the instance folder, a retention that refuses nonsense,
and the worker's scheduler running the retention job."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from campaigns.tipoff_sealing import seal_text, unseal_text
from scheduler.jobs import make_scheduler
from web.tipoff_settings import DEFAULT_RETENTION_DAYS, tipoff_job_settings, tipoff_key, tipoff_retention_days


def test_the_tip_off_key_is_made_once_private_and_differs_from_the_credentials_key(app):
    app.config.pop("TIPOFF_KEY", None)
    key = tipoff_key(app)
    path = Path(app.instance_path) / "tipoff_key"
    assert path.read_text().strip() == key and stat.S_IMODE(path.stat().st_mode) == 0o600
    app.config.pop("TIPOFF_KEY")
    assert tipoff_key(app) == key  # survives a restart
    assert unseal_text(key, seal_text(key, "thử")) == "thử"
    assert not (Path(app.instance_path) / "credentials_key").exists() or (
        (Path(app.instance_path) / "credentials_key").read_text().strip() != key)


def test_a_configured_key_is_used_as_given(app):
    app.config["TIPOFF_KEY"] = "x" * 43 + "="
    assert tipoff_key(app) == "x" * 43 + "="


@pytest.mark.parametrize(("value", "days"), [(None, DEFAULT_RETENTION_DAYS), ("", DEFAULT_RETENTION_DAYS),
                                             ("90", 90), (30, 30)])
def test_the_retention_setting_reads_whole_days(app, value, days):
    app.config["TIPOFF_RETENTION_DAYS"] = value
    assert tipoff_retention_days(app) == days


@pytest.mark.parametrize("value", ["0", "-5", "ba mươi", "1.5"])
def test_a_retention_that_is_not_a_positive_number_of_days_is_refused_by_name(app, value):
    app.config["TIPOFF_RETENTION_DAYS"] = value
    with pytest.raises(ValueError, match="LOA_TIPOFF_RETENTION_DAYS"):
        tipoff_retention_days(app)


def test_the_worker_runs_the_retention_job_when_given_its_settings(app, session_factory, clock):
    with app.app_context():
        settings = tipoff_job_settings(app)
    scheduler = make_scheduler(session_factory, clock=clock, tipoffs=settings)
    assert scheduler.get_job("tipoff_retention") is not None
    assert make_scheduler(session_factory, clock=clock).get_job("tipoff_retention") is None
