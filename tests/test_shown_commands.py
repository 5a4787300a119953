"""Every command shown on the pages works as a learner would type it.

The test unpacks the lesson-code archive that the site offers, sets it up as the setup page says,
and runs every `$ ` command of every page in a fresh copy of that folder, one block at a time.
"""
import shutil
import subprocess
import sys
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest
from bs4 import BeautifulSoup


def runnable_here(classes):
    """A block marked needs-python-3-X runs only on Python 3.X or newer; one marked
    needs-other-pythons (the comparison of Pythons) ran in the build and is not run again."""
    for name in classes:
        if name == "needs-other-pythons":
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


def bash(script, cwd):
    return subprocess.run(["bash", "-c", script], cwd=cwd, text=True, timeout=900,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


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
    assert len(shown_blocks(book.html, every=True)) - len(blocks) <= 4  # few are left to the build
    trap = sys.version_info < (3, 15)  # Python 3.15's cProfile no longer imports `profile`
    assert sum(failure for _, failure in blocks) == 1 + trap  # bad input, the profile.py trap


def test_every_shown_command_works(book, learner_folder, tmp_path):
    blocks = [b for b in shown_blocks(book.html) if "python -m venv venv" not in b[0]]
    activate = f"source {learner_folder}/venv/bin/activate"

    def run_block(index):
        commands, expect_failure = blocks[index]
        copy = tmp_path / f"block{index}"
        shutil.copytree(learner_folder, copy, ignore=shutil.ignore_patterns("venv"))
        outcomes = [bash(f"{activate} && {command}", copy).returncode for command in commands]
        return commands, expect_failure, outcomes

    with ThreadPoolExecutor(max_workers=2) as pool:  # correctness only: no timing is read here
        results = list(pool.map(run_block, range(len(blocks))))
    failures = []
    for commands, expect_failure, outcomes in results:
        wanted = [0] * len(commands)
        if expect_failure:
            ok = all(code == 0 for code in outcomes[:-1]) and outcomes[-1] != 0
        else:
            ok = outcomes == wanted
        if not ok:
            failures.append((commands, outcomes))
    assert not failures
