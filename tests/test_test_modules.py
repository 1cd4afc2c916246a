"""No test module imports another: shared helpers live in helper modules, so each test is collected once."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def imported_modules(tree: ast.AST) -> list[str]:
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            # `from tests.web import test_x` imports a test module too
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return names


def imported_test_modules(source: str) -> list[str]:
    return [name for name in imported_modules(ast.parse(source))
            if name.startswith("tests.") and name.rsplit(".", 1)[-1].startswith("test_")]


def test_no_test_module_imports_from_another_test_module() -> None:
    offenders = {str(path.relative_to(TESTS.parent)): found for path in sorted(TESTS.rglob("*.py"))
                 if (found := imported_test_modules(path.read_text(encoding="utf-8")))}
    assert offenders == {}


def test_the_check_sees_every_way_of_importing_a_test_module() -> None:
    source = ("from tests.web.test_thin_path import log_in\n"
              "import tests.scheduler.test_dispatch\n"
              "from tests.content import test_media\n"
              "def late():\n    from tests.campaigns.test_planning import approved\n"
              "from tests.web.helpers import csrf_token\n")
    assert imported_test_modules(source) == ["tests.web.test_thin_path", "tests.scheduler.test_dispatch",
                                            "tests.content.test_media", "tests.campaigns.test_planning"]
