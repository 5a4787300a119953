"""The built book's instructor kit: the schedule's minutes on the pages, the guide's table with
each section's estimate and slowest command, the published profiles, the cheat sheet, every script on the setup
page, and no page that names the build's scratch folder."""
import pstats
import re
import tempfile

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS
from line_profiler import load_stats

from executable_lesson.build.cheat_sheet import load
from executable_lesson.build.schedule import checked
from executable_lesson.support.scratch_paths import SCRATCH_PREFIX
from finding_bottlenecks.settings import PROFILES, lesson_files

SCHEDULE = checked(DOCS / "schedule.toml", DOCS)
# The profiles the episode links, for a learner whose laptop is too slow to make them.
LINKED = ["sum_nexts_original.cprofile", "sum_nexts_original.py.lprof"]


def soup(book, page):
    return BeautifulSoup(book.page(page), "html.parser")


def text(element):
    return " ".join(element.get_text().split())


def test_no_page_names_the_scratch_folder_or_a_temporary_path(book):
    scratch = re.compile(re.escape(tempfile.gettempdir()) + "/" + re.escape(SCRATCH_PREFIX) + "|/tmp/")
    named = {path.name: scratch.search(path.read_text(encoding="utf-8"))[0]
             for path in book.html.glob("*.html") if scratch.search(path.read_text(encoding="utf-8"))}
    assert named == {}


def test_the_pages_give_the_schedules_minutes(book):
    index = text(soup(book, "index"))
    assert f"In {SCHEDULE.total_minutes} minutes you will learn" in index
    overview = text(soup(book, SCHEDULE.page).select_one("div.admonition.overview"))
    assert (f"Teaching: {SCHEDULE.teaching_minutes} minutes. Exercises: {SCHEDULE.exercise_minutes}"
            " minutes.") in overview


def test_the_guide_has_each_sections_minutes_estimate_and_slowest_command_and_the_break(book):
    guide = soup(book, "instructor-guide")
    rows = [[text(td) for td in tr.select("td")]
            for tr in guide.select("table.instructor-schedule tbody tr")]
    pause = f"Break: {SCHEDULE.break_minutes} minutes"
    headings = [s.heading.replace("`", "") for s in SCHEDULE.sections]
    after = headings.index(SCHEDULE.break_after.replace("`", "")) + 1
    assert [row[0] for row in rows] == headings[:after] + [pause] + headings[after:] + ["Total"]
    sections = [row for row in rows if row[0] not in (pause, "Total")]
    assert [[row[1], row[3]] for row in sections] == [[str(s.teaching), str(s.exercises)]
                                                      for s in SCHEDULE.sections]
    # every section has an estimate, and none above its minutes (the build fails otherwise)
    assert all(0 < float(row[2]) <= float(row[1]) for row in sections), sections
    assert [rows[-1][1], rows[-1][3]] == [str(SCHEDULE.teaching_minutes), str(SCHEDULE.exercise_minutes)]
    assert float(rows[-1][2]) == pytest.approx(sum(float(row[2]) for row in sections), abs=0.1 * len(sections))
    timed = {row[0]: (row[4], float(row[5])) for row in sections if row[5]}
    kernprof, seconds = timed["Profile line by line with kernprof"]
    assert kernprof.startswith("kernprof -l -v sum_nexts_original.py") and seconds > 0
    # the comparison is shown from the page in class: its command is said apart, with its seconds
    (compare,) = [row for row in sections if row[0] == "Compare the versions"]
    assert re.search(r"Shown from the page, not run: python measure_variants\.py .*\([\d.]+ s\)", compare[4])
    # each section links to its place on the episode
    episode = soup(book, SCHEDULE.page)
    assert len(guide.select("table.instructor-schedule a")) == len(SCHEDULE.sections)
    for link in guide.select("table.instructor-schedule a"):
        page, anchor = link["href"].split("#")
        assert page == f"{SCHEDULE.page}.html" and episode.find(id=anchor) is not None


@pytest.mark.parametrize("name", LINKED)
def test_the_episodes_profiles_are_published_and_listed(book, name):
    assert (book.html / PROFILES / name).is_file()
    links = [a["href"] for a in soup(book, "instructor-guide").select("table.published-profiles a[download]")]
    assert f"{PROFILES}/{name}" in links


def test_every_published_profile_loads(book):
    profiles = sorted((book.html / PROFILES).iterdir())
    assert profiles
    for path in profiles:
        if path.suffix == ".cprofile":
            assert pstats.Stats(str(path)).total_calls > 0, path.name
        else:
            assert load_stats(path).timings, path.name
        assert SCRATCH_PREFIX.encode() not in path.read_bytes(), path.name  # opens in a lesson folder


def test_the_cheat_sheet_lists_a_command_per_tool_each_from_a_page(book):
    sheet = soup(book, "cheat-sheet")
    tools = [p.get_text() for p in sheet.select("p.rubric")]
    assert {"time", "cProfile and pstats", "line_profiler", "IPython and Jupyter magics"} <= set(tools)
    commands = [text(row.select("td")[0].select_one("code")) for row in sheet.select("tbody tr")]
    described = {entry.description for entry in load(DOCS / "commands.toml")}
    said = [" ".join(row.select("td")[1].get_text().split()) for row in sheet.select("tbody tr")]
    assert set(said) <= {d.replace("`", "") for d in described}
    shown = " ".join(text(soup(book, page)) for page in ("setup", SCHEDULE.page, "going-further",
                                                         "python-versions", "instructor-guide"))
    assert [c for c in commands if c not in shown] == []  # each as a page shows it


def test_the_setup_page_offers_every_script_of_the_lesson_code(book):
    links = {a.get_text() for a in soup(book, "setup").select("a.download")}
    # the copy it was built from
    assert links == {path.name for path in lesson_files(book.folder / "lesson_code")}
