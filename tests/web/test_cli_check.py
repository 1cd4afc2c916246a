"""`loa check` as an operator reads it and as a monitoring script parses it: exit 0 only when all is well."""

from __future__ import annotations

import json

import pytest

from tests.web.check_world import healthy_apps
from web.cli import cli
from web.commands.check import check_command


@pytest.fixture
def healthy(database_url, session_factory, clock, tmp_path):  # type: ignore[no-untyped-def]
    yield from healthy_apps(database_url, session_factory, clock, tmp_path)


def run(app, *args: str):  # type: ignore[no-untyped-def]
    return app.test_cli_runner().invoke(cli, ["check", *args], catch_exceptions=False)


def test_all_well_lists_every_check_and_exits_0(healthy):
    result = run(healthy())
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["ok       secret key", "ok       base address", "ok       audio tools",
                                          "ok       instance files", "ok       database", "ok       channels",
                                          "ok       workers", "All well."]


def test_a_problem_is_printed_with_what_to_do_and_exits_1(healthy):
    result = run(healthy(SECRET_KEY="changeme"))
    assert result.exit_code == 1
    assert "PROBLEM  secret key: The secret key is weak (a well-known value)" in result.output
    assert "         → Set LOA_SECRET_KEY to at least 32 random characters" in result.output
    assert "ok       database" in result.output and result.output.endswith("1 problem(s) to fix.\n")


def test_the_host_loa_run_would_listen_on_is_checked(healthy):
    assert run(healthy(BASE_URL=None), "--host", "127.0.0.1").exit_code == 0
    assert run(healthy(BASE_URL=None)).exit_code == 1
    result = run(healthy(BASE_URL=None), "--host", "0.0.0.0")
    assert result.exit_code == 1 and "PROBLEM  base address: LOA_BASE_URL is not set" in result.output


def test_json_for_scripts(healthy):
    result = run(healthy(BASE_URL=None, PROXY_COUNT=2), "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["ok"] is False
    by_name = {check["name"]: check for check in report["checks"]}
    assert list(by_name) == ["secret key", "base address", "audio tools", "instance files", "database", "channels",
                             "workers"]
    assert by_name["database"] == {"name": "database", "ok": True, "findings": []}
    (finding,) = by_name["base address"]["findings"]
    assert "behind a proxy" in finding["problem"] and finding["remedy"].startswith("Set LOA_BASE_URL")
    assert json.loads(run(healthy(), "--json").output)["ok"] is True


def test_the_command_is_registered_once_from_its_own_module():
    assert cli.commands["check"] is check_command
