"""The build helpers: parsing real tool output, failing loudly on false claims and bad commands."""
import subprocess
import sys

import numpy
import pytest
from conftest import LESSON_CODE, copy_repository

from executable_lesson.kernel import record
from finding_bottlenecks.cells import (
    ClaimError,
    CommandError,
    Record,
    Scratch,
    claim,
    cprofile_row,
    cprofile_summary,
    kernprof_table,
    require_correct,
    time_report,
)
from finding_bottlenecks.cells import measure_variants as mv
from finding_bottlenecks.readers.profile_files import listing_agrees
from tests.support.lesson_code_copy import listing


@pytest.fixture(scope="module")
def scratch():
    return Scratch()


def test_time_report_reads_bash_time(scratch):
    run = scratch.run("time python sum_nexts_slice_sum.py 50")
    report = time_report(run.output)
    assert set(report) == {"real", "user", "sys"}
    assert 0 < report["real"] <= run.seconds
    assert run.output.startswith("$ time python sum_nexts_slice_sum.py 50\n50 sums;")


def test_time_report_refuses_output_without_a_report():
    with pytest.raises(ValueError):
        time_report("real\t0m1.000s\n")


def test_cprofile_listing_is_read(scratch):
    run = scratch.run("python -m cProfile sum_nexts_original.py 40")
    summary = cprofile_summary(run.output)
    assert summary["calls"] >= summary["primitive_calls"] > 40 * 39 // 2
    assert cprofile_row(run.output, "builtins.len")["ncalls"] >= 40 * 39 // 2
    with pytest.raises(ValueError):
        cprofile_row(run.output, "no_such_function")


def test_kernprof_table_is_read_with_exact_hits(scratch):
    before = listing(LESSON_CODE)  # a learner's own .lprof files may be there: they stay as they are
    run = scratch.run("kernprof -l -v sum_nexts_original.py 40")
    table = kernprof_table(run.output)
    assert table.row("sums[i] = sums[i]").hits == 40 * 39 // 2
    assert table.row("sums.append").hits == 39
    assert table.unit == 1e-6 and table.total > 0
    with pytest.raises(ValueError):
        table.row("sums")  # several rows match: ambiguous on purpose
    assert (scratch.path / "sum_nexts_original.py.lprof").exists()  # written in the scratch copy,
    scratch.run("cp sum_nexts_original.py profile.py", "python -m cProfile -o p.cprofile profile.py 40",
                expect_failure=sys.version_info < (3, 15))  # the page's profile.py trap
    (scratch.path / "profile.py").unlink()  # as the page does: it would trap the next cProfile run
    assert listing(LESSON_CODE) == before  # never in the repository: the build's runs leave nothing


def test_commands_use_the_build_interpreter(scratch):
    run = scratch.run('python -c "import sys; print(sys.prefix)"')
    assert run.output.splitlines()[1] == sys.prefix


def test_a_failing_command_stops_the_cell(scratch):
    with pytest.raises(CommandError, match="exited with 2"):
        scratch.run("python sum_nexts_original.py")


def test_an_expected_failure_must_fail(scratch):
    with pytest.raises(CommandError, match="expected"):
        scratch.run("python sum_nexts_original.py 3", expect_failure=True)
    run = scratch.run("true", "python sum_nexts_original.py -1", expect_failure=True)
    assert run.returncode == 2 and "usage:" in run.output


def test_a_false_claim_names_itself_and_its_figures():
    claim(2 < 3, "two is less than three", two=2)
    with pytest.raises(ClaimError, match=r"claims that numpy is slower, but on this build "
                                         r"t_numpy = 0\.1, t_list = 0\.2"):
        claim(0.1 > 0.2, "numpy is slower", t_numpy=0.1, t_list=0.2)


def test_build_refuses_parallel_jobs(tmp_path):
    repo = copy_repository(tmp_path / "repo")
    result = subprocess.run([sys.executable, "-m", "sphinx", "-j", "2", "-b", "html", "-c", ".",
                             "docs", "_build/html"], cwd=repo, capture_output=True, text=True)
    assert result.returncode != 0
    assert "without -j" in result.stdout + result.stderr


def test_kernprof_figures_come_from_the_lprof_file_and_agree_with_the_listing(scratch):
    run = scratch.kernprof("sum_nexts_original.py", 40)
    assert run.output.startswith("$ kernprof -l -v sum_nexts_original.py 40\n")
    assert run.table.row("sums[i] = sums[i]").hits == 40 * 39 // 2
    assert sum(row.percent for row in run.table.rows) == pytest.approx(100)
    assert listing_agrees(run.output, run.table)
    doctored = run.output.replace(f" {40 * 39 // 2} ", f" {40 * 39 // 2 + 1} ", 1)
    assert not listing_agrees(doctored, run.table)  # a listing that says otherwise is caught


def test_a_saved_cprofile_is_read_with_pstats(scratch):
    run = scratch.cprofile("sum_nexts_original.py", 40, then=["python show_profile.py sum_nexts_original.cprofile"])
    assert f"List reduced from {len(run.stats.stats)} to 10" in run.output
    assert run.stats.total_calls == cprofile_summary(run.output)["calls"]


def test_time_reads_the_whole_process_wall_time(scratch):
    run = scratch.time("python sum_nexts_slice_sum.py 50")
    assert run.output.startswith("$ time python sum_nexts_slice_sum.py 50\n")
    assert 0 < run.real <= run.seconds


def test_a_wrong_version_is_named_before_anything_else(tmp_path):
    folder = tmp_path / "code"
    folder.mkdir()
    for script in mv.VARIANTS:
        (folder / script).write_text((LESSON_CODE / script).read_text())
    edited = folder / "sum_nexts_numpy_sum.py"
    edited.write_text(edited.read_text().replace("numbers[i + 1:].sum()", "numbers[i:].sum()"))
    assert require_correct(LESSON_CODE, mv.VARIANTS, 50).get("sum_nexts_original.py")["check"] \
        == "1 value missing"
    with pytest.raises(ClaimError, match=r"sum_nexts_numpy_sum\.py gives the expected answer for "
                                         r"n = 50 \(agrees\).*check = differs from position 0"):
        require_correct(folder, mv.VARIANTS, 50)


def test_the_record_names_each_figure_once(monkeypatch):
    named = []
    monkeypatch.setattr(record, "send", lambda kind, names: named.append(names))
    monkeypatch.setattr(record, "glue", lambda *args, **kwargs: None)
    quoted = Record("a-page")
    quoted.quote(n=numpy.int64(10), share=numpy.float64(12.5), python="3.11.7",
                 not_measured=float("nan"))
    assert named == [[], ["n", "share", "python", "not_measured"]]
    assert [type(v) for v in quoted.figures.values()] == [int, float, str, float]
    with pytest.raises(ValueError, match="quoted twice"):
        quoted.quote(n=11)
