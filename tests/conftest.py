"""Shared fixtures: full builds of the book in temporary copies of the repository."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lessonbuild.book_copy import copy_book

ROOT = Path(__file__).resolve().parent.parent
LESSON_CODE = ROOT / "lesson_code"
GLUE_ROLE = re.compile(r"\{glue:text\}`([^`:]+)(?::([^`]*))?`")
ONLY_BLOCK = re.compile(r"^```\{only\} (.+?)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)


def glue_roles(source, tags):
    """[(key, format)] of each {glue:text} role a build with these tags (build_tags()) renders:
    the {only} blocks it leaves out are skipped."""
    def keep(match):
        words = match[1].split()
        wanted = not tags[words[-1]] if words[0] == "not" else tags[words[0]]
        return match[2] if wanted else ""
    return GLUE_ROLE.findall(ONLY_BLOCK.sub(keep, source))


class Build:
    """One `make html` in a copy of the repository."""

    def __init__(self, folder, result):
        self.folder = folder
        self.returncode = result.returncode
        self.output = result.stdout
        self.html = folder / "_build" / "html"

    def page(self, name="finding-bottlenecks"):
        return (self.html / f"{name}.html").read_text(encoding="utf-8")


def copy_repository(folder):
    # The venv that runs these tests builds the copy too: same interpreter, same requirements.
    return copy_book(folder, sys.prefix)


def make_html(folder, env=None):
    result = subprocess.run(["make", "--no-print-directory", "html"], cwd=folder,
                            env=dict(os.environ, **(env or {})), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return Build(folder, result)


def pytest_addoption(parser):
    parser.addoption("--built-site", metavar="FOLDER",
                     help="check this already built site (e.g. _build/html) instead of building"
                          " the book afresh: quick, for work on the tests of the site itself")


class BuiltSite(Build):
    def __init__(self, html):
        self.folder, self.returncode, self.output, self.html = html.parent.parent, 0, "", html


@pytest.fixture(scope="session")
def book(tmp_path_factory, request):
    """The book as committed, built once for all page tests (a few minutes)."""
    if request.config.getoption("--built-site"):
        return BuiltSite(Path(request.config.getoption("--built-site")).resolve())
    build = make_html(copy_repository(tmp_path_factory.mktemp("book") / "repo"))
    assert build.returncode == 0, build.output[-5000:]
    return build


SLOW_MODULES = {"test_rebuild", "test_shown_commands", "test_preview", "test_book"}
SLOW_TESTS = {"test_the_setup_page_works_on_each_python"}  # a venv and numpy per Python


def pytest_collection_modifyitems(items):
    # `make check` runs what needs no build of the book; the rest is marked slow here, in one place.
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1]
        if (module in SLOW_MODULES or item.originalname in SLOW_TESTS or "book" in item.fixturenames
                or "browser" in item.path.parts):
            item.add_marker(pytest.mark.slow)
