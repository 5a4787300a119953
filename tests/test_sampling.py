"""The sampling profilers' helpers: reading py-spy's flame graph and pyinstrument's tree, telling
a machine that forbids py-spy from a broken py-spy, and the cost-measuring script."""
import json
import math
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import LESSON_CODE

from executable_lesson.kernel.claims import ClaimError
from finding_bottlenecks import sampling
from finding_bottlenecks.learner_profilers import ProfilerError, pinned_for_this_python, py_spy_refusal
from finding_bottlenecks.pages.going_further import ProfilerCosts, flame_figures, temperature_figures, tree_figures
from finding_bottlenecks.readers.flame_graphs import FlameGraph, call_tree
from finding_bottlenecks.sampling import Refused
from finding_bottlenecks.scratch import Scratch
from tests.support.lesson_code_copy import copy_lesson_code, listing

BIN = Path(sys.executable).parent


def box(name, place, samples, x, y):
    return (f'<g><title>{name} ({place}) ({samples} samples, {100 * samples / 10:.2f}%)</title>'
            f'<rect x="0%" y="{y}" width="1%" height="15" fill="rgb(1,2,3)" fg:x="{x}" '
            f'fg:w="{samples}"/><text x="0%" y="{y}"></text></g>')


# py-spy draws `all` on top and each call one row (16 pixels) below its caller.
SVG = ('<svg><g><title>all (10 samples, 100%)</title><rect x="0%" y="52" width="100%" '
       'height="15" fill="rgb(1,2,3)" fg:x="0" fg:w="10"/></g>'
       + box("&lt;module&gt;", "hourly.py:1", 10, 0, 68) + box("main", "hourly.py:40", 10, 0, 84)
       + box("parse", "hourly.py:26", 7, 0, 100) + box("make_log", "hourly.py:17", 3, 7, 100)
       + box("_strptime_datetime", "_strptime.py:565", 6, 1, 116)
       + box("gauss", "random.py:592", 2, 8, 116) + '</svg>')


def test_the_flame_graph_is_read_back_as_boxes_under_their_callers():
    graph = FlameGraph(SVG)
    assert graph.total == 10
    assert [(b.function, b.depth) for b in graph.boxes][:2] == [("<module>", 0), ("main", 1)]
    (parse,) = graph.named("parse")
    assert [b.function for b in graph.called_by(parse)] == ["_strptime_datetime"]
    assert graph.share(graph.called_by(parse)) == 60
    assert graph.share(graph.named("make_log")) == 30


def test_a_flame_graph_growing_upwards_is_read_the_same():
    # Rows counted from `all` outwards, whichever way the picture grows.
    flipped = re.sub(r'y="(\d+)"', lambda m: f'y="{200 - int(m[1])}"', SVG)
    assert [(b.function, b.depth) for b in FlameGraph(flipped).boxes] == \
        [(b.function, b.depth) for b in FlameGraph(SVG).boxes]


def test_a_flame_graph_without_its_top_box_is_refused():
    with pytest.raises(ValueError, match="format"):
        FlameGraph("<svg></svg>")


def test_pyinstruments_tree_is_read_with_its_depths():
    output = ("9999 sums; sums[0] = 4972.083150\n\n"
              "  _     ._   __/__   _ _  _  _ _/_   Recorded: 14:48:38  Samples:  11910\n"
              " /_//_/// /_\\ / //_// / //_'/ //     Duration: 11.912    CPU time: 11.911\n"
              "/   _/                      v5.1.3\n\n"
              "Program: sum_nexts_original.py 10000\n\n"
              "11.911 <module>  sum_nexts_original.py:1\n"
              "└─ 11.910 main  sum_nexts_original.py:50\n"
              "   └─ 11.907 sum_nexts  sum_nexts_original.py:26\n"
              "      ├─ 9.440 [self]  sum_nexts_original.py\n"
              "      └─ 2.466 len  <built-in>\n\n"
              "    pyinstrument --load-prev 2026-11-27T14-48-38 [options]\n")
    tree = call_tree(output)
    assert [(line.function, line.depth, line.seconds) for line in tree] == [
        ("<module>", 0, 11.911), ("main", 1, 11.91), ("sum_nexts", 2, 11.907),
        ("[self]", 3, 9.44), ("len", 3, 2.466)]
    assert tree[-1].place == "<built-in>"


def fake_py_spy(folder, says, status):
    script = folder / "py-spy"
    script.write_text(f"#!/bin/sh\necho '{says}' >&2\nexit {status}\n")
    script.chmod(0o755)
    return folder


def test_a_machine_that_forbids_tracing_gets_a_note_with_what_py_spy_said(tmp_path):
    said = "Error: Failed to copy PyInterpreterState: Operation not permitted (os error 1)"
    assert py_spy_refusal(fake_py_spy(tmp_path, said, 1)) == said
    note = Refused(said)._repr_markdown_()
    assert note.startswith("```{warning}") and said in note and "SYS_PTRACE" in note


def test_any_other_py_spy_failure_fails_the_build(tmp_path):
    with pytest.raises(ProfilerError, match="no reason the page knows"):
        py_spy_refusal(fake_py_spy(tmp_path, "Error: Failed to write flamegraph", 1))
    with pytest.raises(ProfilerError, match="not installed"):
        py_spy_refusal(tmp_path / "empty")


def test_a_python_too_new_for_py_spy_gets_its_own_note(tmp_path):
    said = "Error: Unsupported version of Python: 3.16.0"
    assert py_spy_refusal(fake_py_spy(tmp_path, said, 1)) == said
    note = Refused(said)._repr_markdown_()
    assert "cannot read Python" in note and "SYS_PTRACE" not in note


def test_py_spy_records_here():
    # These machines must take the live path: a refusal here would hide the page's figures.
    assert py_spy_refusal(BIN) is None


def test_a_package_is_pinned_for_the_pythons_its_marker_names(tmp_path):
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("# comment\npy-spy==0.4.3\n"
                            "pyinstrument==5.1.3 ; python_full_version < '3.15'  # no 3.15 wheel\n")
    assert pinned_for_this_python("py-spy", requirements)
    assert pinned_for_this_python("pyinstrument", requirements) == (sys.version_info < (3, 15))
    assert not pinned_for_this_python("scalene", requirements)


def test_the_cost_table_measures_each_installed_profiler_in_turns(tmp_path):
    # n = 3000: a run of about 0.2 s, so py-spy (100 samples a second) always has samples to draw
    saved = tmp_path / "cost.json"
    folder = copy_lesson_code(tmp_path / "lesson_code")
    before = listing(folder)
    result = subprocess.run(
        [sys.executable, "measure_profilers.py", "3000", "--repeats", "2", "--without", "kernprof -l",
         "--json", str(saved)], cwd=folder, capture_output=True, text=True, timeout=120,
        env={"PATH": f"{BIN}:/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"})
    assert result.returncode == 0, result.stderr
    data = json.loads(saved.read_text())
    ways = {row["way"]: row for row in data["rows"]}
    assert set(ways) == {"plain", "cProfile", "py-spy", "pyinstrument", "Tachyon"} - (
        set() if pinned_for_this_python("pyinstrument") else {"pyinstrument"}) - (
        set() if sys.version_info >= (3, 15) else {"Tachyon"})
    assert ways["plain"]["times_plain"] == 1 and all(row["runs"] == 2 for row in ways.values())
    assert all(row["min"] <= row["median"] <= row["max"] for row in ways.values())
    assert "kernprof -l: left out (--without)" in result.stdout
    if sys.version_info < (3, 15):
        assert "Tachyon: this Python has no profiling.sampling, left out" in result.stdout
    assert listing(folder) == before, "reports belong in a scratch folder of its own"


def test_the_memory_script_sees_copies_views_and_new_objects(tmp_path):
    saved = tmp_path / "memory.json"
    result = subprocess.run([sys.executable, "measure_memory.py", "300", "--json", str(saved)],
                            cwd=LESSON_CODE, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(saved.read_text())
    assert [row["script"] for row in data["versions"]][0] == "sum_nexts_original.py"
    assert all(row["peak"] >= row["result"] > 8 * 300 for row in data["versions"])
    effects = data["effects"]
    assert effects["list_slice"] >= 8 * 299 and effects["array_slice"] < 1000
    assert effects["slice_is_a_view"] and effects["copy_is_new"]
    assert effects["scalar_type"] == "float64"  # a new object for each element: 24+ bytes more
    assert effects["list_of_scalars"] - effects["list_of_floats"] >= 300 * 24
    # free lists emptied first: a preallocated list of floats is its floats and their pointers
    (preallocated,) = [row for row in data["versions"] if row["script"] == "sum_nexts_preallocated.py"]
    assert 300 * (effects["float_size"] + effects["pointer_size"]) <= preallocated["result"]
    assert f"{preallocated['result'] / 300:.1f} B" in result.stdout.splitlines()[4]


def test_a_profiler_that_did_not_run_leaves_its_figures_not_measured():
    # The prose quoting them is left out by {only}, but still parsed: every key must exist.
    sum_nexts = SVG.replace("parse (hourly.py:26)", "sum_nexts (s.py:3)").replace(
        "make_log (hourly.py:17)", "sum_nexts (s.py:2)")
    script = "def sum_nexts(numbers):\n    for i in ...\n    sums[i] = sums[i] + numbers[j]\n"
    said = "py-spy> Wrote flamegraph data to 'flame.svg'. Samples: 12 Errors: 0\n"
    live = flame_figures(SimpleNamespace(graph=FlameGraph(sum_nexts), output=said), script)
    assert (live["spy_samples"], live["spy_graph_samples"]) == (12, 10)  # printed, and drawn
    with pytest.raises(ClaimError, match="holds no more samples than it says"):
        flame_figures(SimpleNamespace(graph=FlameGraph(sum_nexts), output=said.replace("12", "9")),
                      script)
    assert live["spy_widest_line"] == 3 and live["spy_widest_share"] == "70"  # of 10 samples: ±15
    with pytest.raises(ClaimError, match="nearly every sample"):
        flame_figures(SimpleNamespace(graph=FlameGraph(SVG), output=said), script)
    assert flame_figures(Refused("no"), "").keys() == live.keys()
    tree = call_tree("3.0 <module>  s.py:1\n└─ 3.0 sum_nexts  s.py:2\n   └─ 1.0 len  <built-in>\n")
    assert tree_figures(SimpleNamespace()).keys() == tree_figures(SimpleNamespace(tree=tree)).keys()
    live = temperature_figures(SimpleNamespace(graph=FlameGraph(SVG), output=said))
    assert live["ex5_strptime_share"] == "60" and live["ex5_make_log_share"] == "30"
    assert temperature_figures(Refused("no")).keys() == live.keys()
    rows = [{"way": way, "times_plain": x, "median": x, "min": 0.95 * x, "max": 1.05 * x}
            for way, x in [("plain", 1), ("cProfile", 3), ("kernprof -l", 9), ("py-spy", 1.01),
                           ("Tachyon", 1.02)]]
    measured = ProfilerCosts({"n": 3000, "repeats": 5, "rows": rows}).figures()
    without = ProfilerCosts({"n": 3000, "repeats": 5, "rows": rows[:3]}).figures()
    assert measured.keys() == without.keys() and math.isnan(without["spy_x"])
    assert math.isnan(without["tachyon_x"])
    # each ±5%, so their ratio ±10%: two digits
    assert (measured["cprofile_x"], measured["kernprof_x"], measured["spy_x"],
            measured["tachyon_x"]) == ("3.0", "9.0", "1.0", "1.0")
    rows[-1] |= {"times_plain": 1.8, "median": 1.8, "min": 1.7, "max": 1.9}
    with pytest.raises(ClaimError, match="Tachyon adds much less"):
        ProfilerCosts({"n": 3000, "repeats": 5, "rows": rows}).figures()
    rows[-1] |= {"times_plain": 1.5, "median": 1.5, "min": 1.4, "max": 2.2}  # medians far apart,
    with pytest.raises(ClaimError, match="Tachyon adds much less"):  # but not beyond the spread
        ProfilerCosts({"n": 3000, "repeats": 5, "rows": rows}).figures()


def test_the_book_draws_the_flame_graph_with_labels_for_the_wide_boxes():
    from finding_bottlenecks.charts import flame_chart
    figure = flame_chart(FlameGraph(SVG), "py-spy record ...")
    labels = [text.get_text() for text in figure.axes[0].texts]
    assert labels == ["<module>, hourly.py\n100%", "main, line 40\n100%", "parse, line 26\n70%",
                      "make_log, line 17\n30%", "_strptime_datetime, line 565\n60%",
                      "gauss, line 592\n20%"]


def test_fromisoformat_is_timed_in_turns_against_strptime():
    from finding_bottlenecks.pages.going_further import parse_speeds
    speeds = parse_speeds(number=200, rounds=3)
    assert set(speeds) == {"strptime", "fromisoformat"}
    assert all(s["min"] <= s["median"] <= s["max"] for s in speeds.values())


def test_the_rate_patterns_read_the_profilers_own_help():
    """The patterns meet the help the installed tools print, not only hand-written help: py-spy's
    here, and Python's profiling.sampling where this Python has it (3.15 and newer)."""
    lesson = Scratch()
    assert sampling.py_spy_rate(lesson) > 0
    if sys.version_info >= (3, 15):
        assert sampling.tachyon_rate(lesson) > 0
