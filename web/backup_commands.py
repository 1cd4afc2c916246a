"""`loa backup` and `loa restore`: the archive logic is scheduler.backup's; this reads where things are and the keys."""

from __future__ import annotations

import importlib.metadata
from datetime import datetime
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from campaigns.tipoff_photos import photo_folder
from scheduler.backup.errors import BackupError
from scheduler.backup.manifest import KEY_NAMES, fingerprint
from scheduler.backup.restore import stage_restore
from scheduler.backup.revisions import Standing
from scheduler.backup.writer import Installation, archive_name, prune_archives, write_backup
from web.database import zone
from web.desk.nominations import consent_root
from web.media.files import media_root
from web.tipoff_settings import tipoff_photo_root

# Where each key is configured, in the same order as KEY_NAMES: a LOA_* setting, else a file the install made.
KEY_SETTINGS = dict(zip(KEY_NAMES, ("SECRET_KEY", "CREDENTIALS_KEY", "TIPOFF_KEY")))


def _loa_version() -> str:
    try:
        return importlib.metadata.version("loa")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _existing_key(app: Flask, name: str) -> str | None:
    """The key in use, without making one: a backup or a restore never creates keys."""
    configured = app.config.get(KEY_SETTINGS[name])
    if configured:
        return str(configured)
    path = Path(app.instance_path) / name
    return path.read_text().strip() if path.is_file() else None


def installation(app: Flask) -> Installation:
    return Installation(
        database_url=app.config["DATABASE_URL"],
        trees={"media": media_root(), "consent": consent_root(), "tipoff-photos": photo_folder(tipoff_photo_root(app))},
        key_fingerprints={name: fingerprint(_existing_key(app, name)) for name in KEY_NAMES},
        loa_version=_loa_version())


def _local(moment: str) -> str:
    try:
        return f"{datetime.fromisoformat(moment).astimezone(zone()):%d/%m/%Y %H:%M} ({zone().key})"
    except ValueError:
        return moment  # an archive edited by hand still restores; its date is shown as written


@click.command("backup")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--keep", type=click.IntRange(min=1), help="With PATH a folder: keep only the KEEP newest archives there.")
@with_appcontext
def backup_command(path: Path, keep: int | None) -> None:
    """Write the database, uploaded media, consent scans and tip-off photos into one archive at PATH.

    PATH may be a folder: the archive is then named by the time (loa-backup-YYYYMMDDTHHMMSSZ.tar.gz). The keys
    are not in it, only their fingerprints: keep them apart from the backups (docs/backup.md).
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    now = app.config["CLOCK"]()
    folder = path if path.is_dir() else None
    if keep is not None and folder is None:
        raise click.UsageError("--keep needs PATH to be a folder of archives.")
    target = folder / archive_name(now) if folder else path
    if not target.parent.is_dir():
        raise click.ClickException(f"The folder {target.parent} does not exist.")
    if folder is None and target.exists():
        raise click.ClickException(f"{target} already exists: give a new name, or a folder.")
    try:
        manifest = write_backup(installation(app), target, now=now)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:  # the usual first-night mistake is a folder that belongs to root, not to Loa's account
        raise click.ClickException(f"Cannot write in {target.parent} ({error.strerror}): give the account that runs "
                                   "Loa that folder, with room to spare (docs/backup.md). Nothing was backed up.") from None
    files = len(manifest.members) - 1
    click.echo(f"Backed up the {manifest.backend} database (revision {manifest.revision}) and {files} files "
               f"to {target}.")
    if folder is not None and keep is not None:
        for removed in prune_archives(folder, keep=keep):
            click.echo(f"Removed the older archive {removed.name}.")


@click.command("restore")
@click.argument("archive", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--yes", is_flag=True, help="Do not ask before replacing the database and the files.")
@click.option("--ignore-keys", is_flag=True, help="Restore although this install's keys differ from the archive's; "
              "the channel credentials and tip-offs stay unreadable.")
@with_appcontext
def restore_command(archive: Path, yes: bool, ignore_keys: bool) -> None:
    """Replace this install's database and files with those in ARCHIVE, after checking it all fits.

    Stop `loa run` and every `loa worker` first. A damaged archive, one of the other database backend, one from
    a newer Loa, or one made under other keys is refused and nothing is changed.
    """
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    setup = installation(app)
    try:
        staged = stage_restore(setup, archive, ignore_keys=ignore_keys)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    try:
        manifest = staged.manifest
        click.echo(f"{archive.name}: made {_local(manifest.created_at)} by Loa {manifest.loa_version}, "
                   f"{manifest.backend} database at revision {manifest.revision}, "
                   + ", ".join(f"{count} {name} files" for name, count in staged.file_counts.items()) + ".")
        for warning in staged.warnings:
            click.echo(f"Warning: {warning}")
        if not yes and not click.confirm("Replace this install's database and files with the archive's?"):
            raise click.ClickException("Nothing was restored.")
        try:
            staged.apply()
        except BackupError as error:
            raise click.ClickException(str(error)) from None
    finally:
        staged.discard()
    click.echo("Restored.")
    if staged.standing in (Standing.OLDER, Standing.EMPTY):
        click.echo("The database is at an older schema than this Loa: run `loa db upgrade` before starting it.")
    click.echo("Rebuild the published pages and feeds with `loa artifacts build`; audio is rebuilt when asked for.")
