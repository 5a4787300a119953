"""The Makefile's choice of Python: an interpreter the lesson cannot use is refused in one line,
before anything is made or removed. And what `make html` and `make test` do: the build keeps its
log beside its site, and make test tests the site make html builds, or one it is given. Quick: no
virtual environment is ever created here, and no book built."""
import os
import re
import shlex
import shutil
import subprocess
import sys

import pytest

from finding_bottlenecks.pythons import supported_range
from finding_bottlenecks.settings import ROOT
from tests.support.old_pythons import dotted, fake_python, old_python, old_versions

OLDEST, NEWEST = supported_range()
MAKE = shutil.which("make")


def make_folder(folder, oldest=OLDEST, newest=NEWEST):
    """Just what `make venv` reads, with the supported range set to oldest..newest, and nothing
    to install: were a check to let an interpreter through, no packages would be fetched."""
    shutil.copy(ROOT / "Makefile", folder)
    (folder / "requirements.txt").write_text("# nothing to install\n")
    (folder / "lesson_code").mkdir()
    setup = (ROOT / "lesson_code" / "check_setup.py").read_text(encoding="utf-8")
    setup = re.sub(r"(?m)^OLDEST = .*$", f"OLDEST = {tuple(oldest)}", setup)
    setup = re.sub(r"(?m)^NEWEST = .*$", f"NEWEST = {tuple(newest)}", setup)
    (folder / "lesson_code" / "check_setup.py").write_text(setup, encoding="utf-8")
    return folder


def make(folder, *args, path=None):
    env = {name: value for name, value in os.environ.items()
           if name not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PYTHON"}}  # when run by make check
    if path:
        env["PATH"] = path
    return subprocess.run([MAKE, *args], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=60)


def lines(result):
    return [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]


def assert_refused(result, given, oldest):
    assert result.returncode != 0
    said = lines(result)
    assert len(said) == 1, said
    assert f"PYTHON={given} " in said[0]
    assert f"needs CPython {dotted(oldest)} or newer" in said[0]
    assert f"make html PYTHON=/path/to/python{dotted(oldest)}" in said[0]
    return said[0]


@pytest.mark.parametrize("target", ["venv", "html"])
def test_a_missing_python_is_refused_in_one_line(tmp_path, target):
    folder = make_folder(tmp_path)
    result = make(folder, target, "PYTHON=/nope/python3.12")
    assert "was not found" in assert_refused(result, "/nope/python3.12", OLDEST)
    assert not (folder / ".venv").exists()


def test_a_python_too_old_is_refused_and_an_existing_venv_kept(tmp_path):
    # This very interpreter, with the oldest supported one set just after it.
    mine = sys.version_info[:2]
    oldest = (mine[0], mine[1] + 1)
    folder = make_folder(tmp_path, oldest=oldest, newest=oldest)
    (folder / ".venv").mkdir()
    (folder / ".venv" / ".stamp").write_text("a working venv\n")
    result = make(folder, "venv", f"PYTHON={sys.executable}")
    message = assert_refused(result, sys.executable, oldest)
    assert f"is CPython {'.'.join(map(str, sys.version_info[:3]))}" in message
    assert (folder / ".venv" / ".stamp").read_text() == "a working venv\n"


# Older than the oldest supported, down to 2.7: refused in one line that names the version. The
# stand-ins (this interpreter, claiming an old version) run anywhere; real old Pythons where pyenv
# has them, and in CI from uv (tests/support/old_pythons.py).
STAND_INS = [(2, 7, 18), (3, 6, 15), (OLDEST[0], OLDEST[1] - 1, 14)]


@pytest.mark.parametrize("version", STAND_INS, ids=dotted)
def test_a_too_old_python_is_told_what_is_wrong(tmp_path, version):
    python = str(fake_python(tmp_path / "bin", version))
    folder = make_folder(tmp_path)
    message = assert_refused(make(folder, "venv", f"PYTHON={python}"), python, OLDEST)
    assert f" is CPython {dotted(version)}, " in message, message
    assert not (folder / ".venv").exists()


@pytest.mark.parametrize("version", old_versions(OLDEST))
def test_real_old_pythons_even_python_2_are_told_what_is_wrong(tmp_path, version):
    python = old_python(version, OLDEST)
    folder = make_folder(tmp_path)
    message = assert_refused(make(folder, "venv", f"PYTHON={python}"), python, OLDEST)
    assert re.search(rf" is CPython {re.escape(version)}\.\d+, ", message), message
    assert not (folder / ".venv").exists()


def test_a_python_newer_than_tested_is_allowed_with_a_warning(tmp_path):
    mine = sys.version_info[:2]
    older = (mine[0], mine[1] - 1)
    folder = make_folder(tmp_path, oldest=older, newest=older)
    result = make(folder, "-n", "venv", f"PYTHON={sys.executable}")  # -n: say, make nothing
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert len(warnings) == 1 and f"newer than {dotted(older)}" in warnings[0], warnings
    assert "-m venv .venv" in result.stdout
    assert not (folder / ".venv").exists()


def test_without_python_make_takes_python3_or_else_a_supported_python3_x(tmp_path):
    mine = sys.version_info[:2]
    (tmp_path / "repo").mkdir()
    folder = make_folder(tmp_path / "repo", oldest=mine, newest=mine)
    tools = tmp_path / "bin"  # a PATH with no Python but these: what make itself runs
    tools.mkdir()
    for tool in ("sed", "seq", "cut", "tr", "cat", "sha256sum", "rm", "id"):
        (tools / tool).symlink_to(shutil.which(tool))
    python3 = tools / "python3"  # a python3 that is too old
    python3.write_text("#!/bin/sh\necho CPython 3.10.13 old\n")
    python3.chmod(0o755)
    # -n: say what would be done, do nothing, so that no venv is ever made here
    assert_refused(make(folder, "-n", "venv", path=str(tools)), "python3", mine)
    (tools / f"python{dotted(mine)}").symlink_to(sys.executable)
    result = make(folder, "-n", "venv", path=str(tools))
    assert result.returncode == 0, result.stderr
    assert f"python{dotted(mine)} -m venv .venv" in result.stdout
    assert not (folder / ".venv").exists()


# -- make html and make test, with a stand-in for sphinx-build ----------------------------------

FAKE_SPHINX = """#!/bin/sh
# A stand-in for sphinx-build: says a line on stdout and one on stderr, writes the last argument's
# folder, and fails when FAKE_FAIL is set.
for last; do :; done
echo "reading the pages: $FAKE_SAYS"
echo "a warning on stderr" >&2
mkdir -p "$last" && echo "$FAKE_SAYS" > "$last/index.html"
[ -z "$FAKE_FAIL" ]
"""


def book_folder(folder):
    """make_folder with a .venv whose sphinx-build is FAKE_SPHINX; make is run with `-o venv`, so
    that the venv is taken as made."""
    make_folder(folder)
    (folder / ".venv" / "bin").mkdir(parents=True)
    (folder / ".venv" / "bin" / "sphinx-build").write_text(FAKE_SPHINX)
    (folder / ".venv" / "bin" / "sphinx-build").chmod(0o755)
    return folder


def make_html(folder, says, fail=False):
    env = {**os.environ, "FAKE_SAYS": says, "FAKE_FAIL": "1" if fail else ""}
    env = {name: value for name, value in env.items() if name not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL"}}
    return subprocess.run([MAKE, "--no-print-directory", "-o", "venv", "html", f"PYTHON={sys.executable}"],
                          cwd=folder, env=env, capture_output=True, text=True, timeout=60)


def test_make_html_keeps_its_log_beside_its_site_and_a_failure_apart(tmp_path):
    folder = book_folder(tmp_path)
    built = make_html(folder, "the first build")
    assert built.returncode == 0, built.stderr
    site = folder / "_build"
    assert (site / "html" / "index.html").read_text() == "the first build\n"
    log = (site / "html.log").read_text()
    assert "reading the pages: the first build" in log and "a warning on stderr" in log
    assert "reading the pages: the first build" in built.stdout  # shown as it runs, too
    assert sorted(p.name for p in site.iterdir()) == ["html", "html.log"]

    failed = make_html(folder, "a broken build", fail=True)
    assert failed.returncode != 0
    assert "_build/html is unchanged" in failed.stderr
    assert (site / "html" / "index.html").read_text() == "the first build\n"  # the last good site
    assert "the first build" in (site / "html.log").read_text()  # and its own log
    assert (site / "html-failed" / "index.html").read_text() == "a broken build\n"
    assert "reading the pages: a broken build" in (site / "html-failed.log").read_text()

    again = make_html(folder, "the second build")
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in site.iterdir()) == ["html", "html.log"]
    assert "the second build" in (site / "html.log").read_text()


def test_make_test_builds_the_site_it_tests_unless_given_one(tmp_path):
    folder = make_folder(tmp_path)
    # -n: say, run nothing; -o: take the venv and the browser tools as there
    plan = make(folder, "-n", "-o", "venv", "-o", "site-tools", "test", f"PYTHON={sys.executable}")
    assert plan.returncode == 0, plan.stderr
    said = plan.stdout.splitlines()
    build = next(i for i, line in enumerate(said) if "sphinx-build" in line and " docs _build/html.new" in line)
    (tests,) = [i for i, line in enumerate(said) if "-m pytest" in line]
    assert build < tests and said[tests].endswith(" tests --built-site _build/html")
    given = make(folder, "-n", "-o", "venv", "-o", "site-tools", "test", "SITE=elsewhere/html",
                 f"PYTHON={sys.executable}")
    assert given.returncode == 0, given.stderr
    assert "sphinx-build" not in given.stdout
    assert given.stdout.splitlines()[-1].endswith(" tests --built-site elsewhere/html")


def test_the_command_make_test_runs_is_one_pytest_accepts():
    # pytest reads tests/conftest.py's options (--built-site) only when told the tests' folder.
    plan = make(ROOT, "-n", "-o", "venv", "-o", "site-tools", "test", "SITE=_build/html")
    assert plan.returncode == 0, plan.stderr
    words = shlex.split(plan.stdout.splitlines()[-1])
    assert words[1:3] == ["-m", "pytest"], words
    collected = subprocess.run([sys.executable, *words[1:], "--collect-only", "-q"], cwd=ROOT,
                               capture_output=True, text=True, timeout=300)
    assert collected.returncode == 0, collected.stdout[-2000:] + collected.stderr[-2000:]
