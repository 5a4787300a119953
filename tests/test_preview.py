"""`make preview` (what `make serve` runs on each change) re-runs exactly the pages whose inputs
changed, and never shows outputs from other inputs."""
import json
import os
import re
import subprocess
import textwrap

import pytest
from conftest import copy_repository

from executable_lesson.build.preview import WIRING, Inputs
from finding_bottlenecks.settings import CODE_PACKAGES, LESSON_CODE, ROOT

KEYS = Inputs(ROOT, LESSON_CODE, CODE_PACKAGES, ("LESSON_N",))  # as conf.py sets them
page_key, dependencies = KEYS.page_key, KEYS.dependencies

TOP = "---\nfile_format: mystnb\nkernelspec:\n  name: python3\n  display_name: Python 3\n---\n\n"
PAGES = {
    "index.md": "# Preview test\n\nOnly prose here.\n\n```{toctree}\nsetup_check\nwords\n```\n",
    "setup_check.md": TOP + textwrap.dedent("""\
        # Check the setup

        Prose of the setup page.

        ```{code-cell} ipython3
        from finding_bottlenecks.cells import Scratch, publish
        run = Scratch().run("python check_setup.py")
        publish({"output": run.output}, "setup-check.json")
        run
        ```
        """),
    "words.md": TOP + textwrap.dedent("""\
        # Count words

        ```{code-cell} ipython3
        from finding_bottlenecks.cells import Scratch
        Scratch().run("python exercise_word_counts.py 300")
        ```
        """),
}


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    folder = copy_repository(tmp_path_factory.mktemp("preview") / "repo")
    for page in (folder / "docs").glob("*.md"):
        page.unlink()
    for name, text in PAGES.items():
        (folder / "docs" / name).write_text(text)
    # The episode's schedule names its page; this small book schedules a page without sections.
    (folder / "docs" / "schedule.toml").write_text('page = "words"\nslot_minutes = 120\n')
    return folder


def preview(repo, **env):
    """Build once as `make serve` does; return the pages that ran, and the pages taken from cache."""
    result = subprocess.run(["make", "--no-print-directory", "preview"], cwd=repo, text=True,
                            env=dict(os.environ, **env),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "Executing notebook failed" not in result.stdout, result.stdout[-3000:]
    ran = set(re.findall(r"docs/(\w+)\.md: Executing notebook", result.stdout))
    cached = set(re.findall(r"docs/(\w+)\.md: Using cached notebook", result.stdout))
    return ran, cached


def edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def published(repo):
    return json.loads((repo / "_build/preview/html/setup-check.json").read_text())["output"]


def test_each_change_reruns_exactly_the_pages_it_affects(repo):
    docs, code = repo / "docs", repo / "lesson_code"
    assert preview(repo) == ({"setup_check", "words"}, set())  # a cold start runs every page
    first = published(repo)
    assert "Your setup is ready." in first

    assert preview(repo) == (set(), set())  # nothing changed: nothing is even read again

    edit(docs / "setup_check.md", "Prose of the setup page.", "Edited prose.")
    assert preview(repo) == (set(), {"setup_check"})  # prose only: read again, not run
    assert "Edited prose." in (repo / "_build/preview/html/setup_check.html").read_text()
    assert published(repo) == first  # the data published by the cached run is still there

    edit(code / "exercise_word_counts.py", '"""', '"""Edited. ', )
    assert preview(repo) == ({"words"}, set())  # a script only one page runs

    script = code / "check_setup.py"
    before = script.stat().st_mtime
    edit(script, 'print("Your setup is ready."', 'print("Ready, edited."')
    os.utime(script, (before, before))  # edited, yet as old as before: keys, not file times, tell
    # check_setup.py also holds the supported Pythons, which the extension reads for every
    # page's text (finding_bottlenecks/pythons.py names it), so both pages depend on it.
    assert preview(repo) == ({"setup_check", "words"}, set())
    assert "Ready, edited." in published(repo)

    edit(code / "check_setup.py", 'print("Ready, edited."', 'print("Your setup is ready."')
    assert preview(repo) == (set(), {"setup_check", "words"})  # back to known inputs: cached runs
    assert published(repo) == first  # ... with its own data, not the edited run's

    edit(docs / "words.md", "300", "400")
    assert preview(repo) == ({"words"}, set())  # a cell
    # Another n, or an edited helper of the pages at any depth, changes every page's key: the
    # tests of the key below show it without building again.


def test_the_key_covers_the_installed_packages_and_every_cell(monkeypatch):
    page = PAGES["words.md"]
    assert page_key(page, "numpy==2.4.6\n") != page_key(page, "numpy==2.4.7\n")
    assert page_key(page, "x") != page_key(page.replace("300", "301"), "x")
    monkeypatch.setenv("LESSON_N", "500")
    with_500 = page_key(page, "x")
    monkeypatch.setenv("LESSON_N", "501")
    assert page_key(page, "x") != with_500
    with pytest.raises(ValueError, match="three backticks"):
        page_key(page.replace("```{code-cell}", "````{code-cell}"), "x")


def test_the_key_covers_what_pages_run_and_nothing_else():
    # The extension's wiring but not its math or buttons, nor the maintainer tools or the tests:
    # editing the pins script, say, re-runs no page under `make serve`.
    paths = {str(path.relative_to(ROOT)) for path in dependencies(PAGES["words.md"])}
    assert {path.split("/")[0] for path in paths} == {"lesson_code", "executable_lesson",
                                                      "finding_bottlenecks", "conf.py"}
    # every module of those packages, however deep: a file moved into a subfolder stays keyed
    for package in CODE_PACKAGES:
        modules = {str(p.relative_to(ROOT)) for p in (ROOT / package).rglob("*.py")}
        assert modules and modules <= paths, package
    assert "finding_bottlenecks/pages/episode.py" in paths
    assert str(WIRING.relative_to(ROOT)) in paths and "executable_lesson/build/mathml.py" not in paths
