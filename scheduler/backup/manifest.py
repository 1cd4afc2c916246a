"""What an archive says about itself: format, Loa version, schema revision, backend, keys, and each member's hash.

The manifest is the archive's last member (every member's hash is known only once it has been written) and is
read before anything is extracted, so a restore can refuse an archive it cannot use without touching anything.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from scheduler.backup.errors import BackupError

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
BACKENDS = ("sqlite", "postgresql")
# The instance keys that decrypt what the database holds: channel credentials and tip-offs. A restore under
# other keys would leave those columns unreadable, so it is refused. The secret key only signs logins and
# forms: a different one signs everybody out, nothing more.
DECRYPTING_KEYS = ("credentials_key", "tipoff_key")
KEY_NAMES = ("secret_key", *DECRYPTING_KEYS)
# Told in every manifest, so whoever reads one knows what was left out on purpose.
NOT_INCLUDED = {
    "keys": "Only fingerprints: the keys are kept apart from the backups (docs/backup.md).",
    "artifacts": "Published pages and feeds for nginx: rebuilt by `loa artifacts build`.",
    "audio": "Radio script audio: rebuilt from the scripts when first asked for.",
}


def fingerprint(key: str | None) -> str | None:
    """The first 16 hex digits of the key's SHA-256: enough to tell two keys apart, nothing to recover one."""
    if not key:
        return None
    return hashlib.sha256(key.strip().encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Member:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    loa_version: str
    revision: str | None
    backend: str
    created_at: str  # ISO 8601, UTC
    key_fingerprints: dict[str, str | None]
    members: tuple[Member, ...]
    format_version: int = FORMAT_VERSION
    not_included: dict[str, str] = field(default_factory=lambda: dict(NOT_INCLUDED))

    def to_json(self) -> bytes:
        document = {
            "format_version": self.format_version, "loa_version": self.loa_version, "revision": self.revision,
            "backend": self.backend, "created_at": self.created_at, "key_fingerprints": self.key_fingerprints,
            "not_included": self.not_included,
            "members": [{"name": m.name, "size": m.size, "sha256": m.sha256} for m in self.members],
        }
        return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")

    def member(self, name: str) -> Member | None:
        return next((m for m in self.members if m.name == name), None)


def read_manifest(raw: bytes) -> Manifest:
    """The manifest of an archive, or a BackupError saying why it cannot be trusted."""
    try:
        document = json.loads(raw.decode("utf-8"))
        version = document["format_version"]
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise BackupError(f"The archive is in backup format {version}, newer than this Loa reads "
                              f"({FORMAT_VERSION}): restore it with the Loa version that made it "
                              f"({document.get('loa_version', 'unknown')}) or a newer one.")
        backend = document["backend"]
        if backend not in BACKENDS:
            raise BackupError(f"The archive names an unknown database backend {backend!r}.")
        revision = document["revision"]
        members = tuple(Member(str(m["name"]), _size(m["size"]), _digest(m["sha256"])) for m in document["members"])
        return Manifest(loa_version=str(document["loa_version"]), revision=None if revision is None else str(revision),
                        backend=backend, created_at=str(document["created_at"]),
                        key_fingerprints=_fingerprints(document["key_fingerprints"]), members=members,
                        format_version=version, not_included=dict(document.get("not_included", {})))
    except BackupError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise BackupError(f"The archive's manifest is damaged ({error!r}): this is not a usable Loa backup.") from None


def _size(value: Any) -> int:
    if not isinstance(value, int) or value < 0:
        raise ValueError(f"bad size {value!r}")
    return value


def _digest(value: Any) -> str:
    if not isinstance(value, str) or len(value) != 64 or value.strip("0123456789abcdef"):
        raise ValueError(f"bad sha256 {value!r}")
    return value


def _fingerprints(value: Any) -> dict[str, str | None]:
    if not isinstance(value, dict):
        raise ValueError("key_fingerprints is not a mapping")
    return {str(name): None if print_ is None else str(print_) for name, print_ in value.items()}
