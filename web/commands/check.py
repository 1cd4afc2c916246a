"""`loa check`: every configuration problem, with what to do about it; non-zero when there is one."""

from __future__ import annotations

import json
import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from web.checks import CHECKS, check_base_url


@click.command("check")
@click.option("--host", help="The address `loa run --host` listens on, to check the links it would make.")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts and monitoring instead of text.")
@with_appcontext
def check_command(host: str | None, as_json: bool) -> None:
    """Check keys, addresses, programs, files, the database, channels and workers; exit 1 on any problem."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    results = {name: (check_base_url(app, host) if check is check_base_url else check(app))
               for name, check in CHECKS.items()}
    problems = sum(len(findings) for findings in results.values())
    if as_json:
        click.echo(json.dumps({"ok": not problems, "checks": [
            {"name": name, "ok": not findings,
             "findings": [{"problem": f.problem, "remedy": f.remedy} for f in findings]}
            for name, findings in results.items()]}, ensure_ascii=False, indent=2))
    else:
        for name, findings in results.items():
            if not findings:
                click.echo(f"ok       {name}")
            for finding in findings:
                click.echo(f"PROBLEM  {name}: {finding.problem}\n         → {finding.remedy}")
        click.echo("All well." if not problems else f"{problems} problem(s) to fix.")
    sys.exit(1 if problems else 0)
