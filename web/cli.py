"""The `loa` command: run, worker, outbox status, artifacts build, db upgrade, demo, areas import, user create,
reach rollup."""

from __future__ import annotations

import json
import logging
import re
import signal
import sys
from datetime import date, datetime, timedelta

import click
from flask import current_app
from flask.cli import FlaskGroup, ScriptInfo, with_appcontext
from sqlalchemy import inspect

from campaigns.models import Station
from campaigns.outbox_status import read_outbox_status
from campaigns.station_setup import rotate_station_token_at_console
from content.area_import import count_units, import_areas
from content.areas import get_area_by_code
from content.errors import LoaError
from content.models import Role
from content.schema import upgrade_database
from content.users import create_user
from scheduler.demo import DEMO_PASSWORD, holds_only_demo_data, load_demo
from scheduler.demo.people import handle_demo_tipoffs
from scheduler.demo.tipoffs import load_demo_tipoffs
from scheduler.jobs import make_scheduler, worker_name
from scheduler.reach_job import ReachJobSettings, run_reach_job
from web import create_app
from web.api_cli import api_group
from web.artifacts import artifacts_dir, build_artifacts, refresh_artifacts
from web.backup_commands import backup_command, restore_command
from web.checks import check_base_url
from web.commands.check import check_command
from web.commands.schema_required import require_schema
from web.config import reach_retention_days
from web.database import session_factory, zone
from web.dispatch_settings import dispatch_settings, lease_seconds
from web.mail_settings import alert_settings
from web.media.files import media_root
from web.outbox_report import describe_outbox, outbox_json
from web.tipoff_settings import tipoff_job_settings, tipoff_key, tipoff_photo_root
from web.write_behind import write_behind


@click.group(cls=FlaskGroup, create_app=create_app, add_default_commands=False)
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Loa: awareness campaigns to loudspeakers, feeds, the portal and social channels."""
    # Close pooled connections when the command ends, rather than leaving them to the garbage collector.
    ctx.call_on_close(lambda: ctx.ensure_object(ScriptInfo).load_app().extensions["loa.engine"].dispose())
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # One line per tick every 15 seconds drowns what matters; the dispatcher logs real work itself.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def _reach_settings() -> ReachJobSettings:
    return ReachJobSettings(zone=zone(), retention_days=reach_retention_days(current_app),
                            interval_seconds=float(current_app.config["REACH_ROLLUP_SECONDS"]))


def _lease_seconds() -> float:
    try:
        return lease_seconds(current_app)
    except ValueError as error:
        raise click.ClickException(str(error)) from None


def make_worker_scheduler(*, blocking: bool, worker: str):
    """The scheduler `loa run` and `loa worker` start, its claims made as `worker`."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    _lease_seconds()  # a bad setting is a clear message, not a traceback
    try:
        alerts = alert_settings(app)
        tipoffs = tipoff_job_settings(app)
    except ValueError as error:
        raise click.ClickException(str(error)) from None
    return make_scheduler(session_factory(), clock=app.config["CLOCK"], blocking=blocking,
                          interval_seconds=float(app.config["TICK_SECONDS"]), settings=dispatch_settings(app),
                          reach=_reach_settings(), publish_files=lambda: refresh_artifacts(app), worker=worker,
                          alerts=alerts, tipoffs=tipoffs)


def _check_name(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    # It goes into every claim (deliveries.claimed_by, 120 characters with ":pid") and every log line.
    if value is not None and not re.fullmatch(r"[\w.-]{1,100}", value):
        raise click.BadParameter("use 1 to 100 letters, digits, '.', '-' or '_' (no spaces or ':')")
    return value


worker_name_option = click.option(
    "--name", callback=_check_name, help="Name this worker in claims and logs as NAME:pid (default: the host name).")


def serve(host: str, port: int, name: str | None = None) -> None:
    """Web and scheduler in one process: the whole product for a small install."""
    from waitress import serve as waitress_serve

    require_schema()
    # Links in social posts must point somewhere; serving here, this is the address we know of.
    for finding in check_base_url(current_app, host):
        click.echo(f"Warning: {finding.problem} {finding.remedy}", err=True)
    current_app.config.setdefault("BASE_URL", f"http://{host}:{port}")
    scheduler = make_worker_scheduler(blocking=False, worker=worker_name(name))
    scheduler.start()
    click.echo(f"Loa is running at http://{host}:{port}/  (Ctrl+C to stop)")
    # A service manager stops with SIGTERM: leave like Ctrl+C does, so the clicks counted in memory get written.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        # The proxy's own object, as waitress keeps it across threads; Flask types current_app as the app itself.
        app = current_app._get_current_object()  # type: ignore[attr-defined]
        waitress_serve(app, host=host, port=port, threads=8, _quiet=True)
    finally:
        scheduler.shutdown(wait=False)
        write_behind().stop()


@cli.command("run")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@worker_name_option
@with_appcontext
def run_command(host: str, port: int, name: str | None) -> None:
    """Serve the web app and run the scheduler in this process."""
    serve(host, port, name)


@cli.command("worker")
@worker_name_option
@with_appcontext
def worker_command(name: str | None) -> None:
    """Run only the scheduler; start as many as you like against PostgreSQL."""
    require_schema()
    worker = worker_name(name)
    scheduler = make_worker_scheduler(blocking=True, worker=worker)
    click.echo(f"Loa worker {worker} started; lease {_lease_seconds():g} s.")
    scheduler.start()


cli.add_command(check_command)


@cli.group("outbox")
def outbox_group() -> None:
    """The deliveries waiting, being sent and done."""


@outbox_group.command("status")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts (times in UTC) instead of text.")
@with_appcontext
def outbox_status_command(as_json: bool) -> None:
    """Counts by status and destination, the oldest delivery waiting, claims held or stuck, paused channels."""
    require_schema()
    lease = timedelta(seconds=_lease_seconds())
    with session_factory()() as session:
        status = read_outbox_status(session, now=current_app.config["CLOCK"](), lease=lease)
    click.echo(json.dumps(outbox_json(status), ensure_ascii=False, indent=2) if as_json
               else describe_outbox(status, zone()))


cli.add_command(api_group)


@cli.group("station")
def station_group() -> None:
    """Loudspeaker stations."""


@station_group.command("token")
@click.argument("station_id", type=int)
@click.option("--rotate", is_flag=True, help="Issue a new token; the old one stops working at once.")
@with_appcontext
def station_token_command(station_id: int, rotate: bool) -> None:
    """Whether a station has a token; with --rotate, a new one, shown once (for an installer who lost the web page)."""
    require_schema()
    now = current_app.config["CLOCK"]()
    with session_factory()() as session:
        station = session.get(Station, station_id)
        if station is None:
            raise click.ClickException(f"No station {station_id}: `loa outbox status` and the desk's stations page list them.")
        if not rotate:
            issued = station.token_issued_at
            state = ("revoked" if station.token_hash is None and station.token_revoked_at else
                     "none yet" if station.token_hash is None else
                     f"issued {issued.astimezone(zone()):%d/%m/%Y %H:%M}" if issued else "issued")
            click.echo(f"{station.name} (#{station.id}): token {state}. --rotate issues a new one.")
            return
        token = rotate_station_token_at_console(session, station, now=now)
        session.commit()
    click.echo(f"New token for {station.name} (#{station_id}); the old one no longer works. Shown once:")
    click.echo(token)


@cli.group("artifacts")
def artifacts_group() -> None:
    """The published pages and feeds written as files for nginx."""


@artifacts_group.command("build")
@with_appcontext
def artifacts_build_command() -> None:
    """Write every published page and feed (and its .gz) now, whether or not anything changed."""
    require_schema()
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    report = build_artifacts(app, force=True)
    assert report is not None
    click.echo(f"Wrote {report.written} files, removed {report.removed}, in {artifacts_dir(app)}.")


for command in (backup_command, restore_command):
    cli.add_command(command)


@cli.group("db")
def db_group() -> None:
    """Database schema."""


@db_group.command("upgrade")
@with_appcontext
def db_upgrade_command() -> None:
    """Apply every migration the database has not had yet."""
    upgrade_database(current_app.config["DATABASE_URL"])
    click.echo("Database is up to date.")


@cli.group("areas")
def areas_group() -> None:
    """Administrative units."""


def run_area_import(province: str | None) -> None:
    with session_factory()() as session:
        with click.progressbar(length=count_units(province), label="Nhập đơn vị hành chính") as bar:
            report = import_areas(session, province_code=province, progress=bar.update)
        session.commit()
    click.echo(f"Areas: {report.created} created, {report.updated} updated, {report.unchanged} unchanged.")


@areas_group.command("import")
@click.option("--province", help="Only this province or city, by its official code (e.g. 37).")
@with_appcontext
def areas_import_command(province: str | None) -> None:
    """Load the post-2025 provinces and communes from vietnam-provinces; re-running updates."""
    try:
        run_area_import(province)
    except LoaError as error:
        raise click.ClickException(str(error)) from None


@cli.group("reach")
def reach_group() -> None:
    """Reach figures."""


@reach_group.command("rollup")
@click.option("--day", type=click.DateTime(formats=["%Y-%m-%d"]), help="Also rebuild this local day from its raw events.")
@with_appcontext
def reach_rollup_command(day: datetime | None) -> None:
    """Add newly recorded reach events to the daily rollups; with --day, recompute that day too."""
    require_schema()
    recompute: date | None = day.date() if day is not None else None
    try:
        report = run_reach_job(session_factory(), now=current_app.config["CLOCK"](), settings=_reach_settings(),
                               recompute=recompute)
    except LoaError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Rolled up {len(report.rollup.days)} day(s) of new events.")
    if recompute is not None:
        click.echo(f"Recomputed {recompute.isoformat()}: {report.recomputed_rows} rollup row(s).")
    if report.purged:
        click.echo(f"Purged {report.purged} raw event(s) past retention.")


@cli.group("user")
def user_group() -> None:
    """Accounts."""


def _password(given: str | None, *, from_stdin: bool) -> str:
    if given is not None and from_stdin:
        raise click.UsageError("Give the password with --password or --password-stdin, not both.")
    if from_stdin:
        # One line, as `echo "$PASS" |` or a secrets file gives it; only its line ending is not the password.
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise click.UsageError("--password-stdin read no password: standard input was empty.")
        return password
    if given is not None:
        return given
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@user_group.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option("--area", "area_code", help="Official code of the area the user works in; omit for the whole country.")
@click.option("--full-name", default="")
@click.option("--password", help="The password; it shows in `ps` and the shell's history, so prefer the prompt "
              "or --password-stdin.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input.")
@with_appcontext
def user_create_command(username: str, role: str, area_code: str | None, full_name: str, password: str | None,
                        password_stdin: bool) -> None:
    """Create an account scoped to an area; asks for the password unless given."""
    password = _password(password, from_stdin=password_stdin)
    with session_factory()() as session:
        try:
            area = get_area_by_code(session, area_code) if area_code else None
            create_user(session, actor=None, username=username, password=password, role=Role(role), area=area,
                        full_name=full_name)
        except LoaError as error:
            raise click.ClickException(str(error)) from None
        session.commit()
    click.echo(f"User {username} created with role {role}.")


def _refuse_a_real_database() -> None:
    if "users" not in inspect(current_app.extensions["loa.engine"]).get_table_names():
        return  # no schema yet: nothing to protect
    with session_factory()() as session:
        if holds_only_demo_data(session):
            return
    raise click.ClickException(
        "This database already has accounts that the demo did not create. `loa demo` would add an admin "
        f"(quantri) whose password, {DEMO_PASSWORD}, is published. Point LOA_DATABASE_URL at a new database, "
        "or pass --force if this one is a throwaway copy.")


@cli.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--province", default="37", show_default=True, help="Province whose real areas the demo uses.")
@click.option("--no-serve", is_flag=True, help="Load the demo data and exit.")
@click.option("--force", is_flag=True, help="Load the demo even into a database that has other accounts.")
@with_appcontext
def demo_command(host: str, port: int, province: str, no_serve: bool, force: bool) -> None:
    """Create the database, load one province and the demo data, then serve web + scheduler."""
    if not force:
        _refuse_a_real_database()
    upgrade_database(current_app.config["DATABASE_URL"])
    run_area_import(province)
    try:
        summary = load_demo(session_factory(), province_code=province, now=current_app.config["CLOCK"](),
                            zone=zone(), media_root=media_root(),
                            base_url=current_app.config.get("BASE_URL") or f"http://{host}:{port}")
        tipoffs = 0 if summary.already_loaded else load_demo_tipoffs(
            session_factory(), key=tipoff_key(current_app), province_code=province, now=current_app.config["CLOCK"](),
            zone=zone(), photo_root=tipoff_photo_root(current_app))
        if tipoffs:
            handle_demo_tipoffs(session_factory(), key=tipoff_key(current_app), now=current_app.config["CLOCK"]())
    except LoaError as error:
        raise click.ClickException(str(error)) from None
    click.echo(summary.describe())
    if tipoffs:
        click.echo(f"{tipoffs} tip-offs from villagers (sealed with the tip-off key)")
    click.echo(f"\nDemo logins (password for all: {DEMO_PASSWORD}):")
    for username, role in summary.logins:
        click.echo(f"  {username:<12} {role}")
    click.echo(f"\nOpen http://{host}:{port}/  — the editor desk is at http://{host}:{port}/desk/")
    if not no_serve:
        serve(host, port)
