"""The exercises' scripts behave as their solutions say, the pages number the exercises and link
each solution to its exercise (sphinx-exercise), and the learner's setup check works."""
import os
import pstats
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, LESSON_CODE, toc_pages

from tests.support.lesson_code_copy import copy_lesson_code

# An exercise or a solution as sphinx-exercise reads it (plain or gated, colon or backtick
# fence), with its argument and its options: `:::{exercise} title` then `:label: ex-name`.
DIRECTIVE = re.compile(r"^(?::{3,}|`{3,})\{(exercise|solution)(?:-start)?\}[ \t]*(.*)\n((?::[\w-]+:.*\n)*)",
                       re.MULTILINE)


def run(*args, cwd=LESSON_CODE, env=None):
    return subprocess.run([sys.executable, *args], cwd=cwd, text=True, capture_output=True,
                          timeout=120, env=env)


def test_the_word_counts_hot_function_is_count_words(tmp_path):
    saved = tmp_path / "words.cprofile"
    result = run("-m", "cProfile", "-o", str(saved), "exercise_word_counts.py", "5000")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 5
    cumulative = {key[2]: value[3] for key, value in pstats.Stats(str(saved)).stats.items()}
    ours = {name: cumulative[name] for name in ("make_text", "split_words", "count_words",
                                                "most_common")}
    assert max(ours, key=ours.get) == "count_words"


@pytest.mark.parametrize("n,days", [("0", 0), ("1", 1), ("1440", 1), ("1441", 2), ("3000", 3)])
def test_the_temperature_log_reports_each_day_and_the_warmest(n, days):
    result = run("exercise_daily_temperatures.py", n)
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and lines[0] == f"days of readings: {days}"
    assert [line.split(":")[0] for line in lines[1:]] == (["warmest", "coldest"] if days else [])


def test_line_profilers_own_decorator_profiles_only_when_asked(tmp_path):
    # In a copy: a learner's profile_output* files in lesson_code/ must not decide this test
    copy = copy_lesson_code(tmp_path / "code")
    quiet = {name: value for name, value in os.environ.items() if name != "LINE_PROFILE"}
    plain = run("profile_word_counts.py", "500", cwd=copy, env=quiet)
    assert plain.returncode == 0 and len(plain.stdout.splitlines()) == 5
    assert not list(copy.glob("profile_output*")), "plain python must not profile"
    asked = run("profile_word_counts.py", "500", cwd=copy, env={**quiet, "LINE_PROFILE": "1"})
    assert asked.returncode == 0 and "count_words" in asked.stdout
    assert (copy / "profile_output.lprof").is_file()


@pytest.mark.parametrize("n", ["0", "1", "7", "3000"])
def test_the_fixed_unique_values_prints_the_same(n):
    slow, fast = run("exercise_unique_values.py", n), run("solution_unique_values.py", n)
    assert slow.returncode == fast.returncode == 0
    assert slow.stdout == fast.stdout and f"out of {n}" in slow.stdout


def test_the_suspects_are_told_apart():
    a = run("check_variant.py", "exercise_suspect_a.py")
    b = run("check_variant.py", "exercise_suspect_b.py", "50")
    assert a.stdout.strip() == "exercise_suspect_a.py, n = 1000: agrees"
    assert b.stdout.strip() == "exercise_suspect_b.py, n = 50: differs from position 0"


def test_the_setup_check_passes_in_the_build_environment():
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
    result = run("check_setup.py", env=env)
    assert result.returncode == 0, result.stdout
    assert result.stdout.rstrip().endswith("Your setup is ready.")


def directives(text):
    """[(kind, argument, {option: value})] of each exercise and solution in a page's source."""
    return [(kind, argument.strip(), dict(re.findall(r"^:([\w-]+):[ \t]*(.*)$", options, re.MULTILINE)))
            for kind, argument, options in DIRECTIVE.findall(text)]


def test_each_exercise_has_a_label_and_its_solution_follows_it_hidden():
    for page in toc_pages():
        text = (DOCS / f"{page}.md").read_text(encoding="utf-8")
        assert not re.search(r"^:class:.*\b(?:exercise|solution)\b", text, re.MULTILINE), (
            f"{page}.md: an exercise or solution written as an admonition; use sphinx-exercise's"
            " directives (CONTRIBUTING.md, Add an exercise)")
        exercise = None
        for kind, argument, options in directives(text):
            if kind == "exercise":
                assert options.get("label"), f"{page}.md: the exercise '{argument}' has no :label:"
                exercise = options["label"]
            else:
                assert argument == exercise, f"{page}.md: the solution to {argument} is not after it"
                assert "dropdown" in options.get("class", "").split(), (
                    f"{page}.md: the solution to {argument} is shown: give it :class: dropdown")


def test_the_directives_are_read_from_a_page():
    text = (":::{exercise} find it\n:label: ex-a\n\nDo it.\n:::\n\n"
            "````{solution-start} ex-a\n:class: dropdown\n````\n")
    assert directives(text) == [("exercise", "find it", {"label": "ex-a"}),
                                ("solution", "ex-a", {"class": "dropdown"})]


def test_the_exercises_are_numbered_in_order_and_each_solution_links_to_its_own(book):
    numbered = {}  # (page, id): "Exercise N", in the order of the table of contents
    written = 0
    for page in toc_pages():
        written += sum(kind == "exercise" for kind, _, _ in
                       directives((DOCS / f"{page}.md").read_text(encoding="utf-8")))
        article = BeautifulSoup(book.page(page), "html.parser").select_one("article")
        for box in article.select("div.admonition.exercise"):
            number = box.select_one("p.admonition-title > span.caption-number")
            numbered[(page, box["id"])] = number.get_text(strip=True)
        for solution in article.select("div.admonition.solution"):
            assert "dropdown" in solution["class"]  # hidden until opened
            exercise = solution.find_previous("div", class_="exercise")
            link = solution.select_one("p.admonition-title > a.reference.internal")
            assert link["href"] == f"#{exercise['id']}"
            assert link.get_text(strip=True).startswith(numbered[(page, exercise["id"])] + " (")
    assert written >= 5
    assert list(numbered.values()) == [f"Exercise {i}" for i in range(1, written + 1)]
    # The prose names them by label ({numref}): each such link shows the number of its target.
    cited = []
    for page in toc_pages():
        article = BeautifulSoup(book.page(page), "html.parser").select_one("article")
        for link in article.select("a.reference.internal[href*='#']"):
            document, anchor = link["href"].split("#", 1)
            target = (document.removesuffix(".html") or page, anchor)
            if target in numbered and not link.find_parent(class_="admonition-title"):
                assert link.get_text(strip=True) == numbered[target], (page, link)
                cited.append((page, target[0]))
    assert ("going-further", "finding-bottlenecks") in cited  # across pages too


def test_the_extension_numbers_only_exercises_and_its_boxes_are_valid(tmp_path):
    """executable_lesson/build/exercises.py on a small book of plain pages (no kernel): seconds."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text('extensions = ["myst_parser", "executable_lesson.build.exercises"]\n'
                                    'myst_enable_extensions = ["colon_fence"]\n')
    (source / "index.md").write_text("# Book\n\n```{toctree}\none\ntwo\n```\n")
    (source / "one.md").write_text(
        "# One\n\n```{figure} chart.svg\n:name: fig-chart\n\nA captioned chart.\n```\n\n"
        + "".join(f":::{{exercise}} task {name}\n:label: ex-{name}\n\nDo {name}.\n:::\n\n"
                  f":::{{solution}} ex-{name}\n:class: dropdown\n\nDone.\n:::\n\n" for name in "ab"))
    (source / "two.md").write_text("# Two\n\n:::{exercise}\n:label: ex-c\n\nAs in {numref}`ex-a`.\n:::\n")
    (source / "chart.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "-n", str(source),
                             str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    one, two = (BeautifulSoup((tmp_path / "out" / f"{page}.html").read_text(), "html.parser")
                for page in ("one", "two"))
    numbers = [span.get_text(strip=True) for page in (one, two) for span in page.select("span.caption-number")]
    assert numbers == ["Exercise 1", "Exercise 2", "Exercise 3"]  # and no "Fig. 1"
    titles = [p.get_text() for p in one.select("div.solution > p.admonition-title")]
    assert titles == ["Solution to Exercise 1 (task a)", "Solution to Exercise 2 (task b)"]
    assert [a["href"] for a in one.select("div.solution > p.admonition-title > a")] == ["#ex-a", "#ex-b"]
    ids = [tag["id"] for tag in one.select("[id]")]
    assert len(ids) == len(set(ids)), sorted(ids)  # sphinx-exercise alone repeats "exercise-content"
    assert [(a["href"], a.get_text()) for a in two.select("div.exercise p a")] == [("one.html#ex-a", "Exercise 1")]
