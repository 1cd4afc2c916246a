"""`loa api token create|revoke`: API tokens for operators and CI, from the server's console.

The secret is printed once, on the last line, so a script can take it with `tail -n 1`.
"""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import select

from campaigns.api_tokens import DEFAULT_DAYS, SCOPES, find_tokens_by_prefix, issue_api_token, revoke_api_token
from campaigns.models import Station
from content.errors import InvalidInput
from content.models import User
from web.commands.schema_required import require_schema
from web.database import session_factory, zone


@click.group("api")
def api_group() -> None:
    """The integration API (/api/v1)."""


@api_group.group("token")
def token_group() -> None:
    """API tokens: shown once when created, stored only as a hash."""


@token_group.command("create")
@click.option("--user", "username", help="The user the token acts for (with their role and area).")
@click.option("--station", "station_id", type=click.IntRange(1, 2**31 - 1), help="The station the token acts for.")
@click.option("--scope", "scopes", multiple=True, required=True, type=click.Choice(list(SCOPES)),
              help="A scope; repeat for several.")
@click.option("--days", type=int, default=DEFAULT_DAYS, show_default=True, help="Days until it expires (1–366).")
@click.option("--name", default="console", show_default=True, help="What the token is for.")
@with_appcontext
def create_command(username: str | None, station_id: int | None, scopes: tuple[str, ...], days: int,
                   name: str) -> None:
    """Issue a token for a user or a station; the secret is printed once."""
    if (username is None) == (station_id is None):
        raise click.UsageError("Give exactly one of --user NAME and --station ID.")
    require_schema("api_tokens")
    now = current_app.config["CLOCK"]()
    with session_factory()() as session:
        user = session.scalar(select(User).where(User.username == username)) if username else None
        station = session.get(Station, station_id) if station_id else None
        if username and user is None:
            raise click.ClickException(f"No user {username}.")
        if station_id and station is None:
            raise click.ClickException(f"No station {station_id}.")
        try:
            issued = issue_api_token(session, issuer=None, name=name, user=user, station=station, scopes=scopes,
                                     now=now, days=days)
        except InvalidInput as refused:
            raise click.ClickException("; ".join(f"{k}: {v}" for k, v in refused.errors.items())) \
                from None
        session.commit()
        click.echo(f"Token {issued.token.prefix}… for {username or f'station {station_id}'}, scopes "
                   f"{' '.join(issued.token.scopes)}, expires {issued.token.expires_at.astimezone(zone()):%d/%m/%Y %H:%M}."
                   " Shown once:")
        click.echo(issued.secret)


@token_group.command("revoke")
@click.argument("prefix")
@with_appcontext
def revoke_command(prefix: str) -> None:
    """Revoke the token whose visible prefix (loa_xxxx) is PREFIX."""
    require_schema("api_tokens")
    now = current_app.config["CLOCK"]()
    with session_factory()() as session:
        found = find_tokens_by_prefix(session, prefix)
        if not found:
            raise click.ClickException(f"No token {prefix}.")
        if len(found) > 1:
            raise click.ClickException(f"{len(found)} tokens start with {prefix}; revoke them at /admin/api-tokens.")
        revoke_api_token(session, found[0], actor=None, now=now)
        session.commit()
    click.echo(f"Token {prefix} revoked.")
