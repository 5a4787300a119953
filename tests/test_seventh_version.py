"""A seventh version of sum_nexts, added the way CONTRIBUTING says (its script and one entry in
sum_nexts_versions.toml), reaches every place that lists the versions: the timing table, the
charts (with a marker of its own), the episode's figures, the answer checks, the Python
comparison and the memory page. Without its entry, the build fails naming it."""
import json
import subprocess
import sys
import textwrap

import pytest

from tests.support.book_copy import copy_book

NEW = "sum_nexts_seventh.py"
ENTRY = f"""
[[version]]
script = "{NEW}"
label = "a seventh version"
growth = "linear"
data = "array"
after = "sum_nexts_numpy_sum.py"
verdict = "faster"
"""

# Runs inside the copy: everything that lists the versions, read as the build reads it.
PROBE = textwrap.dedent("""
    import json, subprocess, sys
    from build_support.lesson_modules import VERSIONS, measure_variants as mv
    from build_support.settings import LESSON_CODE
    from cells.checks import check_variants
    from cells.pages import episode, going_further, python_versions
    from charts.figures import scaling_plot, timing_bars

    scripts = [v.script for v in VERSIONS]
    subprocess.run([sys.executable, "measure_variants.py", "--n", "300", "--budget", "0.02",
                    "--repeats", "3", "--json", "m.json"], cwd=LESSON_CODE, check=True,
                   stdout=subprocess.DEVNULL)
    data = json.loads((LESSON_CODE / "m.json").read_text())
    figures = episode.Timings(data).figures()
    bars = timing_bars(data["variants"]).axes[0]
    points = {s: [{"n": 2 ** k, "median": 2.0 ** (k * (1 + i / 10))} for k in range(8, 12)]
              for i, s in enumerate(scripts)}
    plot = scaling_plot(points, {s: 1.0 for s in scripts}).axes[0]
    print(json.dumps({
        "versions": scripts,
        "table": [row["script"] for row in data["variants"]],
        "figures": sorted(figures),
        "bars": [label.get_text() for label in bars.get_yticklabels()],
        "lines": [line.get_label() for line in plot.get_lines()],
        "markers": [line.get_marker() for line in plot.get_lines()],
        "checks": {row["script"]: row["check"] for row in check_variants(LESSON_CODE, scripts, 60)},
        "compared": python_versions.STEPS,
        "orders": python_versions.EPISODE_ORDERS,
        "memory": going_further.LIST_STEPS + going_further.ARRAY_STEPS,
    }))
""")


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    folder = copy_book(tmp_path_factory.mktemp("seventh") / "repo", sys.prefix)
    code = folder / "lesson_code"
    (code / NEW).write_text((code / "sum_nexts_reverse_cumsum.py").read_text())
    return folder


def probe(folder):
    return subprocess.run([sys.executable, "-c", PROBE], cwd=folder, capture_output=True,
                          text=True, timeout=300)


def test_a_seventh_version_without_its_entry_fails_naming_it(copy):
    result = probe(copy)
    assert result.returncode != 0
    assert f"{NEW} has no entry in sum_nexts_versions.toml" in result.stderr


def test_a_seventh_version_with_its_entry_reaches_every_list(copy):
    description = copy / "lesson_code" / "sum_nexts_versions.toml"
    description.write_text(description.read_text() + ENTRY)
    result = probe(copy)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["versions"][-1] == NEW and len(found["versions"]) == 7
    assert NEW in found["table"]  # measure_variants.py's table and JSON
    assert {"f_seventh", "x_seventh_text"} <= set(found["figures"])  # the episode's summary
    assert "sum_nexts_seventh" in found["bars"]  # the timing chart
    assert len(found["lines"]) == 7 and any(label.startswith("seventh") for label in found["lines"])
    assert len(set(found["markers"])) == 7  # a marker of its own
    assert found["checks"][NEW] == "agrees"  # the answer checks
    assert NEW in found["compared"]  # the comparison of Pythons
    assert ["sum_nexts_numpy_sum.py", NEW] in found["orders"]  # ... and the step it closes
    assert "seventh" in found["memory"]  # the memory page
