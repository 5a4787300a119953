"""The page follows lesson_code/: an edit shows up in the next build, and a failure stops it."""
import shutil
import sys

from bs4 import BeautifulSoup
from conftest import copy_repository, make_html

from lessonbuild import kernprof_table

EDITED = "sum_nexts_numpy_sum.py"
NEW_LINE = "    numbers = numpy.asarray(numbers)  # a contributor's edit"


def test_editing_a_variant_changes_its_listing_and_its_table(book, tmp_path):
    repo = copy_repository(tmp_path / "repo")
    script = repo / "lesson_code" / EDITED
    source = script.read_text()
    script.write_text(source.replace("def sum_nexts(numbers):\n",
                                     "def sum_nexts(numbers):\n" + NEW_LINE + "\n", 1))

    # One Python only: quicker, and the comparison page's one-Python path gets built too.
    build = make_html(repo, env={"LESSON_PYTHONS": sys.executable})

    assert build.returncode == 0, build.output[-5000:]
    versions = BeautifulSoup(build.page("python-versions"), "html.parser").get_text(" ")
    assert "This build found only one Python" in versions
    assert "largest difference between two Pythons" not in versions
    before, after = numpy_sum_table(book.page()), numpy_sum_table(build.page())
    assert after.row("numpy.asarray").hits == 1
    assert after.row(".sum()").lineno == before.row(".sum()").lineno + 1
    listings = BeautifulSoup(build.page(), "html.parser").select("div.highlight-python pre")
    assert any(NEW_LINE.strip() in pre.get_text() for pre in listings)
    assert NEW_LINE.strip() not in book.page()


def numpy_sum_table(page):
    blocks = BeautifulSoup(page, "html.parser").select("div.highlight-console pre")
    (block,) = [b.get_text() for b in blocks if b.get_text().startswith(f"$ kernprof -l -v {EDITED}")]
    return kernprof_table(block)


def test_a_failing_command_fails_the_build_and_names_page_and_cell(tmp_path):
    repo = copy_repository(tmp_path / "repo")
    script = repo / "lesson_code" / "sum_nexts_original.py"
    script.write_text(script.read_text().replace(
        "    sums = sum_nexts(gen_data(n, seed))",
        "    raise SystemExit('broken on purpose')"))
    old_site = repo / "_build" / "html"
    old_site.mkdir(parents=True)
    (old_site / "index.html").write_text("the last good site")

    build = make_html(repo)

    assert build.returncode != 0
    assert "finding-bottlenecks.md" in build.output
    assert "Executing notebook failed" in build.output
    assert 'run = lesson.run(f"time python sum_nexts_original.py {N}")' in build.output
    assert "broken on purpose" in build.output
    # the half-built site is not presented: the last good one stays untouched
    assert (old_site / "index.html").read_text() == "the last good site"
    assert not (old_site / "finding-bottlenecks.html").exists()
    shutil.rmtree(repo / "_build", ignore_errors=True)
