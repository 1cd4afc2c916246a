"""What a configuration check finds: a problem and what to do about it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask import Flask


@dataclass(frozen=True)
class Finding:
    problem: str
    remedy: str


# A check reads the app's configuration (and the database, for some) and returns what is wrong; [] when all is well.
Check = Callable[[Flask], list[Finding]]
