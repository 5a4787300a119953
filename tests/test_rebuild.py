"""The page follows lesson_code/: an edit shows up in the next build, and a failure stops it.

Each test builds a small copy of the book with the real Makefile, conf.py and extension, and only
the pages it needs (tests/support/book_copy.py): never the site `make test` reads."""
import json
import shutil

from bs4 import BeautifulSoup
from conftest import ROOT, copy_repository, make_html

from finding_bottlenecks.cells import kernprof_table
from tests.support.book_copy import EPISODE, episode_showing, stub_pages

# A contributor's edit: one more line in one version, which changes nothing it computes.
EDITED = "sum_nexts_numpy_sum.py"
NEW_LINE = "    numbers = numpy.asarray(numbers)  # a contributor's edit"
SMALL_N = {"LESSON_N": "300"}  # the listing and the hit counts are the same at any n


def edit_a_variant(repo):
    script = repo / "lesson_code" / EDITED
    source = script.read_text()
    assert NEW_LINE not in source
    script.write_text(source.replace("def sum_nexts(numbers):\n",
                                     "def sum_nexts(numbers):\n" + NEW_LINE + "\n", 1))
    return repo


def listing_and_table(build):
    """The episode's listing of the edited version, and its kernprof table, as built."""
    assert build.returncode == 0, build.output[-5000:]
    page = BeautifulSoup(build.page(EPISODE), "html.parser")
    [listing] = [pre.get_text() for pre in page.select("div.highlight-python pre")
                 if "def sum_nexts(numbers):" in pre.get_text()]
    [block] = [pre.get_text() for pre in page.select("div.highlight-console pre")
               if pre.get_text().startswith(f"$ kernprof -l -v {EDITED}")]
    return listing, kernprof_table(block)


def test_an_edited_variant_shows_in_its_listing_and_its_table_after_a_rebuild(tmp_path):
    """The episode cut down to the section that shows this version (its listing, its cells),
    built with `make html`, then built again in the same folder after a contributor's edit: the
    second build shows the new line in the listing, and in the kernprof table, one line above
    `.sum()`; nothing of the first build is reused."""
    repo = episode_showing(copy_repository(tmp_path / "repo"), EDITED)
    committed = (ROOT / "lesson_code" / EDITED).read_text()
    sum_line = next(number for number, line in enumerate(committed.splitlines(), 1)
                    if ".sum()" in line and "sums[i]" in line)

    listing, table = listing_and_table(make_html(repo, SMALL_N))
    assert NEW_LINE.strip() not in listing
    assert table.row(".sum()").lineno == sum_line
    assert not [row for row in table.rows if "numpy.asarray" in row.contents]

    listing, table = listing_and_table(make_html(edit_a_variant(repo), SMALL_N))
    assert NEW_LINE.strip() in listing
    assert table.row("numpy.asarray").hits == 1
    assert table.row(".sum()").lineno == sum_line + 1
    shutil.rmtree(repo / "_build", ignore_errors=True)


def with_the_episode_only(repo):
    """The copy with every page but the episode (and the build report, which a failed build
    still writes) as its title alone: a build that must fail on the episode need not run the
    Python comparison or Go further. Every link and toctree entry still resolves."""
    stubbed = stub_pages(repo, keep={EPISODE, "build-report"})
    assert {"python-versions", "going-further"} <= set(stubbed)
    return repo


def only_the_expected_failure(output):
    """The build failed on the notebook, not on a page the copy lacks. (A figure or glued value of
    the cells that never ran, or of a stubbed page, is missing too: those warnings follow.)"""
    return "Executing notebook failed" in output and not any(
        warning in output for warning in ("nonexisting document", "unknown document"))


def test_a_failing_command_fails_the_build_and_names_page_and_cell(tmp_path):
    repo = with_the_episode_only(copy_repository(tmp_path / "repo"))
    script = repo / "lesson_code" / "sum_nexts_original.py"
    script.write_text(script.read_text().replace(
        "    sums = sum_nexts(gen_data(n, seed))",
        "    raise SystemExit('broken on purpose')"))
    old_site = repo / "_build" / "html"
    old_site.mkdir(parents=True)
    (old_site / "index.html").write_text("the last good site")

    build = make_html(repo)

    assert build.returncode != 0 and only_the_expected_failure(build.output)
    assert "finding-bottlenecks.md" in build.output
    assert 'lesson.run("python sum_nexts_original.py 10")' in build.output  # the first to run it
    assert "broken on purpose" in build.output
    # the half-built site is not presented: the last good one stays untouched
    assert (old_site / "index.html").read_text() == "the last good site"
    assert not (old_site / "finding-bottlenecks.html").exists()
    shutil.rmtree(repo / "_build", ignore_errors=True)


def test_a_wrong_answer_fails_the_build_first_naming_the_version_and_position(tmp_path):
    # Correct first: the episode's first cell checks every version, so an edited summing line is
    # reported as a wrong answer, not as an unrelated failure further down the page.
    repo = with_the_episode_only(copy_repository(tmp_path / "repo"))
    script = repo / "lesson_code" / "sum_nexts_numpy_sum.py"
    script.write_text(script.read_text().replace("numbers[i + 1:].sum()", "numbers[i:].sum()"))

    build = make_html(repo)

    assert build.returncode != 0 and only_the_expected_failure(build.output)
    assert "claims that sum_nexts_numpy_sum.py gives the expected answer for n = 2000 (agrees)" \
        in build.output and "check = differs from position 0" in build.output
    assert "episode.first_checks(lesson" in build.output  # the first cell, named
    # The site that failed build made is kept apart, its report listing the failed claim first.
    failed = repo / "_build" / "html-failed"
    assert "_build/html-failed" in build.output and not (repo / "_build" / "html").exists()
    claims = json.loads((failed / "claims.json").read_text())["claims"]
    broken = [c for c in claims if not c["held"]]
    assert claims[:len(broken)] == broken, "failed claims first"
    assert any("sum_nexts_numpy_sum.py gives the expected answer" in c["statement"] for c in broken)
    report = BeautifulSoup((failed / "build-report.html").read_text(), "html.parser")
    assert "FAILED: finding-bottlenecks: sum_nexts_numpy_sum.py" in report.get_text()
    shutil.rmtree(repo / "_build", ignore_errors=True)
