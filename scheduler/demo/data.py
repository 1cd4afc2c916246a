"""The demo's texts — topics, areas, users, two campaigns and 36 messages — read from the files in `texts/`.

Every person and every residential area (thôn, xóm, tổ dân phố) named there is invented; "xã" and
"Công an xã" stand for any commune. Phone 0912 345 678 is a placeholder for the commune police duty
line; links use the reserved ``example.vn`` domain.

`texts/setting.toml` holds the topics, residential areas and users, `texts/campaigns.toml` the
campaigns. A message is one Markdown file in `texts/messages/`: TOML front matter between `+++` lines
(kind, title, summary, topics, campaign, priority, and a story's person and deed), then its body. The
files are read in name order, the order in which the demo walks them through the workflow.

They are read through importlib.resources, so an installed wheel finds them as a checkout does; setup.cfg's
package_data ships them.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

TEXTS = files("scheduler.demo") / "texts"
FRONT_MATTER = "+++\n"


def read_toml(name: str) -> dict[str, Any]:
    return tomllib.loads((TEXTS / name).read_text(encoding="utf-8"))


def read_message(file: Traversable) -> dict[str, Any]:
    """One message file as the demo loader takes it: its front matter's fields and `body_md`."""
    opening, front, body = file.read_text(encoding="utf-8").split(FRONT_MATTER, 2)
    if opening:
        raise ValueError(f"{file.name}: a message file opens with its front matter between +++ lines")
    return {"campaign": None, **tomllib.loads(front), "body_md": body}


def message_files() -> list[Traversable]:
    return sorted((f for f in (TEXTS / "messages").iterdir() if f.name.endswith(".md")), key=lambda f: f.name)


_setting = read_toml("setting.toml")
TOPICS: list[dict[str, Any]] = _setting["topics"]
RESIDENTIAL_AREAS: list[str] = _setting["residential_areas"]
USERS: list[dict[str, Any]] = _setting["users"]
CAMPAIGNS: list[dict[str, Any]] = read_toml("campaigns.toml")["campaigns"]
MESSAGES: list[dict[str, Any]] = [read_message(f) for f in message_files()]
