"""Readable differences between two texts, line by line, for the revision history and conflicts."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class DiffLine:
    kind: Literal["same", "added", "removed"]
    text: str


def diff_text(old: str, new: str) -> list[DiffLine]:
    old_lines, new_lines = old.splitlines(), new.splitlines()
    lines: list[DiffLine] = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False).get_opcodes():
        if op == "equal":
            lines += [DiffLine("same", text) for text in old_lines[a1:a2]]
            continue
        lines += [DiffLine("removed", text) for text in old_lines[a1:a2]]
        lines += [DiffLine("added", text) for text in new_lines[b1:b2]]
    return lines
