"""The rooms of the code and the direction of their imports: the pages use the page API, which
uses the readers and charts, which use the build's infrastructure; never the other way round."""
import ast
import subprocess
import sys

import pytest
from conftest import ROOT

from build_support.settings import CODE_PACKAGES

# A room may import only the rooms listed for it (and the standard library and its packages).
MAY_IMPORT = {
    "build_support": set(),
    "readers": set(),
    "charts": {"build_support", "readers"},
    "cells": {"build_support", "readers", "charts"},
    "book_extension": {"build_support"},
    "maintainer": {"build_support"},
}
OURS = set(MAY_IMPORT)


def imported_rooms(path):
    """The top-level packages of ours that a module imports (absolute imports only)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & OURS


@pytest.mark.parametrize("room", sorted(MAY_IMPORT))
def test_each_room_imports_only_the_rooms_below_it(room):
    wrong = {str(path.relative_to(ROOT)): sorted(imported_rooms(path) - MAY_IMPORT[room] - {room})
             for path in sorted((ROOT / room).rglob("*.py"))}
    assert not {path: rooms for path, rooms in wrong.items() if rooms}


def test_every_code_package_is_a_room_with_rules():
    assert set(CODE_PACKAGES) <= OURS


# What the book's environment has and `make pins` must not need.
BOOK_PACKAGES = ["sphinx", "myst_nb", "IPython", "matplotlib", "docutils", "line_profiler", "cells"]


@pytest.mark.parametrize("module", ["maintainer.refresh_pins", "build_support.pythons",
                                    "build_support.pins", "build_support.settings"])
def test_the_pins_and_the_infrastructure_import_without_the_books_packages(module):
    # A finder that refuses the book's packages, installed before anything is imported.
    refuse = (f"import sys\nclass Refuse:\n    def find_spec(self, name, path=None, target=None):\n"
              f"        if name.split('.')[0] in {BOOK_PACKAGES!r}:\n"
              f"            raise ImportError('not in a pins environment: ' + name)\n"
              f"sys.meta_path.insert(0, Refuse())\nimport {module}\n")
    result = subprocess.run([sys.executable, "-c", refuse], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
