"""The archive itself: a gzip-compressed tar, written under a temporary name and read back member by member.

Every member's SHA-256 is computed as it is written and checked as it is extracted, so a file damaged on its
way to another site, or an archive cut short, is refused rather than restored.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tarfile
import tempfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from scheduler.backup.errors import BackupError
from scheduler.backup.manifest import MANIFEST_NAME, Manifest, Member, read_manifest

CHUNK = 1024 * 1024
# Reading a damaged gzip or tar raises any of these; each means "this archive cannot be trusted".
DAMAGED = (tarfile.TarError, EOFError, zlib.error, OSError, UnicodeDecodeError)
# The archive holds password hashes and sealed tip-offs: only the account that made it reads it.
ARCHIVE_MODE = 0o600


class _Hashing:
    """A file read through, its bytes counted and hashed on the way into the tar."""

    def __init__(self, file: IO[bytes]):
        self.file, self.hash, self.size = file, hashlib.sha256(), 0

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.hash.update(data)
        self.size += len(data)
        return data


class ArchiveWriter:
    """Members added one by one; the archive takes its final name only once it is complete and on disk."""

    def __init__(self, path: Path):
        self.path = path
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
        self.temporary = Path(temporary)
        self.file = os.fdopen(descriptor, "wb")
        self.tar = tarfile.open(fileobj=self.file, mode="w:gz", compresslevel=6)
        self.members: list[Member] = []

    def add_file(self, name: str, source: Path) -> None:
        """Add `source` as `name`; a file deleted meanwhile (a tip-off's photo past retention) is left out."""
        try:
            file = source.open("rb")
        except FileNotFoundError:
            return
        with file:
            status = os.fstat(file.fileno())
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = status.st_size, int(status.st_mtime), 0o600
            reader = _Hashing(file)
            self.tar.addfile(info, reader)  # tarfile only calls read()
        self.members.append(Member(name, reader.size, reader.hash.hexdigest()))

    def add_tree(self, prefix: str, root: Path) -> None:
        """Every regular file under `root`, in a stable order; links are not followed out of it."""
        if not root.is_dir():
            return
        for folder, folders, files in os.walk(root):
            folders.sort()
            for name in sorted(files):
                path = Path(folder) / name
                if path.is_symlink() or not path.is_file():
                    continue
                self.add_file(f"{prefix}/{path.relative_to(root).as_posix()}", path)

    def finish(self, manifest: Manifest) -> Path:
        raw = manifest.to_json()
        info = tarfile.TarInfo(MANIFEST_NAME)
        info.size, info.mtime, info.mode = len(raw), int(os.path.getmtime(self.temporary)), 0o600
        self.tar.addfile(info, _Bytes(raw))
        self.tar.close()
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        os.chmod(self.temporary, ARCHIVE_MODE)
        os.replace(self.temporary, self.path)
        return self.path

    def abandon(self) -> None:
        with contextlib.suppress(Exception):
            self.tar.close()
        self.file.close()
        self.temporary.unlink(missing_ok=True)


class _Bytes:
    def __init__(self, data: bytes):
        self.data, self.offset = data, 0

    def read(self, size: int = -1) -> bytes:
        end = len(self.data) if size < 0 else self.offset + size
        chunk, self.offset = self.data[self.offset:end], min(end, len(self.data))
        return chunk


def _is_safe(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and "" not in name.split("/") and "\\" not in name


class ArchiveReader:
    """An archive opened for restoring: its manifest checked against its members before anything is extracted."""

    def __init__(self, path: Path):
        try:
            self.tar = tarfile.open(path, mode="r:gz")
            members = self.tar.getmembers()  # reads every header: a truncated archive fails here
        except FileNotFoundError:
            raise BackupError(f"There is no archive at {path}.") from None
        except DAMAGED as error:
            raise BackupError(f"{path} is damaged or incomplete and cannot be restored ({error}).") from None
        self.entries = {member.name: member for member in members}
        manifest_entry = self.entries.get(MANIFEST_NAME)
        if manifest_entry is None or not manifest_entry.isfile():
            raise BackupError(f"{path} has no manifest: it is not a Loa backup, or it was cut short.")
        self.manifest = read_manifest(self._read(manifest_entry))
        self._check_listing(path)

    def _read(self, entry: tarfile.TarInfo) -> bytes:
        try:
            stream = self.tar.extractfile(entry)
            assert stream is not None
            return stream.read()
        except DAMAGED as error:
            raise BackupError(f"The archive is damaged ({error}).") from None

    def _check_listing(self, path: Path) -> None:
        files = {name for name, entry in self.entries.items() if name != MANIFEST_NAME}
        strange = sorted(name for name in files if not self.entries[name].isfile() or not _is_safe(name))
        if strange:
            raise BackupError(f"{path} holds entries a Loa backup never has (links, devices or paths leaving "
                              f"the archive): {', '.join(strange[:5])}. It was not restored.")
        listed = {member.name for member in self.manifest.members}
        if files != listed:
            missing, extra = sorted(listed - files), sorted(files - listed)
            raise BackupError(f"{path} does not match its manifest (missing: {', '.join(missing[:5]) or 'none'}; "
                              f"not listed: {', '.join(extra[:5]) or 'none'}). It was not restored.")

    def members_under(self, prefix: str) -> Iterator[Member]:
        return (member for member in self.manifest.members if member.name.startswith(prefix + "/"))

    def extract(self, member: Member, target: Path, *, mode: int = 0o600) -> None:
        """Write one member to `target`, refusing it if its size or SHA-256 differs from the manifest's."""
        digest, size = hashlib.sha256(), 0
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        with os.fdopen(descriptor, "wb") as out:
            for chunk in self._chunks(member):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        if size != member.size or digest.hexdigest() != member.sha256:
            raise BackupError(f"{member.name} in the archive does not match its checksum: the archive is damaged "
                              "(copy it again from where it is kept). Nothing was restored.")

    def _chunks(self, member: Member) -> Iterator[bytes]:
        try:
            stream = self.tar.extractfile(self.entries[member.name])
            assert stream is not None
            while chunk := stream.read(CHUNK):
                yield chunk
        except DAMAGED as error:  # reading only: a full disk while writing is not the archive's fault
            raise BackupError(f"The archive is damaged: {member.name} cannot be read ({error}).") from None

    def close(self) -> None:
        self.tar.close()
