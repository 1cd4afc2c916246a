"""Compiles the interface's gettext catalogues during every build, so no .mo file is ever committed.

Everything else about the package is declared in setup.cfg. The compile step is a sub-command of
`build`, which setuptools runs both for a wheel (`pip install .`, `pip wheel .`) and, since
setuptools 64, for an editable install (`pip install -e .`), where it sets `editable_mode` and the
catalogues are compiled next to their sources because the package is imported from the checkout.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import Command, setup
from setuptools.command.build import build

TRANSLATIONS = Path("web", "translations")


class compile_catalogues(Command):  # lower case: setuptools names commands in snake case
    description = "compile web/translations/*/LC_MESSAGES/*.po into .mo files"
    user_options: list[tuple[str, str | None, str]] = []
    editable_mode = False

    def initialize_options(self) -> None:
        self.build_lib: str | None = None

    def finalize_options(self) -> None:
        self.set_undefined_options("build_py", ("build_lib", "build_lib"))

    def _catalogues(self) -> list[Path]:
        return sorted(TRANSLATIONS.glob("*/LC_MESSAGES/*.po"))

    def _built(self, po: Path) -> Path:
        return Path(self.build_lib or "", po.with_suffix(".mo"))

    def run(self) -> None:
        # Imported here: babel is a build requirement (pyproject.toml), not needed to read this file.
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in self._catalogues():
            target = po.with_suffix(".mo") if self.editable_mode else self._built(po)
            with po.open("rb") as source:
                catalogue = read_po(source, locale=po.parent.parent.name)
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as out:
                write_mo(out, catalogue)

    def get_source_files(self) -> list[str]:
        return [str(po) for po in self._catalogues()]

    def get_outputs(self) -> list[str]:
        return [str(self._built(po)) for po in self._catalogues()]

    def get_output_mapping(self) -> dict[str, str]:
        return {str(self._built(po)): str(po.with_suffix(".mo")) for po in self._catalogues()}


class build_with_catalogues(build):
    sub_commands = [*build.sub_commands, ("compile_catalogues", None)]


setup(cmdclass={"build": build_with_catalogues, "compile_catalogues": compile_catalogues})
