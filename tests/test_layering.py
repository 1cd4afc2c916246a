"""The import rules, checked with ast: web → scheduler → campaigns → content; only web imports Flask or its
family (werkzeug, jinja2, itsdangerous, flask_*); the benchmarks never import the test suite."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = ["content", "campaigns", "scheduler", "web"]  # lowest first
# Flask's own libraries: importing any of them below web would tie the domain to the web framework.
FLASK_FAMILY = {"flask", "werkzeug", "jinja2", "itsdangerous", "markupsafe"}


def is_flask_family(module: str) -> bool:
    top = module.split(".")[0]
    return top in FLASK_FAMILY or top.startswith("flask_")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def modules_of(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("package", LAYERS)
def test_a_layer_imports_only_itself_and_layers_below(package):
    allowed = set(LAYERS[: LAYERS.index(package) + 1])
    violations = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules_of(package)
        for name in imported_modules(path)
        if name.split(".")[0] in LAYERS and name.split(".")[0] not in allowed
    ]
    assert violations == []


@pytest.mark.parametrize("package", ["content", "campaigns", "scheduler"])
def test_only_web_imports_flask(package):
    violations = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules_of(package)
        for name in imported_modules(path)
        if is_flask_family(name)
    ]
    assert violations == []


def test_benchmarks_never_import_the_tests():
    """The fake platforms bench/ needs live in bench/fakes/ (the tests use them from there), so a benchmark
    runs without tests/."""
    violations = [
        f"{path.relative_to(ROOT)} imports {name}"
        for path in modules_of("bench")
        for name in imported_modules(path)
        if name.split(".")[0] == "tests"
    ]
    assert violations == []


@pytest.mark.parametrize("module", ["werkzeug.security", "flask_limiter", "jinja2", "itsdangerous", "flask"])
def test_the_flask_family_covers_flask_and_its_libraries(module):
    assert is_flask_family(module)


def test_a_name_that_merely_starts_like_flask_is_not_flask():
    assert not is_flask_family("flasklike")


def test_the_rule_would_catch_an_upward_import(tmp_path):
    module = tmp_path / "bad.py"
    module.write_text("from web.database import get_db\nimport flask\n")
    assert imported_modules(module) == {"web.database", "flask"}


def test_every_layer_has_modules_to_check():
    assert all(modules_of(package) for package in [*LAYERS, "bench"])
