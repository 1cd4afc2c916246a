"""The demo's texts load from their files, hang together, and ship with a non-editable install."""

from __future__ import annotations

from collections import Counter
from configparser import ConfigParser
from datetime import date
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import pytest

import scheduler
from scheduler.demo import data

ROOT = Path(__file__).resolve().parents[2]


def walk(folder: Traversable, prefix: str) -> set[str]:
    found = set()
    for entry in folder.iterdir():
        name = f"{prefix}/{entry.name}"
        found |= walk(entry, name) if entry.is_dir() else {name}
    return found


def test_the_texts_load_as_the_demo_describes_them():
    assert len(data.MESSAGES) == 36
    assert Counter(m["kind"] for m in data.MESSAGES) == {"article": 12, "story": 12, "notice": 12}
    assert {u["username"] for u in data.USERS} >= {"bientap", "pheduyet", "quantri", "phantich", "phatthanh"}
    assert len(data.CAMPAIGNS) == 2 and all(c["targets"] and c["peak_periods"] for c in data.CAMPAIGNS)
    assert isinstance(data.CAMPAIGNS[0]["starts_on"], date)
    first = data.MESSAGES[0]
    assert first["title"] == "Nhận diện ma túy trá hình: cha mẹ cần biết để bảo vệ con em"
    assert first["body_md"].startswith("Thời gian gần đây") and "+++" not in first["body_md"]


def test_every_name_a_message_uses_is_defined():
    topics = {t["slug"] for t in data.TOPICS}
    campaigns = {c["key"] for c in data.CAMPAIGNS}
    for message in data.MESSAGES:
        assert message["title"] and message["summary"] and message["body_md"].strip()
        assert set(message["topics"]) <= topics, message["title"]
        assert message["campaign"] is None or message["campaign"] in campaigns
        if message["kind"] == "story":
            assert message["residential_area"] in data.RESIDENTIAL_AREAS
            assert isinstance(message["deed_on"], date) and isinstance(message["name_consent"], bool)
    for campaign in data.CAMPAIGNS:
        assert set(campaign["topics"]) <= topics


def test_a_message_file_without_front_matter_is_refused(tmp_path):
    stray = tmp_path / "37-thu-nghiem.md"
    stray.write_text("Chỉ có nội dung, không có phần đầu.\n+++\ntitle = \"x\"\n+++\n", encoding="utf-8")
    with pytest.raises(ValueError, match="37-thu-nghiem.md"):
        data.read_message(stray)


def test_package_data_ships_every_demo_text():
    """setuptools puts into a wheel what these globs match; a text they miss would be absent from `pip install .`."""
    config = ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    patterns = [p.strip() for p in config["options.package_data"]["scheduler"].split(",")]
    package = Path(scheduler.__file__).parent
    shipped = {str(path.relative_to(package)) for pattern in patterns for path in package.glob(pattern)}

    texts = walk(files("scheduler") / "demo" / "texts", "demo/texts")

    assert len(texts) == 36 + 2
    assert texts <= shipped, sorted(texts - shipped)
