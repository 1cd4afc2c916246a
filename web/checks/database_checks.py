"""Checks that read the database: reachable and migrated, channels that need a person, workers that tick."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from flask import Flask
from sqlalchemy import inspect, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from campaigns.outbox_status import OutboxStatus, read_outbox_status
from campaigns.worker_models import worker_beats
from content.schema import database_revisions, head_revisions
from web.checks.findings import Finding
from web.dispatch_settings import lease_for_reading

UPGRADE = "Run `loa db upgrade` (with the new version's code, before starting it)."


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def check_database(app: Flask) -> list[Finding]:
    engine = app.extensions["loa.engine"]
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            found = database_revisions(connection)
    except SQLAlchemyError as error:
        reason = str(getattr(error, "orig", None) or error).splitlines()[0]
        return [Finding(f"The database cannot be reached: {reason}.",
                        "Check LOA_DATABASE_URL (host, port, name, user, password) and that the server runs.")]
    wanted = head_revisions()
    if not found:
        return [Finding("The database has no schema yet.", UPGRADE)]
    if found != wanted:
        return [Finding(f"The database is at migration {', '.join(sorted(found))}; this code expects "
                        f"{', '.join(sorted(wanted))}.", UPGRADE)]
    return []


def _with_outbox(app: Flask, read: Callable[[Session, OutboxStatus], list[Finding]]) -> list[Finding]:
    """`read` with the outbox's state; nothing when the database is away or unmigrated (check_database says so)."""
    engine = app.extensions["loa.engine"]
    try:
        if not {"deliveries", "workers"} <= set(inspect(engine).get_table_names()):
            return []
        with app.extensions["loa.sessions"]() as session:
            now = app.config["CLOCK"]()
            return read(session, read_outbox_status(session, now=now, lease=lease_for_reading(app)))
    except SQLAlchemyError:
        return []


def check_channels(app: Flask) -> list[Finding]:
    def read(_session: Session, status: OutboxStatus) -> list[Finding]:
        findings = []
        for channel in status.needing_attention:
            findings.append(Finding(
                f"Channel {channel.name!r} (#{channel.channel_id}) needs attention: {channel.reason}; "
                f"{channel.waiting} deliveries wait for it.",
                f"An admin checks its credentials at /admin/channels/{channel.channel_id} and saves it again."))
        for channel in status.paused:
            until = _when(channel.paused_until) if channel.paused_until else "further notice"
            findings.append(Finding(
                f"Channel {channel.name!r} (#{channel.channel_id}) is paused until {until}: {channel.reason or 'no reason given'}.",
                "It resumes by itself; if the pause repeats, look at the platform's limits and the channel's errors "
                "on /desk/dispatch."))
        for channel in status.switched_off:
            findings.append(Finding(
                f"Channel {channel.name!r} (#{channel.channel_id}) is switched off with {channel.waiting} deliveries "
                "planned for it.", f"Switch it on at /admin/channels/{channel.channel_id}, or cancel those deliveries."))
        if status.uncertain:
            findings.append(Finding(
                f"{status.uncertain} deliveries may or may not have been posted (the platform cannot tell a repeat).",
                "Someone checks the platform and marks each on /desk/dispatch: posted, or send again."))
        return findings

    return _with_outbox(app, read)


def stale_after(app: Flask) -> timedelta:
    """How long without a tick makes a worker silent: four ticks, and never under two minutes."""
    return timedelta(seconds=max(4 * float(app.config["TICK_SECONDS"]), 120))


def check_workers(app: Flask) -> list[Finding]:
    def read(session: Session, status: OutboxStatus) -> list[Finding]:
        findings = []
        beats = worker_beats(session)
        if not beats:
            findings.append(Finding("No worker has ever ticked against this database: nothing due will be sent.",
                                    "Start `loa worker` (or `loa run`, which includes one), e.g. as a systemd "
                                    "service."))
        elif beats[0].last_seen_at < status.now - stale_after(app):
            findings.append(Finding(f"No worker has ticked since {_when(beats[0].last_seen_at)} (the last was "
                                    f"{beats[0].name}): deliveries that fall due are not sent.",
                                    "Start `loa worker` again and look at its log for why it stopped."))
        for claims in status.stuck:
            findings.append(Finding(f"Worker {claims.worker} holds {claims.claims} claims whose lease ran out: it "
                                    "died or hangs.",
                                    "A running worker takes them over within one lease; if none runs, start one."))
        return findings

    return _with_outbox(app, read)
