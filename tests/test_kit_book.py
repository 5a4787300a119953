"""A small book (tests/support/kit_book/) built with the instructor's kit: each command the build
ran, magics included, is timed and placed in its section; the guide, the cheat sheet and the
published profiles follow; no page names the scratch folder. Seconds, not minutes."""
import json
import os
import pstats
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from line_profiler import load_stats

from executable_lesson.build.page_sections import cell_sections
from executable_lesson.kernel.commands import SCRATCH_PREFIX

KIT = Path(__file__).resolve().parent / "support" / "kit_book"
pytestmark = pytest.mark.slow  # a kernel per build


def build(source, folder):
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-E", "-q", str(source),
         str(folder / "html"), "-d", str(folder / "doctrees")],
        env={**_environment(), "KIT_ROOT": str(KIT.parents[2])},
        text=True, timeout=600, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _environment():
    # none of a surrounding build's variables (the tests may run inside one)
    return {name: value for name, value in os.environ.items() if not name.startswith("LESSON_")}


@pytest.fixture(scope="module")
def kit(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kit")
    result = build(KIT, folder)
    assert result.returncode == 0, result.stdout[-3000:]
    return folder


def html(kit, page):
    return BeautifulSoup((kit / "html" / f"{page}.html").read_text(encoding="utf-8"), "html.parser")


def ended(kit):
    lines = (kit / "lesson-progress.jsonl").read_text(encoding="utf-8").splitlines()
    return [event for event in map(json.loads, lines) if event["event"] == "end"]


def test_every_command_and_magic_is_timed_in_the_cell_that_ran_it(kit):
    notebook = json.loads((kit / "jupyter_execute" / "episode.ipynb").read_text())
    sections = cell_sections(notebook)
    placed = {event["command"]: sections[event["cell"]] for event in ended(kit)}
    assert placed == {
        "python sum_nexts_original.py 20": "First part",  # before the first section
        "python sum_nexts_original.py 300": "First part",
        "python -m cProfile -o sum_nexts_original.cprofile sum_nexts_original.py 30": "Second part with `code`",
        "kernprof -l -v sum_nexts_original.py 30": "Second part with `code`",
        "%timeit -n 2 -r 2 sum_nexts(numbers)": "Third part",
        "%load_ext line_profiler": "Third part",
        "%lprun -f sum_nexts sum_nexts(numbers)": "Third part",
    }
    by_source = {"".join(c["source"]): c.get("execution_count") for c in notebook["cells"]}
    (lprun,) = [e for e in ended(kit) if e["command"].startswith("%lprun")]
    assert lprun["cell"] == by_source["%load_ext line_profiler\n%lprun -f sum_nexts sum_nexts(numbers)"]


def test_the_guide_shows_each_sections_minutes_and_slowest_command(kit):
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")]
            for tr in html(kit, "instructor-guide").select("table.instructor-schedule tbody tr")]
    assert [[row[0], row[1], row[3]] for row in rows] == [
        ["First part", "5", "5"], ["Second part with code", "4", "0"], ["Third part", "6", "2"],
        ["Total", "15", "7"]]
    # each section's estimate from what it holds, at most its minutes (the build fails otherwise)
    assert all(0 < float(row[2]) <= float(row[1]) for row in rows[:-1]), rows
    slowest = {e["command"]: e["seconds"] for e in ended(kit)}
    second = max(["python -m cProfile -o sum_nexts_original.cprofile sum_nexts_original.py 30",
                  "kernprof -l -v sum_nexts_original.py 30"], key=slowest.get)
    assert rows[1][4] == second and rows[1][5] == f"{slowest[second]:.1f}"
    links = [a["href"] for a in html(kit, "instructor-guide").select("table.instructor-schedule a")]
    assert links == ["episode.html#first-part", "episode.html#second-part-with-code",
                     "episode.html#third-part"]


def test_the_profiles_are_published_listed_and_load(kit):
    profiles = kit / "html" / "profiles"
    assert pstats.Stats(str(profiles / "sum_nexts_original.cprofile")).total_calls > 0
    assert load_stats(profiles / "sum_nexts_original.py.lprof").timings
    table = html(kit, "instructor-guide").select_one("table.published-profiles")
    assert [a["href"] for a in table.select("a[download]")] == [
        "profiles/sum_nexts_original.cprofile", "profiles/sum_nexts_original.py.lprof"]
    assert "python -m pstats sum_nexts_original.cprofile" in " ".join(table.get_text(" ").split())


def test_the_cheat_sheet_lists_what_the_pages_show_with_what_it_needs(kit):
    sheet = html(kit, "cheat-sheet")
    tools = [p.get_text() for p in sheet.select("p.rubric")]
    assert tools == ["The scripts", "cProfile and pstats", "line_profiler", "Magics", "A future Python"]
    text = sheet.get_text(" ", strip=True)
    assert "%lprun -f sum_nexts sum_nexts(numbers)" in text
    assert "needs Python 9.0 or newer: shown, not run, here" in text
    assert "kernprof -l -v" not in text  # it ran in a hidden cell: no page shows it


def test_no_page_names_the_scratch_folder(kit):
    pages = {path.name: path.read_text(encoding="utf-8") for path in (kit / "html").glob("*.html")}
    assert "File: sum_nexts_original.py" in pages["episode.html"]  # %lprun's, made relative
    scratch = re.compile(re.escape(tempfile.gettempdir()) + "/" + SCRATCH_PREFIX + "|/tmp/")
    assert [name for name, text in pages.items() if scratch.search(text)] == []


def build_edited(folder, name, old, new):
    """Build a copy of the small book in which one file has `old` replaced by `new`."""
    source = shutil.copytree(KIT, folder / "source")
    edited = source / name
    edited.write_text(edited.read_text().replace(old, new))
    return build(source, folder)


def test_a_stale_schedule_fails_the_build_at_once_naming_the_heading(tmp_path):
    result = build_edited(tmp_path, "schedule.toml", '"Third part"', '"Part three"')
    assert result.returncode != 0
    assert "episode.md: the section '## Third part' is not in" in result.stdout
    assert "schedule.toml: the section 'Part three' is not a `## ` heading of" in result.stdout
    assert "Traceback" not in result.stdout  # a short message, not a crash report
    assert not (tmp_path / "jupyter_execute").exists()  # before any page ran


def test_a_command_the_descriptions_miss_fails_the_build(tmp_path):
    result = build_edited(tmp_path, "commands.toml", "pattern = '^%timeit '", "pattern = '^%time '")
    assert result.returncode != 0
    assert "episode shows `%timeit -n 2 -r 2 sum_nexts(numbers)`, which no entry" in result.stdout
