"""The rooms of the code and the direction of their imports. The machinery (executable_lesson/)
knows nothing of this lesson: its kernel side and its Sphinx side use its support, never the
other way round; the lesson (finding_bottlenecks/) uses the machinery; the maintainer's tools use
both. And the machinery names nothing of this lesson: no version, page, profiler or script."""
import ast
import re
import subprocess
import sys

import pytest
from conftest import ROOT

from finding_bottlenecks.settings import CODE_PACKAGES

# A room may import only the rooms listed for it (and the standard library and its packages).
MAY_IMPORT = {
    "executable_lesson.support": set(),
    "executable_lesson.kernel": {"executable_lesson.support"},
    "executable_lesson.build": {"executable_lesson.support"},
    "finding_bottlenecks": {"executable_lesson.support", "executable_lesson.kernel",
                            "executable_lesson.build"},
    "maintainer": {"executable_lesson.support", "executable_lesson.kernel", "finding_bottlenecks"},
}
OURS = set(MAY_IMPORT)


def room_of(module):
    """The room a dotted module name lies in, or None if it is not ours."""
    for room in sorted(OURS, key=len, reverse=True):
        if module == room or module.startswith(room + "."):
            return room
    return None


def imported_rooms(path):
    """The rooms of ours that a module imports (absolute imports only)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {room_of(alias.name) for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found |= {room_of(f"{node.module}.{alias.name}") for alias in node.names}
    return found - {None}


def files_of(room):
    folder = ROOT.joinpath(*room.split("."))
    return sorted(folder.rglob("*.py"))


@pytest.mark.parametrize("room", sorted(MAY_IMPORT))
def test_each_room_imports_only_the_rooms_below_it(room):
    wrong = {str(path.relative_to(ROOT)): sorted(imported_rooms(path) - MAY_IMPORT[room] - {room})
             for path in files_of(room)}
    assert not {path: rooms for path, rooms in wrong.items() if rooms}


def test_the_top_level_is_the_lesson_and_its_machinery():
    folders = sorted(p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))
                     and p.name not in {"node_modules"})
    assert folders == ["docs", "executable_lesson", "finding_bottlenecks", "lesson_code", "maintainer",
                       "tests"]


# What is this lesson's, and so never in the machinery: its function and versions, its pages, its
# tools and profilers, its folder and settings.
# (The build report, the schedule, the instructor guide and the cheat sheet are the machinery's
# own vocabulary; the lesson's pages are named by what they hold.)
LESSON_WORDS = re.compile(
    r"sum_nexts|finding.bottlenecks|going.further|python.versions|kernprof|cprofile|line.profiler"
    r"|py.spy|pyinstrument|tachyon|profiling\.sampling|pstats|numpy|lesson_code|measure_variants"
    r"|\.lprof|%l?prun|LESSON_N\b|LESSON_PYTHONS|PY_SPY|LINE_PROFILE", re.IGNORECASE)


@pytest.mark.parametrize("path", files_of("executable_lesson"), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_machinery_names_nothing_of_this_lesson(path):
    found = [f"{number}: {line.strip()}" for number, line in
             enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if LESSON_WORDS.search(line)]
    assert not found


def test_the_lesson_words_are_found_where_they_are():
    assert LESSON_WORDS.search("kernprof -l -v sum_nexts_original.py")
    assert LESSON_WORDS.search("the going-further page") and LESSON_WORDS.search("py-spy record")
    assert not LESSON_WORDS.search("a learner's scratch copy of the lesson's files")


def test_every_code_package_is_a_room_with_rules():
    assert {room_of(package.replace("/", ".")) for package in CODE_PACKAGES} <= OURS


# What the book's environment has and `make pins` must not need.
BOOK_PACKAGES = ["sphinx", "myst_nb", "IPython", "matplotlib", "docutils", "line_profiler", "numpy"]


@pytest.mark.parametrize("module", ["maintainer.refresh_pins", "finding_bottlenecks.pythons",
                                    "executable_lesson.support.pins", "finding_bottlenecks.settings"])
def test_the_pins_and_the_infrastructure_import_without_the_books_packages(module):
    # A finder that refuses the book's packages, installed before anything is imported.
    refuse = (f"import sys\nclass Refuse:\n    def find_spec(self, name, path=None, target=None):\n"
              f"        if name.split('.')[0] in {BOOK_PACKAGES!r}:\n"
              f"            raise ImportError('not in a pins environment: ' + name)\n"
              f"sys.meta_path.insert(0, Refuse())\nimport {module}\n")
    result = subprocess.run([sys.executable, "-c", refuse], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
