"""Go further's section on Python 3.15's own sampling profiler (finding_bottlenecks/pages/tachyon.py):
each output read back as Tachyon writes it, and each claim failing when its output says otherwise.
The outputs here are written by hand in Tachyon's formats; the book's 3.15 build runs the real
commands (test_book.py reads them back from the built page)."""
import json
import math
from types import SimpleNamespace

import pytest

from executable_lesson.kernel.claims import ClaimError
from executable_lesson.kernel.commands import Run, Shown
from finding_bottlenecks.pages import tachyon
from finding_bottlenecks.readers.flame_graphs import tachyon_table

SHOWN = Shown(["python -m profiling.sampling ..."], "python-3-15", "")

TACHYON_OUTPUT = """$ python -m profiling.sampling run --no-summary sum_nexts_original.py 10000
9999 sums; sums[0] = 4972.083150
Captured 3,057 samples in 3.06 seconds
Sample rate: 1000.00 samples/sec
Error rate: 0.29
Profile Stats:
"""


def test_tachyons_summary_and_both_default_rates_are_read(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    helps = {"py-spy": "  -r, --rate <rate>   The number of samples to collect per second"
                       " [default: 100]\n",
             "python": "  -r, --sampling-rate RATE\n        sampling rate (e.g., 10000, 10khz,"
                       " 10k) (default:\n                        1khz)\n"}
    for name, text in helps.items():
        (bin_dir / name).write_text(f"#!/bin/sh\ncat <<'END'\n{text}END\n")
        (bin_dir / name).chmod(0o755)
    lesson = SimpleNamespace(path=tmp_path, env={"PATH": f"{bin_dir}:/usr/bin:/bin"})
    run = Run(["python -m profiling.sampling run ..."], TACHYON_OUTPUT, 0, 3.1)
    figures = tachyon.first_run_figures(run, lesson, 338)
    assert figures == {"tachyon_samples": 3057, "tachyon_rate": 1000.0, "tachyon_error": "0.29",
                       "tachyon_default_rate": 1000.0, "tachyon_rate_ratio": 10.0}
    with pytest.raises(ClaimError, match="many more samples"):
        tachyon.first_run_figures(run, lesson, 3000)  # as many as py-spy's: not what the page says
    shown = tachyon.first_run_figures(SHOWN, lesson, 1)
    assert list(shown) == tachyon.FIRST_RUN and all(math.isnan(v) for v in shown.values())


def test_a_shares_margin_narrows_with_the_square_root_of_the_samples():
    assert tachyon.margin(50, 10_000) == pytest.approx(1.0)
    assert tachyon.margin(50, 40_000) == pytest.approx(0.5)
    assert tachyon.margin(0, 100) == 0
    # two shares of the same samples: their difference varies more than either
    assert tachyon.difference_margin(48, 36, 2000) > max(tachyon.margin(48, 2000), tachyon.margin(36, 2000))


def test_the_documentations_figures_are_quoted_whether_tachyon_ran_or_not():
    shown = tachyon.flame_figures(SHOWN, None, "sum_nexts_original.py")
    assert math.isnan(shown["tachyon_flame_samples"])
    assert (shown["docs_few"], shown["docs_many"]) == (1000, 100_000)
    assert shown["rule_few_margin"] < 2 and shown["rule_many_margin"] < 0.5


def wait_table(mode, rows):
    lines = "\n".join(f"{own:>9}/{cumulative:<5} {pct:>7.1f} {own:>10.3f} {pct:>7.1f} {cumulative:>10.3f}"
                      f"  {place}" for own, cumulative, pct, place in rows)
    return (f"$ python -m profiling.sampling run --mode {mode} --no-summary --sort sample-pct -l 4"
            " wait_then_sum.py 5000 1\nwaited 1.00 s for 5000 numbers, then summed them in 0.30 s\n"
            "Captured 1,301 samples in 1.30 seconds\nSample rate: 1000.00 samples/sec\n"
            "Error rate: 0.50\nProfile Stats:\n"
            "       nsamples   sample%  tottime (ms)    cumul%  cumtime (ms)  filename:lineno(function)\n"
            f"{lines}\n\nLegend:\n  nsamples: Direct/Cumulative samples\n")


WALL = [(1000, 1000, 76.9, "wait_then_sum.py:21(receive_numbers)"),
        (210, 210, 16.2, "sum_nexts_preallocated.py:31(sum_nexts)"),
        (80, 80, 6.2, "sum_nexts_preallocated.py:30(sum_nexts)"),
        (1, 1301, 0.1, "<frozen runpy>:87(_run_code)")]
CPU = [(210, 210, 72.2, "sum_nexts_preallocated.py:31(sum_nexts)"),
       (80, 80, 27.5, "sum_nexts_preallocated.py:30(sum_nexts)"),
       (1, 291, 0.3, "<frozen runpy>:87(_run_code)"),
       (0, 1, 0.0, "wait_then_sum.py:48(main)")]


@pytest.fixture
def waiting_lesson(tmp_path):
    script = "\n".join(["import time"] + ["# a line"] * 19 + ["    time.sleep(seconds)"])
    (tmp_path / "wait_then_sum.py").write_text(script + "\n")
    return SimpleNamespace(path=tmp_path, file=lambda name: tmp_path / name)


def test_tachyons_table_is_read_row_by_row():
    rows = tachyon_table(wait_table("wall", WALL))
    assert [(row.own, row.cumulative, row.sample_pct, row.file, row.line, row.function)
            for row in rows][:2] == [(1000, 1000, 76.9, "wait_then_sum.py", 21, "receive_numbers"),
                                     (210, 210, 16.2, "sum_nexts_preallocated.py", 31, "sum_nexts")]
    assert rows[-1].file == "<frozen runpy>"
    with pytest.raises(ValueError, match="no table of samples"):
        tachyon_table("Captured 0 samples\n")


def test_the_wait_is_most_of_the_wall_clock_samples_and_almost_none_of_the_cpu_samples(waiting_lesson):
    run = Run(["wall", "cpu"], wait_table("wall", WALL) + wait_table("cpu", CPU), 0, 3.0)
    figures = tachyon.mode_figures(run, waiting_lesson, "wait_then_sum.py")
    assert (figures["mode_wait_line"], figures["mode_wait_source"]) == (21, "time.sleep(seconds)")
    assert figures["mode_wall_wait"] == 76.9
    # cut from CPU mode's table: at most what the rows shown leave
    assert figures["mode_cpu_wait"] == pytest.approx(0.0)
    assert figures["mode_cpu_wait_said"] == "that line holds none of the samples"
    assert (figures["mode_cpu_captured"], figures["mode_cpu_kept"]) == (1301, 291)
    busy = CPU[:3] + [(30, 30, 9.4, "wait_then_sum.py:21(receive_numbers)")]
    short_wait = [(300, 300, 23.0, "wait_then_sum.py:21(receive_numbers)")] + WALL[1:]
    cut = WALL[1:] + [(2, 2, 0.2, "wait_then_sum.py:44(main)")]  # the wait cut from the table
    kept_all = [(1000, 1000, 100.0, "sum_nexts_preallocated.py:31(sum_nexts)")] + CPU[1:]
    for wall, cpu, said in [(WALL, busy, "almost none of the CPU samples"),
                            (short_wait, CPU, "most of the wall-clock samples"),
                            (cut, CPU, "most of the wall-clock samples"),
                            (WALL, kept_all, "CPU mode keeps about the share")]:
        with pytest.raises(ClaimError, match=said):
            tachyon.mode_figures(Run([], wait_table("wall", wall) + wait_table("cpu", cpu), 0, 3.0),
                                 waiting_lesson, "wait_then_sum.py")
    assert list(tachyon.mode_figures(SHOWN, waiting_lesson, "wait_then_sum.py")) == tachyon.MODES


def test_a_line_cut_from_a_sorted_table_holds_no_more_than_its_smallest_row():
    rows = tachyon_table(wait_table("cpu", [(50, 50, 50.0, "a.py:1(f)"), (30, 30, 30.0, "a.py:2(f)"),
                                            (5, 5, 5.0, "a.py:3(f)")]))
    assert tachyon.waiting_share(rows, "a.py", 2) == (30.0, 30.0)
    assert tachyon.waiting_share(rows, "a.py", 9) == (0.0, 5.0)  # not the 15% the rows leave


def diff_page(before_own, after_own, before_total, after_total):
    """A differential flame graph as Tachyon embeds it: sum_nexts's lines under main."""
    strings = ["sum_nexts", "sum_nexts.py", "main", "<module>"]

    def node(function, line, value, own, baseline, children=()):
        return {"funcname": function, "module": 1, "filename": 1, "lineno": line, "value": value,
                "self": own, "baseline": baseline, "children": list(children)}
    lines = [node(0, 31, after_own * 3 // 4, after_own * 3 // 4, before_own * 3 / 4),
             node(0, 30, after_own - after_own * 3 // 4, after_own - after_own * 3 // 4,
                  before_own / 4)]
    root = {"value": after_total, "strings": strings,
            "stats": {"baseline_samples": before_total, "current_samples": after_total},
            "children": [node(3, 56, after_total, 0, 0, [node(2, 50, after_total, 0, 0, lines)])]}
    return (f"<script>const EMBEDDED_DATA = {json.dumps(root)};</script>"
            "<script>if (Math.abs(diff_pct) < 15) { return neutral; }</script>")


def test_the_differential_flame_graph_finds_the_steps_saving_in_sum_nexts(tmp_path):
    lesson = SimpleNamespace(path=tmp_path, file=lambda name: tmp_path / name)
    page = tmp_path / "tachyon-diff.html"
    page.write_text(diff_page(2000, 1100, 2010, 1110))
    ran = Run(tachyon.diff_commands("a.py", "b.py", 100), "", 0, 3.0)
    figures = tachyon.diff_figures(ran, lesson)
    assert (figures["diff_before"], figures["diff_after"]) == (2010, 1110)
    assert (figures["diff_function_before"], figures["diff_function_after"]) == (2000, 1100)
    assert figures["diff_function_fewer"] == pytest.approx(45)
    assert figures["diff_neutral_pct"] == 15  # the grey zone, as the page's own script draws it
    page.write_text(diff_page(2000, 1900, 2010, 1910))  # hardly faster: not the step's saving
    with pytest.raises(ClaimError, match="fewer samples than the baseline"):
        tachyon.diff_figures(ran, lesson)
    page.write_text(diff_page(2000, 1100, 2010, 1510))  # the rest got slower: not where it saved
    with pytest.raises(ClaimError, match="holds the step's saving"):
        tachyon.diff_figures(ran, lesson)
    page.write_text(diff_page(0, 1100, 2010, 1110))  # two files: nothing matched
    with pytest.raises(ClaimError, match="matched sum_nexts"):
        tachyon.diff_figures(ran, lesson)
    assert list(tachyon.diff_figures(SHOWN, lesson)) == tachyon.DIFF


def test_the_diff_runs_both_versions_as_one_file():
    commands = tachyon.diff_commands("sum_nexts_original.py", "sum_nexts_preallocated.py", 10)
    assert commands[0] == "cp sum_nexts_original.py sum_nexts.py"
    assert commands[1].endswith("--binary -o before.bin sum_nexts.py 10")
    assert commands[2] == "cp sum_nexts_preallocated.py sum_nexts.py"
    assert "--diff-flamegraph before.bin -o tachyon-diff.html sum_nexts.py 10" in commands[3]
