"""Audio files made once and kept under a key: concurrent requests wait for one synthesis, never race."""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class AudioCache:
    directory: Path

    def path_for(self, key: str, fmt: str) -> Path:
        return self.directory / f"{key}.{fmt}"

    def cached(self, key: str, fmt: str) -> Path | None:
        path = self.path_for(key, fmt)
        return path if path.exists() else None

    def produce(self, key: str, fmt: str, make: Callable[[Path], None]) -> Path:
        """The cached file, or one made by make(temporary path) and then renamed into place."""
        target = self.path_for(key, fmt)
        if target.exists():
            return target
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)  # scripts not yet aired: not for others
        with self._lock(key):
            # Whoever held the lock before us may have just made it.
            if target.exists():
                return target
            # Same directory, so the rename is atomic: a reader sees no file or a whole one.
            descriptor, temporary = tempfile.mkstemp(dir=self.directory, prefix=f".{key}.", suffix=f".{fmt}")
            os.close(descriptor)
            try:
                make(Path(temporary))
                os.chmod(temporary, 0o600)  # whatever mode the encoder gave the file it wrote
                os.replace(temporary, target)
            finally:
                Path(temporary).unlink(missing_ok=True)
        return target

    @contextmanager
    def _lock(self, key: str) -> Iterator[None]:
        # A file lock, not a threading.Lock: several web processes share one instance folder, and flock
        # also excludes two threads of one process because each opens the file on its own.
        # Lock files stay behind: deleting one while another process waits on it would let a third
        # lock a new file of the same name and synthesize alongside.
        locks = self.directory / ".locks"
        locks.mkdir(mode=0o700, exist_ok=True)
        with open(locks / f"{key}.lock", "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
