"""One way to build a blueprint, checked with ast: its package's `__init__` creates it and lists its addresses;
views are plain functions in the package's modules, which never import the package (so no late imports)."""

from __future__ import annotations

import ast
from pathlib import Path

WEB = Path(__file__).resolve().parent.parent.parent / "web"
# Flask's decorators that would add a route or a handler from inside a view module.
REGISTERING = {"route", "get", "post", "put", "patch", "delete", "errorhandler", "before_request", "after_request",
               "app_template_global", "app_template_filter"}


def modules() -> list[tuple[str, ast.Module]]:
    return [(str(path.relative_to(WEB.parent)), ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(WEB.rglob("*.py"))]


def package_of(name: str) -> str:
    """web/desk/account.py → web.desk; web/desk/__init__.py → web.desk."""
    return ".".join(Path(name).with_suffix("").parts[:-1])


def test_blueprints_are_created_only_in_a_package_init():
    found = [name for name, tree in modules() for node in ast.walk(tree)
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Blueprint"
             and not name.endswith("__init__.py")]
    assert found == []


def test_no_view_is_registered_by_a_decorator():
    found = [f"{name}:{node.lineno}" for name, tree in modules() for node in ast.walk(tree)
             if isinstance(node, ast.FunctionDef) for decorator in node.decorator_list
             if isinstance(target := decorator.func if isinstance(decorator, ast.Call) else decorator, ast.Attribute)
             and target.attr in REGISTERING]
    assert found == []


def test_a_view_module_never_imports_its_own_package():
    found = [name for name, tree in modules() if not name.endswith("__init__.py") and package_of(name) != "web"
             for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module == package_of(name)]
    assert found == []


def test_every_import_comes_before_the_code():
    late = []
    for name, tree in modules():
        code_seen = False
        for node in tree.body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                if code_seen:
                    late.append(f"{name}:{node.lineno}")
            elif not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)):  # the docstring
                code_seen = True
    assert late == []


def test_the_check_sees_the_blueprints():
    packages = {package_of(name) for name, tree in modules() for node in ast.walk(tree)
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Blueprint"}
    assert {"web.desk", "web.radio", "web.admin", "web.stations", "web.media", "web.portal"} <= packages
