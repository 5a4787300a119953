"""The setup page's list of scripts, grouped from lesson_code/ itself
(executable_lesson/build/lesson_scripts.py)."""
import re

import pytest
from conftest import DOCS

from executable_lesson.build.lesson_scripts import grouped, parse_groups
from finding_bottlenecks.settings import lesson_files

GROUPS = [("versions", ["sum_nexts_*.py"]), ("tools", ["check_*.py", "requirements.txt"])]


def test_files_are_grouped_in_the_pages_order():
    names = ["check_setup.py", "requirements.txt", "sum_nexts_a.py"]
    assert grouped(GROUPS, names) == [("versions", ["sum_nexts_a.py"]),
                                      ("tools", ["check_setup.py", "requirements.txt"])]


def test_a_script_no_group_takes_fails():
    with pytest.raises(ValueError, match="the lesson file new_tool.py fits no group"):
        grouped(GROUPS, ["sum_nexts_a.py", "check_setup.py", "new_tool.py"])


def test_a_script_two_groups_take_fails():
    with pytest.raises(ValueError, match="fits 2 groups"):
        grouped(GROUPS + [("all", ["*.py"])], ["sum_nexts_a.py", "check_setup.py"])


def test_a_group_with_no_script_fails():
    with pytest.raises(ValueError, match="'tools' takes no lesson file"):
        grouped(GROUPS, ["sum_nexts_a.py"])


def test_a_line_without_patterns_is_refused():
    with pytest.raises(ValueError, match="is not"):
        parse_groups(["the versions"])


def test_the_setup_pages_groups_take_every_file_of_the_lesson_code():
    text = (DOCS / "setup.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"^```\{lesson-scripts\}\n(.*?)^```", text, re.MULTILINE | re.DOTALL)
    # The lesson's own files (lesson_files() leaves out what a learner's runs leave beside them)
    files = [path.name for path in lesson_files()]
    assert {"check_setup.py", "requirements.txt"} <= set(files)
    groups = grouped(parse_groups(block.splitlines()), files)
    assert sum(len(names) for _, names in groups) == len(files)
    assert "{download}" not in text  # no list kept by hand beside it
