"""Restoring an archive: every check first, everything extracted and verified aside, then swapped in.

Nothing this install holds is touched until the whole archive has been read, its checksums matched and its
backend, schema revision and keys found to fit. Then the database is replaced in one transaction and each
folder by a rename, so a failure part-way leaves the old database, and folders either old or new, never half.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from content.media import MEDIA_DIR_MODE, MEDIA_FILE_MODE
from scheduler.backup.archive import ArchiveReader
from scheduler.backup.errors import BackupError
from scheduler.backup.manifest import DECRYPTING_KEYS, Manifest
from scheduler.backup.postgres_copy import load_postgres
from scheduler.backup.revisions import Standing, revision_standing
from scheduler.backup.sqlite_copy import check_sqlite, load_sqlite
from scheduler.backup.writer import DATABASE_MEMBERS, FILES_PREFIX, Installation

# The media folder may be served by nginx through its group; the consent scans and tip-off photos never are.
TREE_MODES = {"media": (MEDIA_DIR_MODE, MEDIA_FILE_MODE)}
PRIVATE_MODES = (0o700, 0o600)
BACKEND_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


@dataclass
class StagedRestore:
    """An archive checked and extracted beside what it will replace; `apply` swaps it in, `discard` forgets it."""

    installation: Installation
    manifest: Manifest
    standing: Standing
    warnings: list[str]
    work: Path
    staged_trees: dict[str, Path] = field(default_factory=dict)
    file_counts: dict[str, int] = field(default_factory=dict)
    made_folders: list[Path] = field(default_factory=list)  # parents staging created, removed again on discard

    def apply(self) -> None:
        database = self.work / "database"
        if self.manifest.backend == "sqlite":
            load_sqlite(database, self.installation.sqlite_path())
        else:
            load_postgres(database, self.installation.database_url, work=self.work)
        for name, staged in list(self.staged_trees.items()):
            _swap(staged, self.installation.trees[name])
            del self.staged_trees[name]

    def discard(self) -> None:
        for staged in self.staged_trees.values():
            shutil.rmtree(staged, ignore_errors=True)
        self.staged_trees.clear()
        shutil.rmtree(self.work, ignore_errors=True)
        for folder in reversed(self.made_folders):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        self.made_folders.clear()


def stage_restore(installation: Installation, archive: Path, *, ignore_keys: bool = False) -> StagedRestore:
    """Check `archive` against this install and extract it aside, or raise a BackupError saying why not."""
    reader = ArchiveReader(archive)
    try:
        manifest = reader.manifest
        standing = _check_fit(installation, manifest)
        warnings = _check_keys(installation, manifest, ignore_keys=ignore_keys)
        staged = StagedRestore(installation, manifest, standing, warnings, work=_work_folder(installation))
        try:
            _stage(reader, staged)
        except BaseException:
            staged.discard()
            raise
        return staged
    finally:
        reader.close()


def _check_fit(installation: Installation, manifest: Manifest) -> Standing:
    if manifest.backend != installation.backend:
        theirs, ours = BACKEND_NAMES[manifest.backend], BACKEND_NAMES.get(installation.backend, installation.backend)
        raise BackupError(f"This archive holds a {theirs} database, but this install uses {ours} "
                          f"(LOA_DATABASE_URL). Restore it into a {theirs} install: Loa does not convert "
                          "between databases.")
    standing = revision_standing(manifest.revision)
    if standing is Standing.UNKNOWN:
        raise BackupError(f"The archive's database is at schema revision {manifest.revision}, which this Loa does "
                          f"not know: it was made by a newer Loa ({manifest.loa_version}). Install that version "
                          "or a newer one, then restore.")
    if manifest.member(DATABASE_MEMBERS[manifest.backend]) is None:
        raise BackupError("The archive has no database in it: it is not a complete Loa backup.")
    return standing


def _check_keys(installation: Installation, manifest: Manifest, *, ignore_keys: bool) -> list[str]:
    differing = [name for name in DECRYPTING_KEYS if (archived := manifest.key_fingerprints.get(name))
                 and archived != installation.key_fingerprints.get(name)]
    warnings = []
    if differing:
        described = "; ".join(f"{name}: archive {manifest.key_fingerprints[name]}, this install "
                              f"{installation.key_fingerprints.get(name) or 'none'}" for name in differing)
        if not ignore_keys:
            raise BackupError(
                f"This install's keys are not the ones the archive was made with ({described}). The encrypted "
                "channel credentials and tip-offs would be unreadable. Put the original keys in place (the "
                "instance folder's files or LOA_CREDENTIALS_KEY / LOA_TIPOFF_KEY) and restore again; "
                "--ignore-keys restores anyway, leaving those unreadable.")
        warnings.append(f"Restored under other keys ({described}): channel credentials must be entered again "
                        "and the sealed tip-offs and their photos cannot be read.")
    archived_secret = manifest.key_fingerprints.get("secret_key")
    if archived_secret and archived_secret != installation.key_fingerprints.get("secret_key"):
        warnings.append("The secret key differs from the archive's: everybody signs in again, nothing else changes.")
    return warnings


def _work_folder(installation: Installation) -> Path:
    # SQLite's copy sits beside the live file, on the same disk, so the restore needs no room elsewhere.
    near = installation.sqlite_path().parent if installation.backend == "sqlite" else None
    if near is not None:
        near.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(dir=near, prefix=".loa-restore-"))


def _stage(reader: ArchiveReader, staged: StagedRestore) -> None:
    manifest = staged.manifest
    database = manifest.member(DATABASE_MEMBERS[manifest.backend])
    assert database is not None
    reader.extract(database, staged.work / "database")
    if manifest.backend == "sqlite":
        check_sqlite(staged.work / "database")
    for name, target in staged.installation.trees.items():
        dir_mode, file_mode = TREE_MODES.get(name, PRIVATE_MODES)
        staged.made_folders += _make_folders(Path(target.anchor), target.parent, 0o700)
        # Beside the folder it replaces, so the swap is a rename on one file system.
        folder = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.restoring-"))
        staged.staged_trees[name] = folder
        os.chmod(folder, (target.stat().st_mode & 0o777) if target.is_dir() else dir_mode)
        count = 0
        for member in reader.members_under(f"{FILES_PREFIX}/{name}"):
            path = folder / member.name[len(FILES_PREFIX) + len(name) + 2:]
            _make_folders(folder, path.parent, dir_mode)
            reader.extract(member, path, mode=file_mode)
            count += 1
        staged.file_counts[name] = count


def _make_folders(root: Path, folder: Path, mode: int) -> list[Path]:
    """Create `folder` and its missing parents below `root` with `mode`; the ones made, outermost first."""
    missing = []
    while folder != root and not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        os.chmod(path, mode)
    return list(reversed(missing))


def _swap(staged: Path, target: Path) -> None:
    """`staged` takes `target`'s name; the old folder is removed only once the new one is in place."""
    if not target.exists():
        os.rename(staged, target)
        return
    old = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.replaced-"))
    os.rmdir(old)
    os.rename(target, old)
    try:
        os.rename(staged, target)
    except OSError:
        os.rename(old, target)
        raise
    shutil.rmtree(old, ignore_errors=True)
