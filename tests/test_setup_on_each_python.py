"""The setup page works on every supported Python, and check_setup.py turns away an older one.

The supported range is OLDEST and NEWEST in lesson_code/check_setup.py, read through
finding_bottlenecks.pythons; the commands are read from docs/setup.md, so each Python runs what the page
shows, as a learner would type it, in a fresh copy of lesson_code/.
"""
import os
import platform
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from finding_bottlenecks.pythons import find_pythons, supported_range, supported_versions
from finding_bottlenecks.settings import LESSON_CODE, ROOT, lesson_files
from tests.support.old_pythons import dotted, fake_python, old_python, old_versions

SETUP_PAGE = ROOT / "docs" / "setup.md"
CONSOLE_BLOCK = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
CELL_RUN = re.compile(r'lesson\.run\("([^"]+)"\)')


def page_commands():
    """The commands docs/setup.md shows, in page order: the `$ ` lines of its console blocks and
    the commands its cells run (the check, whose output the page shows)."""
    text = SETUP_PAGE.read_text(encoding="utf-8")
    found = [(block.start(), line[2:]) for block in CONSOLE_BLOCK.finditer(text)
             for line in block.group(1).splitlines() if line.startswith("$ ")]
    found += [(run.start(), run.group(1)) for run in CELL_RUN.finditer(text)]
    return [command for _, command in sorted(found, key=lambda place: place[0])]


def learner_copy(folder, rewrite=None):
    """A fresh copy of what a learner downloads: the scripts, requirements.txt, descriptions."""
    folder.mkdir()
    for path in lesson_files(LESSON_CODE):
        text = path.read_text(encoding="utf-8")
        if rewrite and path.name == "check_setup.py":
            for name, version in rewrite.items():
                text, count = re.subn(rf"^{name} = .*$", f"{name} = {version!r}", text,
                                      flags=re.MULTILINE)
                assert count == 1, name
        (folder / path.name).write_text(text, encoding="utf-8")
    return folder


def learner_env(first_on_path=None):
    """The environment of a learner's terminal: no other venv, and no kernprof but the venv's."""
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "LINE_PROFILE"}}
    path = [d for d in env.get("PATH", "").split(os.pathsep)
            if d and not os.path.exists(os.path.join(d, "kernprof"))]
    env["PATH"] = os.pathsep.join(([str(first_on_path)] if first_on_path else []) + path)
    return env


def bash(command, cwd, env):
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, text=True, timeout=900,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def python_version(python):
    """X.Y.Z of any Python, 2.7 included."""
    answer = subprocess.run([python, "-c", "import platform; print(platform.python_version())"],
                            capture_output=True, text=True, timeout=60)
    return answer.stdout.strip()


def test_the_page_shows_the_setup_commands():
    commands = page_commands()
    for shown in ["python --version", "python -m venv venv", "source venv/bin/activate",
                  "python -m pip install -r requirements.txt", "python check_setup.py"]:
        assert shown in commands
    assert commands[-1] == "python check_setup.py"


def follow_the_setup_page(python, folder):
    """Run what docs/setup.md shows with this Python, in `folder`, as a learner would type it:
    [(command, exit status, output)] up to the first that fails."""
    # `python` is this interpreter, as it is for a learner who has only this one.
    bin_dir = folder / "bin"
    bin_dir.mkdir()
    (bin_dir / "python").write_text(f'#!/bin/sh\nexec "{python.path}" "$@"\n')
    (bin_dir / "python").chmod(0o755)
    code = learner_copy(folder / "lesson-code")
    env = learner_env(first_on_path=bin_dir)
    env["JUPYTER_DATA_DIR"] = str(folder / "jupyter")  # where the kernel's registration goes
    ran, activate = [], []
    for command in page_commands():
        result = bash(" && ".join(activate + [command]), code, env)
        ran.append((command, result.returncode, result.stdout))
        if result.returncode:
            break
        if command.startswith("source "):
            activate.append(command)
    made = {"kernprof": (code / "venv" / "bin" / "kernprof").exists(),
            "kernel": (folder / "jupyter" / "kernels" / "finding-bottlenecks" / "kernel.json").exists()}
    return ran, made


@pytest.fixture(scope="module")
def setups():
    """{minor: (its Python, *follow_the_setup_page())} for each supported Python this machine has, side by
    side: each makes a venv and installs numpy (from pip's cache after once)."""
    found = {python.minor: python for python in find_pythons()}

    def follow(minor):
        with tempfile.TemporaryDirectory(prefix=f"setup-{minor}-") as folder:
            return found[minor], *follow_the_setup_page(found[minor], Path(folder))
    minors = [minor for minor in supported_versions() if minor in found]
    with ThreadPoolExecutor(max_workers=len(minors) or 1) as pool:
        return dict(zip(minors, pool.map(follow, minors)))


@pytest.mark.parametrize("minor", supported_versions())
def test_the_setup_page_works_on_each_python(minor, setups):
    if minor not in setups:
        pytest.skip(f"no Python {minor} on this machine")
    python, ran, made = setups[minor]
    for command, status, output in ran:
        assert status == 0, f"{python.path}: $ {command}\n{output[-3000:]}"
    assert command == "python check_setup.py"
    lines = output.splitlines()
    assert re.fullmatch(rf"Python +{re.escape(python.version)} \(CPython\)", lines[0]), lines
    assert lines[-1] == "Your setup is ready.", lines
    assert not [line for line in lines if line.startswith(("problem:", "warning:"))], lines
    assert made == {"kernprof": True, "kernel": True}


def run_check(python, folder, env=None):
    return subprocess.run([python, "check_setup.py"], cwd=folder, env=env or learner_env(),
                          capture_output=True, text=True, timeout=120)


def assert_turned_away(result, version, oldest, newest):
    """One line on stdout, starting `problem:`, that names the supported range and the learner's
    Python and says to install another; nothing on stderr (no traceback); exit status 1."""
    assert result.stderr == ""
    assert result.returncode == 1, result.stdout
    (line,) = result.stdout.splitlines()
    assert line.startswith("problem: "), line
    assert f"Python {dotted(oldest)} to {dotted(newest)} " in line, line
    assert f" {version}:" in line, line
    assert "install" in line and "python.org/downloads" in line, line


# Older than the oldest supported, down to 2.7: one line of advice. The stand-ins (this
# interpreter, claiming an old version) run anywhere; real old Pythons, which also show that
# check_setup.py parses on them, where pyenv has them and in CI from uv (tests/support/old_pythons.py).
OLDEST = supported_range()[0]
STAND_INS = [(2, 7, 18), (3, 6, 15), (OLDEST[0], OLDEST[1] - 1, 14)]


@pytest.mark.parametrize("version", STAND_INS, ids=dotted)
def test_a_too_old_python_gets_one_line_of_advice(version, tmp_path):
    python = str(fake_python(tmp_path / "bin", version))
    assert_turned_away(run_check(python, learner_copy(tmp_path / "lesson-code")), dotted(version),
                       *supported_range())


@pytest.mark.parametrize("version", old_versions(OLDEST))
def test_a_real_too_old_python_gets_one_line_of_advice(version, tmp_path):
    python = old_python(version, OLDEST)
    found = python_version(python)
    assert found.startswith(f"{version}."), (python, found)
    assert_turned_away(run_check(python, learner_copy(tmp_path / "lesson-code")), found,
                       *supported_range())


def test_a_python_older_than_oldest_is_turned_away(tmp_path):
    # Any machine can run this one: the range is moved past the Python that runs the tests.
    major, minor = sys.version_info[:2]
    oldest, newest = (major, minor + 1), (major, minor + 2)
    folder = learner_copy(tmp_path / "lesson-code", {"OLDEST": oldest, "NEWEST": newest})
    assert_turned_away(run_check(sys.executable, folder), platform.python_version(), oldest, newest)


def test_a_python_newer_than_newest_is_warned_but_not_stopped(tmp_path):
    major, minor = sys.version_info[:2]
    oldest, newest = (major, minor - 2), (major, minor - 1)
    folder = learner_copy(tmp_path / "lesson-code", {"OLDEST": oldest, "NEWEST": newest})
    # The environment that runs the tests has the lesson's packages and kernprof.
    result = run_check(sys.executable, folder, learner_env(Path(sys.executable).parent))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    warnings = [line for line in lines if line.startswith("warning:")]
    assert warnings == [lines[1]], lines  # one line, right below the Python line
    assert f"not yet on {platform.python_version()}:" in warnings[0]
    assert warnings[0].endswith(f"use Python {dotted(newest)}")
    assert lines[-1] == "Your setup is ready."
