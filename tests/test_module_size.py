"""A module is small enough to read in one sitting: none outside migrations/ and tests/ passes 400 lines."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("content", "campaigns", "scheduler", "web", "bench")
LONGEST = 400


def test_no_module_is_longer_than_400_lines():
    modules = [path for package in PACKAGES for path in (ROOT / package).rglob("*.py")]
    assert len(modules) > 100  # the walk found the tree, not an empty folder
    too_long = {str(path.relative_to(ROOT)): lines for path in modules
                if (lines := len(path.read_text(encoding="utf-8").splitlines())) > LONGEST}
    assert too_long == {}
