"""A password hasher that counts how often it verifies a password, for tests of when a login checks one."""

from __future__ import annotations

from argon2 import PasswordHasher


class CountingHasher(PasswordHasher):
    calls: int = 0

    def verify(self, hash, password):  # type: ignore[no-untyped-def]
        type(self).calls += 1
        return super().verify(hash, password)
