"""The page follows lesson_code/: an edit shows up in the build, and a failure stops it."""
import json
import shutil

import pytest
from bs4 import BeautifulSoup
from conftest import EDITED, NEW_LINE, ROOT, BuiltSite, copy_repository, make_html

from cells import kernprof_table


def test_an_edited_variant_shows_in_its_listing_and_its_table(book):
    """The shared build was made from a copy whose numpy version has one more line (conftest):
    its listing shows that line, and its kernprof table has it, one line above `.sum()`."""
    if isinstance(book, BuiltSite):
        pytest.skip("reads the tests' own build, which carries the edit")
    committed = (ROOT / "lesson_code" / EDITED).read_text()
    assert NEW_LINE not in committed
    sum_line = next(number for number, line in enumerate(committed.splitlines(), 1)
                    if ".sum()" in line and "sums[i]" in line)
    table = numpy_sum_table(book.page())
    assert table.row("numpy.asarray").hits == 1
    assert table.row(".sum()").lineno == sum_line + 1
    listings = BeautifulSoup(book.page(), "html.parser").select("div.highlight-python pre")
    assert any(NEW_LINE.strip() in pre.get_text() for pre in listings)


def numpy_sum_table(page):
    blocks = BeautifulSoup(page, "html.parser").select("div.highlight-console pre")
    (block,) = [b.get_text() for b in blocks if b.get_text().startswith(f"$ kernprof -l -v {EDITED}")]
    return kernprof_table(block)


def without_the_comparison(repo):
    """The copy with the Python comparison (a minute of its own) as a page with a title only: a
    build that must fail on the episode need not run it. Every link still resolves."""
    (repo / "docs" / "python-versions.md").write_text("# Compare Python versions\n")
    return repo


def only_the_expected_failure(output):
    """The build failed on the notebook, not on a page the copy lacks. (A figure or glued value of
    the cells that never ran is missing too: those warnings follow from the failure.)"""
    return "Executing notebook failed" in output and not any(
        warning in output for warning in ("nonexisting document", "unknown document"))


def test_a_failing_command_fails_the_build_and_names_page_and_cell(tmp_path):
    repo = without_the_comparison(copy_repository(tmp_path / "repo"))
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
    assert 'run = lesson.time(f"python sum_nexts_original.py {N}")' in build.output
    assert "broken on purpose" in build.output
    # the half-built site is not presented: the last good one stays untouched
    assert (old_site / "index.html").read_text() == "the last good site"
    assert not (old_site / "finding-bottlenecks.html").exists()
    shutil.rmtree(repo / "_build", ignore_errors=True)


def test_a_wrong_answer_fails_the_build_first_naming_the_version_and_position(tmp_path):
    # Correct first: the episode's first cell checks every version, so an edited summing line is
    # reported as a wrong answer, not as an unrelated failure further down the page.
    repo = without_the_comparison(copy_repository(tmp_path / "repo"))
    script = repo / "lesson_code" / "sum_nexts_numpy_sum.py"
    script.write_text(script.read_text().replace("numbers[i + 1:].sum()", "numbers[i:].sum()"))

    build = make_html(repo)

    assert build.returncode != 0 and only_the_expected_failure(build.output)
    assert "claims that sum_nexts_numpy_sum.py gives the expected answer for n = 2000 (agrees)" \
        in build.output and "check = differs from position 0" in build.output
    assert "require_correct(lesson.path" in build.output  # the first cell, named
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
