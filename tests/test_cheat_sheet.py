"""The cheat sheet's descriptions (docs/commands.toml) against the commands the build shows and
runs (executable_lesson/build/cheat_sheet.py)."""
import re

import pytest
from conftest import DOCS
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

from executable_lesson.build import cheat_sheet as cs


def entries(*patterns):
    return [cs.Entry("tool", re.compile(p), f"what {p} does") for p in patterns]


def test_each_command_goes_to_the_first_entry_that_matches():
    found = entries("^python -m cProfile -o ", "^python -m cProfile ")
    shown = [cs.Shown("python -m cProfile -o x.cprofile x.py", "p"),
             cs.Shown("python -m cProfile x.py", "p")]
    assert cs.describe(found, shown, ran=["python -m cProfile x.py"]) == []
    assert [s.command for s in found[0].shown] == ["python -m cProfile -o x.cprofile x.py"]
    assert found[1].ran == ["python -m cProfile x.py"]


def test_a_command_no_entry_describes_is_named():
    (problem,) = cs.describe(entries("^time "), [cs.Shown("time x", "setup")], ran=["kernprof -l x.py"])
    assert "the build ran `kernprof -l x.py`" in problem and "add one" in problem
    problems = cs.describe(entries("^time "), [cs.Shown("pyinstrument x", "going-further")], [])
    assert problems[0].startswith("going-further shows `pyinstrument x`")


def test_an_entry_no_command_matches_is_named():
    (problem,) = cs.describe(entries("^time ", "^py-spy "), [cs.Shown("time x", "p")], [])
    assert "'^py-spy '" in problem and "remove it" in problem


def test_the_sheet_shows_one_command_per_entry_the_pages_show():
    found = entries("^time ", "^python -m profiling", "^/\\S*python[\\d.]* -m venv venv-")
    cs.describe(found, [cs.Shown("time a 1", "p"), cs.Shown("time a 2", "p"),
                        cs.Shown("python -m profiling.tracing a", "p", "python-3-15")],
                ran=["time a 2", "/x/python3.12 -m venv venv-3.12"])
    sheet = nodes.container("", *cs.sheet_nodes(found, [{"command": "time a 2", "returncode": 0}])).astext()
    assert "time a 1" in sheet and "time a 2" not in sheet  # the first the pages show
    assert "needs Python 3.15 or newer: shown, not run, here" in sheet
    assert "venv-3.12" not in sheet  # the build's own command, which no page shows


def test_a_sheet_given_a_tool_shows_that_tools_table_alone(caplog):
    found = [cs.Entry("time", re.compile("^time "), "time a command"),
             cs.Entry("Python's profiler", re.compile("^python -m profiling"), "sample a program")]
    cs.describe(found, [cs.Shown("time a 1", "p"), cs.Shown("python -m profiling.sampling a", "p")], [])
    whole = nodes.container("", *cs.sheet_nodes(found)).astext()
    assert "time a 1" in whole and "Python's profiler" in whole
    one = nodes.container("", *cs.sheet_nodes(found, tool="Python's profiler")).astext()
    assert "python -m profiling.sampling a" in one and "time a 1" not in one
    assert "Python's profiler" not in one  # the page that asks for one tool heads it itself
    assert cs.sheet_nodes(found, tool="gprof", where="guide") == []
    assert "no command the lesson shows is under the tool 'gprof'" in caplog.text


def test_console_lines_and_visible_magics_are_what_a_page_shows():
    document = new_document("page", get_default_settings(Parser))
    console = nodes.literal_block("", "$ time python a.py 1\nreal 1.0\n$ kernprof -l a.py\n",
                                  language="console", classes=["needs-python-3-15"])
    cell = nodes.container("", nodes.literal_block("", "x = 1\n%timeit f(x)\n", language="ipython3"),
                           classes=["cell_input"])
    listing = nodes.literal_block("", "%not a magic of a cell\n", language="python")
    document += [console, cell, listing]

    class Tags:
        def eval_condition(self, expr):
            return True

    assert cs.shown_in(document, "page", Tags()) == [
        cs.Shown("time python a.py 1", "page", "python-3-15"),
        cs.Shown("kernprof -l a.py", "page", "python-3-15"), cs.Shown("%timeit f(x)", "page")]


def test_the_lessons_descriptions_load():
    found = cs.load(DOCS / "commands.toml")
    assert len(found) > 20 and all(e.description.strip() for e in found)


def test_a_malformed_entry_is_refused(tmp_path):
    path = tmp_path / "commands.toml"
    path.write_text('[[command]]\ntool = "time"\npattern = "^time ("\ndescription = "x"\n')
    with pytest.raises(cs.CommandsError, match="pattern"):
        cs.load(path)
    path.write_text('[[command]]\ntool = "time"\npattern = "^time "\n')
    with pytest.raises(cs.CommandsError, match="keys"):
        cs.load(path)


def test_the_example_is_the_first_command_shown_that_did_not_fail_on_purpose():
    found = entries("^python a\\.py ")
    cs.describe(found, [cs.Shown("python a.py ten", "p"), cs.Shown("python a.py 5", "p")],
                ran=["python a.py ten", "python a.py 5"])
    events = [{"command": "python a.py ten", "returncode": 1}, {"command": "python a.py 5", "returncode": 0}]
    sheet = nodes.container("", *cs.sheet_nodes(found, events)).astext()
    assert "python a.py 5" in sheet and "ten" not in sheet
    # a setup command a page shows without running it comes before a run of it by another page
    found = entries("-m pip install -r requirements\\.txt$")
    cs.describe(found, [cs.Shown("python -m pip install -r requirements.txt", "setup"),
                        cs.Shown("venv-3.12/bin/python -m pip install -r requirements.txt", "other")],
                ran=["venv-3.12/bin/python -m pip install -r requirements.txt"])
    events = [{"command": "venv-3.12/bin/python -m pip install -r requirements.txt", "returncode": 0}]
    sheet = nodes.container("", *cs.sheet_nodes(found, events)).astext()
    assert "python -m pip install" in sheet and "venv-3.12" not in sheet
