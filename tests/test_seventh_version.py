"""A seventh version of sum_nexts, a new algorithm added as CONTRIBUTING says (its script and one
entry in sum_nexts_versions.toml, as an extra), shows in every table, chart and comparison, and
changes nothing the pages say about the other versions: every figure and claim about them is the
same, on the same measurements, with the extra and without it. Without its entry, the build
fails naming it.

A small book (tests/support/versions_book/), built on a copy of the repository with the extra,
shows it where the lesson's pages show every version: the measuring script's table, the timing
bars, the scaling lines and the comparison of Pythons.

The extra, sum_nexts_accumulate.py (tests/support/seventh_version.py), is a real one-pass
algorithm, and its entry sits in the middle of the description (after slice-and-sum), where a
position-based reading would have taken it for a step of the episode."""
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap

import pytest
from bs4 import BeautifulSoup

from tests.support.book_copy import ROOT, copy_book
from tests.support.seventh_version import ENTRY, script_text

NEW = "sum_nexts_accumulate.py"
BOOK = ROOT / "tests" / "support" / "versions_book"
AFTER = 'script = "sum_nexts_slice_sum.py"'  # the entry goes after this version's

# Runs inside the copy, on measurements made once (with the extra): everything that lists the
# versions, read as the build reads it, and every claim the pages check of them, recorded
# rather than raised (small n: a claim meant for the lesson's n may not hold here).
PROBE = textwrap.dedent("""
    import json, sys
    import executable_lesson.kernel.claims
    said = []
    executable_lesson.kernel.claims._check = lambda holds, statement, *rest: said.append(statement)

    from finding_bottlenecks.lesson_modules import SCRIPTS
    from finding_bottlenecks.pages import episode, going_further, python_versions
    from finding_bottlenecks.charts import scaling_plot, timing_bars

    def only_known(rows):  # the measurements as a build without the extra would have made them
        return [row for row in rows if row["script"] in SCRIPTS or row["script"].startswith("floor")]

    data, pythons = (json.load(open(path)) for path in sys.argv[1:3])
    data["variants"] = only_known(data["variants"])
    for python in pythons["pythons"]:
        python["steps"] = {s: row for s, row in python["steps"].items() if s in SCRIPTS}
        python["checks"] = {s: check for s, check in python["checks"].items() if s in SCRIPTS}

    timings = episode.Timings(data)
    from types import SimpleNamespace  # start-up and whole runs, as time_commands.py would give
    timings.check_claims(SimpleNamespace(whole={"numpy_sum": 1.0}, start_up=0.5,
                                         share=lambda seconds, version: 100 * seconds))
    comparison = python_versions.Comparison(pythons)
    comparison.check_claims()
    bars = timing_bars(data["variants"]).axes[0]
    points = {s: [{"n": 2 ** k, "median": 2.0 ** (k * (1 + i / 10))} for k in range(8, 12)]
              for i, s in enumerate(SCRIPTS)}
    plot = scaling_plot(points, {s: 1.0 for s in SCRIPTS}).axes[0]
    print(json.dumps({
        "versions": SCRIPTS,
        "figures": timings.figures() | comparison.figures(),
        "claims": said,
        "bars": [label.get_text() for label in bars.get_yticklabels()],
        "lines": [line.get_label() for line in plot.get_lines()],
        "markers": [line.get_marker() for line in plot.get_lines()],
        "compared": str(comparison.steps_table().data),
        "memory": going_further.LIST_VERSIONS + going_further.ARRAY_VERSIONS,
    }))
""")


def run(folder, *args):
    return subprocess.run([sys.executable, *args], cwd=folder, capture_output=True, text=True,
                          timeout=300)


@pytest.fixture(scope="module")
def copy(tmp_path_factory):
    folder = copy_book(tmp_path_factory.mktemp("seventh") / "repo", sys.prefix)
    (folder / "lesson_code" / NEW).write_text(script_text(folder / "lesson_code"))
    return folder


def add_entry(folder):
    description = folder / "lesson_code" / "sum_nexts_versions.toml"
    text = description.read_text()
    at = text.index("\n\n[[version]]", text.index(AFTER))  # the end of that version's entry
    description.write_text(text[:at] + "\n" + ENTRY.rstrip("\n") + text[at:])


def probe(folder, measurements, pythons):
    result = run(folder, "-c", PROBE, str(measurements), str(pythons))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_seventh_version_without_its_entry_fails_naming_it(copy):
    result = run(copy, "-c", "import finding_bottlenecks.lesson_modules")
    assert result.returncode != 0
    assert f"{NEW} has no entry in sum_nexts_versions.toml" in result.stderr


@pytest.fixture(scope="module")
def measured(copy):
    """The book's view with the extra and without it, on one set of measurements."""
    add_entry(copy)
    code = copy / "lesson_code"
    for command in (["measure_variants.py", "--n", "300", "--budget", "0.02", "--repeats", "3",
                     "--json", "m.json"],
                    ["compare_pythons.py", "--n", "200", "--rounds", "1", "--json", "p.json",
                     sys.executable]):
        result = run(code, *command)
        assert result.returncode == 0, result.stderr
    with_extra = probe(copy, code / "m.json", code / "p.json")
    backup = code.parent / "with-extra.toml"
    shutil.copy2(code / "sum_nexts_versions.toml", backup)
    shutil.copy2(ROOT / "lesson_code" / "sum_nexts_versions.toml", code / "sum_nexts_versions.toml")
    (code / NEW).rename(code.parent / NEW)
    try:
        without = probe(copy, code / "m.json", code / "p.json")
    finally:
        (code.parent / NEW).rename(code / NEW)
        shutil.copy2(backup, code / "sum_nexts_versions.toml")
    return with_extra, without, json.loads((code / "m.json").read_text())


def test_the_extra_shows_in_every_table_and_chart(measured):
    found, without, data = measured
    assert len(found["versions"]) == 7 and NEW in found["versions"]
    assert found["versions"].index(NEW) == found["versions"].index("sum_nexts_slice_sum.py") + 1
    row = {r["script"]: r for r in data["variants"]}[NEW]  # measure_variants.py's table and JSON
    assert row["check"] == "agrees"  # correct first: its answer agrees with the reference
    assert "sum_nexts_accumulate" in found["bars"]  # the timing chart
    assert len(found["lines"]) == 7 and any(label.startswith("accumulate") for label in found["lines"])
    assert len(set(found["markers"])) == 7  # a marker of its own
    assert "`accumulate`" in found["compared"] and "`accumulate`" not in without["compared"]
    assert "accumulate" in found["memory"]  # the memory page
    assert {"f_accumulate", "x_accumulate_text"} <= set(found["figures"])  # the episode's table


def test_every_claim_about_the_other_versions_is_the_same(measured):
    found, without, _ = measured
    about_it = [claim for claim in found["claims"] if "accumulate" in claim]
    # correct first, the extra too; but no sentence compares it with a step
    assert about_it and all("answer check of sum_nexts_accumulate.py" in claim for claim in about_it)
    assert [claim for claim in found["claims"] if claim not in about_it] == without["claims"]


def test_every_figure_about_the_other_versions_is_the_same(measured):
    found, without, _ = measured
    new = {key for key in found["figures"] if "accumulate" in key}
    assert set(found["figures"]) - new == set(without["figures"])
    assert {key: found["figures"][key] for key in without["figures"]} == without["figures"]


@pytest.fixture(scope="module")
def book(measured, copy, tmp_path_factory):
    """The small book, built on the copy that has the extra (a kernel: seconds, not minutes)."""
    out = tmp_path_factory.mktemp("versions-book")
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-W", "--keep-going", "-E", "-q", str(BOOK),
         str(out / "html"), "-d", str(out / "doctrees")],
        env={name: value for name, value in os.environ.items() if not name.startswith("LESSON_")}
        # an IPython profile of its own: not the user's, which other tests' kernels may be using
        | {"VERSIONS_ROOT": str(copy), "IPYTHONDIR": str(out / "ipython")},
        cwd=out, text=True, timeout=600, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    # the failing cell's traceback comes before Sphinx's own report of the crash
    assert result.returncode == 0, result.stdout.split("\nVersions\n========")[0][-6000:]
    return out / "html"


@pytest.mark.slow  # a kernel, and every version timed at small n
def test_the_built_book_shows_the_extra_in_every_table_and_chart(book):
    page = BeautifulSoup((book / "index.html").read_text(encoding="utf-8"), "html.parser")
    [table] = [pre.get_text() for pre in page.select("pre") if "speed-up" in pre.get_text()]
    assert re.search(rf"^{re.escape(NEW)} .* agrees$", table, re.MULTILINE), table
    charts = [(book / img["src"]).read_text(encoding="utf-8") for img in page.select("img")
              if img["src"].endswith(".svg")]
    assert len(charts) == 2  # the bars, the scaling lines: both name it, as text
    assert all("accumulate" in chart for chart in charts)
    [compared] = page.select("table")
    rows = [tr.get_text(" ", strip=True) for tr in compared.select("tbody tr")]
    assert any(row.startswith("accumulate ") for row in rows), rows
