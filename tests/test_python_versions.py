"""The comparison of Pythons: the script, the figures and claims drawn from it, and its page."""
import copy
import json
import re
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup
from conftest import LESSON_CODE, ROOT, glue_roles

from finding_bottlenecks.cells import ClaimError
from finding_bottlenecks.lesson_modules import BY_SCRIPT, END, START
from finding_bottlenecks.pages.python_versions import (
    EPISODE_ORDERS,
    SHOWN,
    SLICE_SUM,
    TAUGHT,
    Comparison,
    float_sum_commands,
)
from finding_bottlenecks.pythons import build_tags, find_pythons
from finding_bottlenecks.versions import short

PAGE_SOURCE = ROOT / "docs" / "python-versions.md"


def compare(*args):
    return subprocess.run([sys.executable, "compare_pythons.py", *args], cwd=LESSON_CODE,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """Two quick rounds with the interpreter that runs the tests."""
    path = tmp_path_factory.mktemp("pythons") / "pythons.json"
    result = compare("--n", "200", "--rounds", "2", "--json", str(path), sys.executable)
    assert result.returncode == 0, result.stderr
    return result.stdout, json.loads(path.read_text())


def test_the_script_times_every_step_and_profiler_and_checks_the_answers(tiny):
    output, data = tiny
    (result,) = data["pythons"]
    assert result["python"] == sys.executable
    assert list(result["steps"]) == SHOWN
    assert all(row["runs"] == 2 and row["min"] <= row["median"] <= row["max"]
               for row in result["steps"].values())
    assert set(result["whole"]) == {"plain", "cProfile", "kernprof -l"}
    assert result["whole"]["plain"]["slowdown"] == 1
    assert result["checks"] == {step: BY_SCRIPT[step].expected_check for step in SHOWN}
    assert result["checks"]["sum_nexts_original.py"] == "1 value missing"
    assert "median of 2 rounds" in output and "kernprof -l" in output
    # sum() of floats alone, beside its two controls, every round
    assert list(result["sum"]) == ["sum of floats", "copy of the floats", "sum of whole numbers"]
    assert all(row["runs"] == 2 and 0 < row["min"] <= row["median"] <= row["max"]
               for row in result["sum"].values())
    assert "sum() of 200 floats alone, and its controls" in output


# Medians at the lesson's n, in seconds, that every order and factor the episode states clears
# with room (at the tiny run's n = 200 the reverse cumulative sum's lead is smaller than at 2000)
CLEAR = {"sum_nexts_original.py": 1.0, "sum_nexts_preallocated.py": 0.5,
         "sum_nexts_slice_sum.py": 0.1, "sum_nexts_numpy_builtin_sum.py": 0.8,
         "sum_nexts_numpy_sum.py": 0.01, "sum_nexts_reverse_cumsum.py": 1e-5}


def two_pythons(tiny):
    """The tiny run as if from two Pythons built alike, with clear medians at every step
    (CLEAR, each ±2%), the second 1.5 times slower at every step."""
    _, data = tiny
    data = copy.deepcopy(data)
    (first,) = data["pythons"]
    first["environment"].update({"Python from": "pyenv", "Python build": "sysconfig: no PGO, no LTO"})
    for script, median in CLEAR.items():
        first["steps"][script].update(median=median, min=0.98 * median, max=1.02 * median)
    second = copy.deepcopy(first)
    second["environment"]["Python"] = "9.99.0 (CPython)"
    for row in second["steps"].values():
        for key in ("median", "min", "max"):
            row[key] *= 1.5
    data["pythons"] = [first, second]
    return data


def test_the_figures_name_the_widest_gap_between_pythons(tiny):
    figures = Comparison(two_pythons(tiny)).figures()
    assert figures["py_count"] == 2 and figures["py_diff_slow"] == "9.99.0"
    assert figures["py_diff_ratio"] == pytest.approx(1.5)
    assert figures["py_versions"].endswith(" and 9.99.0")


def test_the_prose_quotes_figures_to_the_precision_their_spread_supports(tiny):
    data = two_pythons(tiny)
    for python in data["pythons"]:  # every step's rounds within ±5% of its median
        for row in python["steps"].values():
            row["min"], row["max"] = 0.95 * row["median"], 1.05 * row["median"]
        python["whole"] = {"plain": {"median": 1.0, "min": 0.98, "max": 1.02, "slowdown": 1.0},
                           "cProfile": {"median": 4.07, "min": 4.0, "max": 4.1, "slowdown": 4.07},
                           "kernprof -l": {"median": 10.4, "min": 10.3, "max": 10.6,
                                           "slowdown": 10.4}}
    data["pythons"][1]["whole"]["cProfile"].update(median=4.4, slowdown=4.4)
    figures = Comparison(data).figures()
    assert figures["py_diff_ratio_text"] == "1.5"  # 1.5 ± 10%: two digits
    assert float(figures["py_algorithm_gain_at_least"].replace(",", "")) <= \
        figures["py_algorithm_gain_min"]
    assert float(figures["py_total_gain_at_least"].replace(",", "")) <= figures["py_total_gain_min"]
    assert figures["py_cprofile_range"] == "4.1 to 4.4" and figures["py_kernprof_range"] == "10.4"
    assert (figures["py_lp_monitoring_release"], figures["py_lp_tracing_releases"]) == ("5.0", "4.x")


def test_line_profilers_back_end_is_said_from_the_release_each_python_has(tiny):
    data = two_pythons(tiny)
    data["pythons"][0]["environment"]["Python"] = "3.11.7 (CPython)"
    data["pythons"][1]["environment"]["Python"] = "3.12.1 (CPython)"
    for python in data["pythons"]:
        python["environment"]["line_profiler"] = "5.1.0"
    said = Comparison(data).figures()
    assert (said["py_lp_one_release"], said["py_lp_release"]) == (True, "5.1.0")
    assert (said["py_lp_monitoring"], said["py_lp_monitoring_on"]) == ("every", "3.12.1")
    data["pythons"][1]["environment"]["line_profiler"] = "4.2.0"
    said = Comparison(data).figures()
    assert not said["py_lp_one_release"] and said["py_lp_releases"] == "5.1.0 (3.11.7) and 4.2.0 (3.12.1)"
    assert said["py_lp_monitoring"] == "none"
    data["pythons"][1]["environment"]["Python"] = "3.11.8 (CPython)"
    assert Comparison(data).figures()["py_lp_monitoring"] == "no-python"


def test_a_python_that_reverses_a_step_of_the_episode_fails_the_build(tiny):
    data = two_pythons(tiny)
    data["pythons"][1]["steps"][END.script] = {"median": 10.0, "min": 9.0, "max": 11.0}  # slowest
    with pytest.raises(ClaimError, match=f"on Python 9.99.0, {short(END.after)} is slower than"
                                         f" {END.short}"):
        Comparison(data).check_claims()


def test_steps_the_episode_does_not_compare_may_swap_and_are_named(tiny):
    """The original and numpy with the built-in sum change places between Pythons (3.13 and 3.14
    do): no conclusion of the episode rests on their order, so the build passes and names them."""
    data = two_pythons(tiny)
    a, b = START.script, "sum_nexts_numpy_builtin_sum.py"
    assert (a, b) not in EPISODE_ORDERS and (b, a) not in EPISODE_ORDERS
    for python, (slow, fast) in zip(data["pythons"], [(a, b), (b, a)]):
        python["steps"][slow] = {"median": 2.0, "min": 1.9, "max": 2.1}
        python["steps"][fast] = {"median": 1.5, "min": 1.4, "max": 1.6}
    comparison = Comparison(data)
    comparison.check_claims()
    assert comparison.figures()["py_swaps"] == f"{short(a)} and {short(b)}"


def test_a_wrong_answer_on_one_python_fails_the_build_first(tiny):
    data = two_pythons(tiny)
    data["pythons"][1]["checks"][SLICE_SUM] = "differs from position 3"
    data["pythons"][1]["steps"][END.script]["median"] = 10.0  # a later claim would fail too
    with pytest.raises(ClaimError, match="answer check of sum_nexts_slice_sum.py"):
        Comparison(data).check_claims()


def test_each_python_says_where_it_comes_from_and_how_it_was_built(tiny):
    output, data = tiny
    (result,) = data["pythons"]
    env = result["environment"]
    assert env["Python from"] and env["Python build"].startswith("sysconfig")
    assert f"{env['Python from']}; {env['Python build']}" in output


def test_the_prose_says_whether_it_compares_like_with_like(tiny):
    data = two_pythons(tiny)
    figures = Comparison(data).figures()
    assert figures["py_sources"] == "alike" and figures["py_diff_alike"]
    data["pythons"][1]["environment"]["Python from"] = "somewhere else"
    figures = Comparison(data).figures()
    assert figures["py_sources"] == "mixed" and not figures["py_diff_alike"]
    assert figures["py_diff_slow_build"].startswith("somewhere else; sysconfig")


def float_sums(data, *printed):
    """The page's run of the float sum on each Python of `data`, as if it printed `printed`."""
    from executable_lesson.kernel.commands import Run
    commands = float_sum_commands([f"venv-{i}/bin/python" for i in range(len(printed))])
    output = "".join(f"$ {command}\n{answer}\n" for command, answer in zip(commands, printed))
    return Run(commands, output, 0, 0.0)


def before_and_after_compensated_sum(tiny, slower):
    """The tiny run as from Python 3.11 and 3.12, built alike; slice-and-sum `slower` times as
    slow on 3.12."""
    data = two_pythons(tiny)
    data["pythons"][0]["environment"]["Python"] = "3.11.7 (CPython)"
    data["pythons"][1]["environment"]["Python"] = "3.12.1 (CPython)"
    old, new = (python["steps"][SLICE_SUM] for python in data["pythons"])
    new.update({key: old[key] * slower for key in ("median", "min", "max")})
    return data


def test_the_float_sum_changed_with_python_3_12(tiny):
    data = before_and_after_compensated_sum(tiny, 2.0)
    comparison = Comparison(data)
    comparison.check_float_sum(float_sums(data, "0.0", "1.0"))
    said = comparison.figures()
    assert (said["py_sum_old"], said["py_sum_new"], said["py_sum_case"]) == ("3.11.7", "3.12.1", "slower")
    assert float(said["py_sum_ratio_text"]) == pytest.approx(2.0)
    with pytest.raises(ClaimError, match="every Python before 3.12 prints 0.0"):
        comparison.check_float_sum(float_sums(data, "0.0", "0.0"))


def test_slice_and_sum_on_3_12_is_said_as_measured_and_only_for_pythons_built_alike(tiny):
    data = before_and_after_compensated_sum(tiny, 1.0)  # no slower: close, not ordered
    comparison = Comparison(data)
    comparison.check_float_sum(float_sums(data, "0.0", "1.0"))
    assert comparison.figures()["py_sum_case"] == "close"
    data["pythons"][1]["environment"]["Python build"] = "a build unlike the first"
    comparison = Comparison(data)
    comparison.check_float_sum(float_sums(data, "0.0", "1.0"))  # builds differ: no timing claim
    assert comparison.figures()["py_sum_case"] == "no-pair"


# -- the page, as built -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def page(book):
    return BeautifulSoup(book.page("python-versions"), "html.parser")


@pytest.fixture(scope="module")
def published(book):
    return json.loads((book.html / "pythons.json").read_text())


def test_every_prose_number_is_the_published_one(page, published):
    from finding_bottlenecks.cells import lesson_n
    expected = {**Comparison(published).figures(), "episode_n": lesson_n()}
    roles = glue_roles(PAGE_SOURCE.read_text(), build_tags(len(published["pythons"])), expected)
    spans = [s.get_text() for s in page.select("span.pasted-text")]
    assert len(spans) == len(roles) > 5
    for (key, spec), shown in zip(roles, spans):
        assert shown == format(expected[key], spec), (key, shown, expected[key])


def test_the_prose_says_how_many_pythons_were_compared(page, published):
    # CI's job on the oldest Python finds only its own: that build shows the one-Python text.
    text = page.get_text(" ")
    several = len(published["pythons"]) > 1
    assert ("largest difference between two Pythons" in text) == several
    assert ("Only one Python was found here" in text) == (not several)


def test_the_page_compares_every_python_found(page, published):
    versions = [r["environment"]["Python"].split()[0] for r in published["pythons"]]
    assert [v.rsplit(".", 1)[0] for v in versions] == [p.minor for p in find_pythons()]
    header = [th.get_text(strip=True) for th in page.select("table")[0].select("th")]
    assert header == ["Step"] + [f"Python {v}" for v in versions]
    assert page.select_one('a[href="pythons.json"][download]') is not None
    image = page.select_one("figure#fig-pythons img")
    assert image is not None and image["src"].endswith(".svg") and len(image["alt"]) > 80


def test_the_largest_difference_can_be_read_off_the_shown_output(page, published):
    # Recomputed from the printed table (three significant digits), not from the JSON.
    (output,) = [pre.get_text() for pre in page.select("div.highlight-console pre")
                 if pre.get_text().startswith("$ python compare_pythons.py")]
    units = {"s": 1, "ms": 1e-3, "µs": 1e-6, "ns": 1e-9}
    ratios = []
    for step in TAUGHT:  # the largest difference is over the episode's steps
        (line,) = [line for line in output.splitlines()
                   if line.startswith(step + " ") and "whole process" not in line]
        times = [float(v) * units[u] for v, u in re.findall(r"([\d.]+) (s|ms|µs|ns)\b", line)]
        ratios.append(max(times) / min(times))
    assert max(ratios) == pytest.approx(Comparison(published).figures()["py_diff_ratio"], rel=0.02)


@pytest.mark.parametrize("floats,case", [(2.0, "more"), (1.0, "close")])
def test_the_sum_of_floats_is_set_beside_its_controls(tiny, floats, case):
    """On 3.12, sum() of floats `floats` times as slow and its controls as before: the page says
    the floats' sum changed more, beyond the spread, only when every round allows it."""
    data = before_and_after_compensated_sum(tiny, 1.3)
    old, new = (python["sum"] for python in data["pythons"])
    for name, row in old.items():  # clear rounds (±2%), whatever the machine did in the tiny run
        row.update(min=0.98 * row["median"], max=1.02 * row["median"])
    for name, row in new.items():
        factor = floats if name == "sum of floats" else 1.0
        row.update({key: old[name][key] * factor for key in ("median", "min", "max")})
    said = Comparison(data).figures()
    assert said["py_sum_alone_case"] == case
    assert float(said["py_sum_floats_text"]) == pytest.approx(floats)
    assert float(said["py_sum_copy_text"]) == pytest.approx(1.0)
