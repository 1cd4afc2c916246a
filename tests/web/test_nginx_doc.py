"""docs/nginx.md serves the published files as Loa would: the same security headers, and a location for every file."""

from __future__ import annotations

import re
from pathlib import Path

from tests.factories import make_published_message
from web.artifacts import _paths
from web.security_headers import HEADERS

DOC = (Path(__file__).resolve().parents[2] / "docs" / "nginx.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```nginx\n(.*?)```", DOC, re.S)


def test_the_files_carry_the_security_headers_loa_sends():
    snippet = BLOCKS[1]
    sent = {name: quoted or bare for name, quoted, bare in re.findall(r'add_header ([\w-]+) (?:"([^"]*)"|(\S+));', snippet)}
    for name, value in HEADERS.items():
        assert sent.get(name) == value, name


def test_every_published_file_has_a_location_and_nothing_else_does(app, session, session_factory, now):
    make_published_message(session, session_factory, now)
    pattern = re.search(r"location ~ (\^\S+\$) \{", BLOCKS[0]).group(1)
    paths = _paths(app)
    assert "/" in paths and len(paths) > 10
    assert all(path == "/" or re.match(pattern, path) for path in paths)
    for private in ("/desk/", "/tim-kiem", "/r/abc", "/media/1", "/tin/", "/chien-dich/x/y", "/radio/1/script"):
        assert not re.match(pattern, private), private
