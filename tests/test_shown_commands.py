"""Every command shown on the pages works as a learner would type it.

The build runs the pages' commands in a learner's environment (a venv made from
lesson_code/requirements.txt, in a copy of the lesson code, with none of the build's variables)
and logs each run; a command that ends otherwise than its cell expects fails the build. For a
block the build ran, this test checks that the log holds it, in that environment, ending as the
page shows: a check that the page and the build's runs are the same, not a second run.
Every other console block (the ones a page shows as text) is run here: the test unpacks the
lesson-code archive that the site offers, sets it up as the setup page says, and runs each block
in a fresh copy of that folder.
"""
import json
import os
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest
from bs4 import BeautifulSoup

from maintainer.refresh_pins import read_pins


def runnable_here(classes):
    """A block marked needs-python-3-X runs only on Python 3.X or newer; one marked
    needs-other-pythons (the comparison of Pythons) ran in the build and is not run again; one
    marked needs-pyinstrument (or another package) names a tool this Python does not install."""
    for name in classes:
        if name == "needs-other-pythons" or (name.startswith("needs-")
                                             and not name.startswith("needs-python-")):
            return False
        if name.startswith("needs-python-"):
            return sys.version_info >= tuple(map(int, name.removeprefix("needs-python-").split("-")))
    return True


def shown_blocks(html, every=False):
    """[(commands, expect_failure)] for every console block of every page that can run here."""
    blocks = []
    for page in sorted(html.glob("*.html")):
        for div in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(
                "div.highlight-console"):
            lines = div.get_text().splitlines()
            commands = [line[2:] for line in lines if line.startswith("$ ")]
            if commands and (every or runnable_here(div.get("class", []))):
                blocks.append((commands, "expect-failure" in div.get("class", [])))
    return blocks


def bash(script, cwd, jupyter=None):
    # jupyter: a scratch folder for what `ipykernel install --user` writes into the user's data
    env = None if jupyter is None else {**os.environ, "JUPYTER_DATA_DIR": str(jupyter)}
    return subprocess.run(["bash", "-c", script], cwd=cwd, text=True, timeout=900, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


@pytest.fixture(scope="module")
def logged(book):
    """The build's command log: {tuple of commands: [entries]}, each with its returncode and
    the environment it ran in."""
    runs = {}
    log = book.folder / "_build" / "lesson-commands.jsonl"
    for line in log.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        runs.setdefault(tuple(entry["commands"]), []).append(entry)
    return runs


@pytest.fixture(scope="module")
def learner_folder(book, tmp_path_factory):
    """The archive from the site, unpacked and set up with the setup page's own commands."""
    base = tmp_path_factory.mktemp("learner")
    with zipfile.ZipFile(book.html / "lesson-code.zip") as archive:
        archive.extractall(base)
    folder = base / "lesson-code"
    shutil.copy2(book.html / "measurements.json", folder)  # "download it next to the scripts"
    (setup,) = [c for c, _ in shown_blocks(book.html) if "python -m venv venv" in c]
    result = bash(" && ".join(setup), folder)
    assert result.returncode == 0, result.stdout[-3000:]
    return folder


def test_the_pages_show_commands_and_the_setup_block(book):
    blocks = shown_blocks(book.html)
    assert len(blocks) > 25
    # few are left to the build: the comparison's, and Python 3.15's own on an older Python
    assert len(shown_blocks(book.html, every=True)) - len(blocks) <= 8
    trap = sys.version_info < (3, 15)  # Python 3.15's cProfile no longer imports `profile`
    assert sum(failure for _, failure in blocks) == 1 + trap  # bad input, the profile.py trap


def test_the_build_ran_its_commands_in_a_learners_environment(book, logged):
    """Only what lesson_code/requirements.txt installs, with the build's Python: a command that
    needed anything else (a package only the build has) would have failed in the build."""
    venv = book.folder / "_build" / "learner-venv"
    assert all(entry["python"] == str(venv / "bin" / "python")
               for entries in logged.values() for entry in entries)
    # pip's own freeze, which leaves out pip itself: the venv's installer, as a learner's has it
    frozen = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "freeze"],
                            capture_output=True, text=True, check=True)
    wanted = read_pins((book.folder / "lesson_code" / "requirements.txt").read_text())
    assert read_pins(frozen.stdout) == wanted


def test_every_shown_command_works(book, logged, learner_folder, tmp_path):
    blocks = [b for b in shown_blocks(book.html) if "python -m venv venv" not in b[0]]
    ran_in_build = [b for b in blocks if tuple(b[0]) in logged]
    to_run = [b for b in blocks if tuple(b[0]) not in logged]
    assert len(ran_in_build) > 20  # most blocks are the build's own runs; the rest are run here
    failures = []
    for commands, expect_failure in ran_in_build:
        if not any((entry["returncode"] != 0) == expect_failure for entry in logged[tuple(commands)]):
            failures.append((commands, [e["returncode"] for e in logged[tuple(commands)]]))

    activate = f"source {learner_folder}/venv/bin/activate"

    def run_block(index):
        commands, expect_failure = to_run[index]
        copy = tmp_path / f"block{index}"
        shutil.copytree(learner_folder, copy, ignore=shutil.ignore_patterns("venv"))
        outcomes = [bash(f"{activate} && {command}", copy, jupyter=copy / "jupyter").returncode
                    for command in commands]
        return commands, expect_failure, outcomes

    with ThreadPoolExecutor(max_workers=2) as pool:  # correctness only: no timing is read here
        results = list(pool.map(run_block, range(len(to_run))))
    for commands, expect_failure, outcomes in results:
        if expect_failure:
            ok = all(code == 0 for code in outcomes[:-1]) and outcomes[-1] != 0
        else:
            ok = outcomes == [0] * len(commands)
        if not ok:
            failures.append((commands, outcomes))
    assert not failures
