"""The measuring script a learner runs: timing method, output, saved data and comparison."""
import io
import json
import re
import statistics
import subprocess
import sys

import pytest
from conftest import LESSON_CODE

from finding_bottlenecks.cells import measure_variants as mv


def run(*args, cwd=LESSON_CODE):
    return subprocess.run([sys.executable, "measure_variants.py", *args], cwd=cwd, text=True,
                          capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("measure") / "small.json"
    result = run("--n", "300", "--budget", "0.05", "--json", str(path))
    assert result.returncode == 0, result.stderr
    return result.stdout, json.loads(path.read_text())


def test_every_version_and_the_floor_are_timed_and_checked(small):
    output, data = small
    scripts = [row["script"] for row in data["variants"]]
    assert scripts == list(mv.VARIANTS) + [mv.FLOOR]
    for row in data["variants"]:
        assert row["runs"] == len(row["times"]) >= mv.MIN_REPEATS
        assert row["median"] == statistics.median(row["times"])
        assert row["min"] <= row["median"] <= row["max"]
        assert row["script"] in output
    checks = {row["script"]: row["check"] for row in data["variants"]}
    assert checks.pop("sum_nexts_original.py") == "1 value missing"
    assert checks.pop(mv.FLOOR) == "not a variant"
    assert set(checks.values()) == {"agrees"}
    assert data["variants"][0]["speedup"] == 1.0
    assert data["environment"]["Python"].startswith(sys.version.split()[0])


def test_fast_versions_are_timed_in_batches():
    for once in (2e-6, 3e-4, 0.07):
        number = mv.calls_per_run(once, 0.2)
        assert number * once >= 0.2 > (number - 1) * once  # the fewest calls that fill a run
    assert mv.calls_per_run(3.0, 0.2) == 1


def test_versions_take_turns():
    order = []
    jobs = {name: (order.append, name, 1.0) for name in "abc"}
    times, numbers = mv.take_turns(jobs, rounds=3, run_seconds=0.1)
    assert order == list("abcabcabc")
    assert all(len(t) == 3 for t in times.values()) and set(numbers.values()) == {1}


def test_fitted_slope_recovers_the_exponent():
    quadratic = [{"n": n, "median": 3e-9 * n ** 2} for n in (256, 512, 1024, 2048, 4096)]
    linear = [{"n": n, "median": 5e-9 * n} for n in (256, 512, 1024, 2048)]
    assert mv.fitted_slope(quadratic) == pytest.approx(2)
    assert mv.fitted_slope(linear) == pytest.approx(1)


def test_scaling_doubles_n_until_a_call_is_slow_enough():
    points = mv.scaling("sum_nexts_slice_sum.py", start=64, max_call=0.002, run_seconds=0.005)
    sizes = [p["n"] for p in points]
    assert sizes[0] == 64 and all(b == 2 * a for a, b in zip(sizes, sizes[1:]))
    assert points[-1]["min"] > 0 and len(sizes) >= 2


def test_compare_prints_published_and_own_figures_with_the_ratio(small, tmp_path):
    _, data = small
    published = tmp_path / "measurements.json"
    data["budget"] = 0.05
    published.write_text(json.dumps(data))
    result = run("--compare", str(published), "--budget", "0.05")
    assert result.returncode == 0, result.stderr
    assert "yours/published" in result.stdout
    assert "n = 300" in result.stdout
    comparison = result.stdout.split("yours/published", 1)[1]
    rows = [line for line in comparison.splitlines() if line.startswith(tuple(mv.VARIANTS))]
    assert len(rows) == len(mv.VARIANTS)
    assert all(re.search(r" [\d.]+%  (yes|no|-)$", line) for line in rows), rows
    agreed, checked = re.search(rf"^(\d+) of (\d+) speed-ups of {mv.SPEEDUP_COUNTED}x or more agree"
                                r" within 10%$",
                                result.stdout, re.MULTILINE).groups()
    assert int(agreed) <= int(checked) <= len(mv.VARIANTS)


def test_compare_measures_the_way_the_published_file_was_made(small, tmp_path):
    _, data = small
    published = tmp_path / "measurements.json"
    published.write_text(json.dumps({**data, "budget": 0, "min_repeats": 2}))
    mine = tmp_path / "mine.json"
    assert run("--compare", str(published), "--json", str(mine)).returncode == 0
    again = json.loads(mine.read_text())
    assert (again["n"], again["seed"], again["budget"], again["min_repeats"]) == (300, 2016, 0, 2)
    assert {row["runs"] for row in again["variants"]} == {2}  # budget 0: the runs asked, no more
    # what is given on the command line wins over the file
    assert run("--compare", str(published), "--repeats", "3", "--json", str(mine)).returncode == 0
    assert {row["runs"] for row in json.loads(mine.read_text())["variants"]} == {3}


def test_compare_counts_the_speed_ups_that_agree():
    def data(speedups):
        rows = [{"script": f"v{i}.py", "median": 1 / s, "speedup": s} for i, s in enumerate(speedups)]
        return {"n": 10, "environment": {"CPU": "c", "Python": "p"}, "variants": rows}

    out = io.StringIO()
    mv.print_comparison(data([1, 10, 100, 1.5]), data([1, 10.5, 150, 3]), out)
    # 10 against 10.5 agrees, 100 against 150 does not; below 5x on either side is not counted
    assert mv.SPEEDUP_COUNTED == 5
    assert out.getvalue().endswith("1 of 2 speed-ups of 5x or more agree within 10%\n")
    verdicts = [line.split()[-2:] for line in out.getvalue().splitlines()[3:-1]]
    assert verdicts == [["0%", "-"], ["5%", "yes"], ["50%", "no"], ["100%", "-"]]


@pytest.mark.parametrize("difference, shown", [
    (0.103, "10.3%"), (0.1004, "10.04%"), (0.0996, "10%"), (0.1, "10%"), (0.05, "5%"),
    (0.1000001, "10.00001%"), (0.0949, "9%"),
])
def test_the_difference_shown_never_contradicts_the_verdict(difference, shown):
    assert mv.agreement(difference) == shown
    assert (float(shown.rstrip("%")) <= 10) == (difference <= mv.SPEEDUP_AGREEMENT)


def test_the_agreement_line_is_read_back_by_the_page():
    from finding_bottlenecks.cells import compare_agreement
    out = io.StringIO()
    rows = [{"script": "v.py", "median": 0.1, "speedup": 10.0}]
    mine = [{"script": "v.py", "median": 0.1, "speedup": 11.03}]
    env = {"CPU": "c", "Python": "p"}
    mv.print_comparison({"n": 1, "environment": env, "variants": rows},
                        {"n": 1, "environment": env, "variants": mine}, out)
    assert "10.3%  no" in out.getvalue()
    assert compare_agreement(out.getvalue()) == (0, 1)


@pytest.mark.parametrize("speedup, shown", [
    (1.0, "1.0x"), (1.9893, "2.0x"), (9.96, "10x"), (11.68, "12x"), (132.28, "130x"),
    (62706.6, "63,000x"),
])
def test_speed_ups_are_printed_to_two_significant_digits(speedup, shown):
    assert mv.times_faster(speedup) == shown
