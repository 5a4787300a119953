"""Shared fixtures: the one full build of the book that the page tests read (the site `make html`
built, as `make test` passes it, else a build of a temporary copy of the repository), and the
pages of the table of contents."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from executable_lesson.build.alternatives import holds
from finding_bottlenecks.settings import ROOT  # the repository
from tests.support import book_copy
from tests.support.book_copy import copy_book

LESSON_CODE = ROOT / "lesson_code"
DOCS = ROOT / "docs"
# `key:format`, or `other-page.md::key:format` for a figure another page measured
GLUE_ROLE = re.compile(r"\{glue:text\}`((?:[\w-]+\.md::)?[^`:]+)(?::([^`]*))?`")
# An {only} block, fenced with three backticks or more (more when it holds a fenced directive)
ONLY_BLOCK = re.compile(r"^(`{3,})\{only\} (.+?)\n(.*?)^\1\n", re.MULTILINE | re.DOTALL)
# A {when} block: a sentence the page holds for one case of what it measured (indented in a list)
WHEN_BLOCK = re.compile(r"^ *(`{3,})\{when\} (.+?)\n(.*?)^ *\1\n", re.MULTILINE | re.DOTALL)


def glue_roles(source, tags, figures=None):
    """[(key, format)] of each {glue:text} role a build with these tags (build_tags()) renders:
    the {only} blocks it leaves out are skipped, and so are the {when} blocks whose condition
    does not hold for these figures ({key: value}; without them, every {when} block is kept)."""
    def keep(match):
        words = match[2].split()
        wanted = not tags[words[-1]] if words[0] == "not" else tags[words[0]]
        return match[3] if wanted else ""

    def chosen(match):
        return match[3] if figures is None or holds(match[2], figures.__getitem__) else ""
    return GLUE_ROLE.findall(WHEN_BLOCK.sub(chosen, ONLY_BLOCK.sub(keep, source)))


def toc_pages():
    """The pages in the table of contents, from index.md's toctrees, index first."""
    return ["index"] + book_copy.toc_pages(DOCS)


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
    # The venv that runs these tests builds the copy too: same interpreter, same requirements;
    # and the learner's venv of this repository's last build, if there is one.
    made = ROOT / "_build" / "learner-venv"
    return copy_book(folder, sys.prefix, made if (made / "stamp").is_file() else None)


def make_html(folder, env=None):
    result = subprocess.run(["make", "--no-print-directory", "html"], cwd=folder,
                            env=dict(os.environ, **(env or {})), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return Build(folder, result)


def pytest_addoption(parser):
    parser.addoption("--built-site", metavar="FOLDER",
                     help="test this site, built by `make html` (_build/html; `make test` passes it),"
                          " instead of building the book afresh in a temporary copy")


class BuiltSite(Build):
    """A site `make html` built, in _build/html, with the build's output beside it in
    _build/html.log, its colours taken out (output is None without one: a site built otherwise)."""

    def __init__(self, html):
        if not (html / "index.html").is_file():
            raise pytest.UsageError(f"--built-site {html}: no site there; build it with `make html`")
        self.folder, self.returncode, self.html = html.parent.parent, 0, html
        log = html.with_name(html.name + ".log")
        self.output = (re.sub(r"\x1b\[[0-9;]*m", "", log.read_text(encoding="utf-8"))
                       if log.is_file() else None)


@pytest.fixture(scope="session")
def book(tmp_path_factory, request):
    """The one build of the book that every test reading a build shares: the site given with
    --built-site (as `make test` gives the one it has just built, or CI the one it publishes),
    else a build of a temporary copy of the repository (minutes)."""
    if request.config.getoption("--built-site"):
        return BuiltSite(Path(request.config.getoption("--built-site")).resolve())
    build = make_html(copy_repository(tmp_path_factory.mktemp("book") / "repo"))
    assert build.returncode == 0, build.output[-5000:]
    return build


SLOW_MODULES = {"test_rebuild", "test_shown_commands", "test_preview", "test_book",
                "test_page_data"}  # test_page_data: small sites, whose kernels talk over loopback
SLOW_TESTS = {"test_the_setup_page_works_on_each_python",  # a venv and numpy per Python
              # small sites that run a notebook kernel, which talks over the loopback network
              "test_the_page_keeps_the_sentences_whose_condition_holds",
              "test_a_condition_naming_no_glued_value_fails_naming_it"}
# Quick, but they need more than a checkout and its venv, so `make test` runs them, `make check`
# does not (it must pass offline, as any user, on any machine):
NEEDS = {
    # the package index: uv resolves the pins for every supported Python and platform
    "network": {"test_the_pins_install_from_wheels_alone", "test_a_pin_made_on_one_python_alone_is_caught"},
    # the right to read another process's memory, which py-spy needs (root on macOS; on Linux
    # where ptrace is restricted, or in a container without SYS_PTRACE)
    "privileged": {"test_py_spy_records_here",
                   "test_the_cost_table_measures_each_installed_profiler_in_turns"},
    # Pythons older than the oldest supported: pyenv's, or in CI uv's (tests/support/old_pythons.py)
    "other_pythons": {"test_real_old_pythons_even_python_2_are_told_what_is_wrong",
                      "test_a_real_too_old_python_gets_one_line_of_advice"},
}


def pytest_collection_modifyitems(items):
    # `make check` runs what needs no build of the book, no network, no privilege and no other
    # Python; the rest is marked here, in one place (the markers are described in pytest.ini).
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1]
        if (module in SLOW_MODULES or item.originalname in SLOW_TESTS or "book" in item.fixturenames
                or "browser" in item.path.parts):
            item.add_marker(pytest.mark.slow)
        for marker, names in NEEDS.items():
            if item.originalname in names:
                item.add_marker(marker)
