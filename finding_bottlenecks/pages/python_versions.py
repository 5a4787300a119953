"""The Pythons compared: environments for each, then figures, tables, a chart and the claims of
the page, all read from the JSON that compare_pythons.py writes."""
import shlex

from IPython.display import Markdown

from executable_lesson.kernel.claims import claim, claim_above, claim_below, claim_slower
from executable_lesson.kernel.commands import CommandError
from executable_lesson.kernel.precision import at_least, ratio_spread, supported
from executable_lesson.support import build_context
from executable_lesson.support.learner_venv import learner_venv_steps
from finding_bottlenecks.charts import versions_chart
from finding_bottlenecks.checks import expected_verdict
from finding_bottlenecks.lesson_modules import BY_SCRIPT, END, SCRIPTS, START, STEPS, measure_variants
from finding_bottlenecks.pythons import find_pythons
from finding_bottlenecks.versions import VersionsError, short
from finding_bottlenecks.wording import listed

SHOWN = SCRIPTS  # the tables and the chart show every version, extras included
TAUGHT = [step.script for step in STEPS]  # the sentences speak of the episode's steps only
# The orders the episode teaches, (slower, faster): each step against the one it is compared with.
ORDERED = [step for step in STEPS if step.order]  # the steps the episode orders
EPISODE_ORDERS = [step.order for step in ORDERED]
# The step that changes the algorithm, (before, after): its growth with n changes.
ALGORITHM_STEP = next(((v.after, v.script) for v in STEPS
                       if v.after and v.growth != BY_SCRIPT[v.after].growth), None)
if ALGORITHM_STEP is None:
    raise VersionsError("no step of the episode changes how the work grows (its `growth`): the"
                        " comparison of Pythons quotes that step's gain")
SLICE_SUM = "sum_nexts_slice_sum.py"  # its inner work is the built-in sum() over floats
FLOAT_SUM = "print(sum([1e100, 1.0, -1e100]))"  # 0.0 before Python 3.12, 1.0 from 3.12 on
COMPENSATED_SUM = (3, 12)  # sum() of floats is compensated from 3.12 (gh-100425)
SUM_ALONE = "sum of floats"  # time_sum.py's names: what 3.12 changed, and two controls it did not
SUM_CONTROLS = ("copy of the floats", "sum of whole numbers")
SYS_MONITORING = (3, 12)  # cProfile hears of calls through sys.monitoring (PEP 669) from 3.12
LINE_PROFILER_MONITORING = (5, 0)  # ... and line_profiler of lines from its 5.0 on (4.x: settrace)


def python_environments(scratch):
    """A virtual environment from the learner's pins for every supported Python found, made in
    the scratch folder as venv-3.X with venv and pip (logged like every lesson command,
    so the build-cost replay makes them too). Returns their pythons, relative to the folder."""
    pythons = find_pythons()
    if not pythons:
        raise CommandError("no CPython to compare: set LESSON_PYTHONS to a list of interpreters")
    names = []
    for interpreter in pythons:
        folder = f"venv-{interpreter.minor}"
        scratch.run(*map(shlex.join, learner_venv_steps(interpreter.path, folder, "requirements.txt")))
        names.append(f"{folder}/bin/python")
    return names


class Comparison:
    """compare_pythons.py's measurements, and what the page says about them."""

    def __init__(self, data):
        self.n, self.rounds = data["n"], data["rounds"]
        self.results = data["pythons"]
        self.versions = [_version(r) for r in self.results]

    def median(self, result, step):
        return result["steps"][step]["median"]

    def alike(self, first, second):
        """Two Pythons of the same known source, built with the same options: like with like."""
        return _build_of(first) == _build_of(second) and "unknown" not in _build_of(first)[0]

    def sources(self):
        """What the Pythons compared are to each other: "single" (one Python), "alike" (one
        source, built alike: like with like) or "mixed"."""
        if len(self.results) == 1:
            return "single"
        return "alike" if all(self.alike(self.results[0], r) for r in self.results) else "mixed"

    def sum_pair(self):
        """(older, newer): the newest Python before 3.12 and the oldest from 3.12 that are built
        alike, the pair that shows what compensated summation costs; None if there is none."""
        older = [r for r, v in zip(self.results, self.versions) if _minor(v) < COMPENSATED_SUM]
        newer = [r for r, v in zip(self.results, self.versions) if _minor(v) >= COMPENSATED_SUM]
        pairs = [(old, new) for old in reversed(older) for new in newer if self.alike(old, new)]
        return pairs[0] if pairs else None

    def sum_figures(self):
        """What the pair of sum_pair() shows of slice_sum: the two versions, their build, the
        ratio of the medians (newer over older) to the digits its spread supports, and the case:
        "slower" when every round on the newer was slower than every round on the older, "close"
        when they overlap, "no-pair" when there is no such pair."""
        pair = self.sum_pair()
        if pair is None:
            return {"py_sum_case": "no-pair", "py_sum_alone_case": "no-pair"}
        old, new = pair
        slow, fast = new["steps"][SLICE_SUM], old["steps"][SLICE_SUM]

        def change(name):  # newer over older: as text, and the lowest and highest the rounds allow
            a, b = new["sum"][name], old["sum"][name]
            text = supported(a["median"] / b["median"], ratio_spread(a, b))
            return text, a["min"] / b["max"], a["max"] / b["min"]

        floats, controls = change(SUM_ALONE), [change(name) for name in SUM_CONTROLS]
        return {"py_sum_old": _version(old), "py_sum_new": _version(new),
                **{f"py_sum_{key}_text": text for key, (text, _, _) in
                   zip(("floats", "copy", "ints"), [floats, *controls])},
                # the new summation shows only where sum() of floats changed more than both
                # controls, beyond the spread of the rounds; else it is close to them
                "py_sum_alone_case": "more" if all(floats[1] > high for _, _, high in controls)
                else "close",
                "py_sum_build": _build(old),
                "py_sum_ratio_text": supported(slow["median"] / fast["median"],
                                               ratio_spread(slow, fast)),
                # said as measured: ordered only beyond the spread of the rounds, else close
                "py_sum_case": "slower" if slow["min"] > fast["max"] else "close"}

    def check_float_sum(self, run):
        """The run of FLOAT_SUM under each Python, in order: 0.0 before 3.12 and 1.0 from 3.12 on.
        (What it costs slice-and-sum is said as measured, in the py_sum_case blocks: no claim, since the
        difference may be within the spread on a busy machine.)"""
        printed = dict(zip(self.versions, [line.strip() for line in run.output.splitlines()
                                           if line.strip() and not line.startswith("$ ")]))
        expected = {v: "1.0" if _minor(v) >= COMPENSATED_SUM else "0.0" for v in self.versions}
        claim(printed == expected, "every Python before 3.12 prints 0.0 for sum([1e100, 1.0, -1e100])"
              " and every later one 1.0", printed=printed)

    def largest_difference(self):
        """(ratio, step, slower version, faster version): the widest gap between two Pythons, over
        the episode's steps."""
        best = (1.0, START.script, self.versions[0], self.versions[0])
        for step in TAUGHT:
            times = [(self.median(r, step), v) for r, v in zip(self.results, self.versions)]
            (fast, fast_v), (slow, slow_v) = min(times), max(times)
            if slow / fast > best[0]:
                best = (slow / fast, step, slow_v, fast_v)
        return best

    def figures(self):
        """Every number the page quotes, by glue key."""
        ratio, step, slow, fast = self.largest_difference()
        by_version = dict(zip(self.versions, self.results))
        slow_result, fast_result = by_version[slow], by_version[fast]
        algorithm = [self.median(r, ALGORITHM_STEP[0]) / self.median(r, ALGORITHM_STEP[1])
                     for r in self.results]
        total = [self.median(r, START.script) / self.median(r, END.script) for r in self.results]
        cprofile = [r["whole"]["cProfile"]["slowdown"] for r in self.results]
        kernprof = [r["whole"]["kernprof -l"]["slowdown"] for r in self.results]
        slow_row, fast_row = slow_result["steps"][step], fast_result["steps"][step]
        return {
            "py_count": len(self.results), "py_n": self.n, "py_rounds": self.rounds,
            "py_versions": listed(self.versions),
            "py_diff_ratio": ratio, "py_diff_ratio_text": supported(ratio, ratio_spread(slow_row, fast_row)),
            "py_diff_step": short(step), "py_diff_slow": slow,
            "py_diff_fast": fast,
            "py_diff_slow_build": _build(slow_result), "py_diff_fast_build": _build(fast_result),
            "py_diff_alike": self.alike(slow_result, fast_result),
            "py_sources": self.sources(), "py_first_build": _build(self.results[0]),
            **self.sum_figures(),
            "py_algorithm_from": short(ALGORITHM_STEP[0]), "py_algorithm_to": short(ALGORITHM_STEP[1]),
            "py_algorithm_gain_min": min(algorithm), "py_total_gain_min": min(total),
            "py_algorithm_gain_at_least": at_least(min(algorithm)),
            "py_total_gain_at_least": at_least(min(total)),
            "py_cprofile_min": min(cprofile), "py_cprofile_max": max(cprofile),
            "py_kernprof_min": min(kernprof), "py_kernprof_max": max(kernprof),
            "py_cprofile_range": self.slowdown_range("cProfile"),
            "py_kernprof_range": self.slowdown_range("kernprof -l"),
            **self.line_profiler_figures(),
            "py_lp_monitoring_release": ".".join(map(str, LINE_PROFILER_MONITORING)),
            "py_lp_tracing_releases": f"{LINE_PROFILER_MONITORING[0] - 1}.x",
            "py_swaps": "; ".join(f"{short(a)} and {short(b)}" for a, b in self.swapping_pairs())
                        or "none",
            "py_any_swaps": bool(self.swapping_pairs()),
        }

    def slowdown_range(self, profiler):
        """"3.9 to 4.4": the profiler's slowdowns over the Pythons, the lowest and the highest,
        each to the digits the spread of its rounds supports (one figure if they read alike)."""
        said = []
        for r in self.results:
            whole = r["whole"]
            said.append((whole[profiler]["slowdown"],
                         supported(whole[profiler]["slowdown"],
                                   ratio_spread(whole[profiler], whole["plain"]))))
        low, high = min(said)[1], max(said)[1]
        return low if low == high else f"{low} to {high}"

    def line_profiler_figures(self):
        """Which line_profiler each Python has, and on which of them it hears of lines through
        sys.monitoring: from line_profiler 5.0, on Python 3.12 and newer. `py_lp_monitoring` is
        "every" (each Python that has sys.monitoring), "some", "none", or "no-python" (no Python
        compared has sys.monitoring)."""
        releases = [r["environment"]["line_profiler"] for r in self.results]
        monitoring = [v for r, v in zip(self.results, self.versions)
                      if _minor(v) >= SYS_MONITORING and _release(r["environment"]["line_profiler"])
                      >= LINE_PROFILER_MONITORING]
        newer = [v for v in self.versions if _minor(v) >= SYS_MONITORING]
        case = ("no-python" if not newer else "every" if monitoring == newer
                else "some" if monitoring else "none")
        return {"py_lp_one_release": len(set(releases)) == 1, "py_lp_release": releases[0],
                "py_lp_releases": listed([f"{r} ({v})" for r, v in zip(releases, self.versions)]),
                "py_lp_monitoring": case, "py_lp_monitoring_on": listed(monitoring or ["none"])}

    def check_claims(self):
        """Correct first: every Python gives the same verdict for every step, and the expected
        one; then the sentences of the page."""
        for step in SHOWN:
            verdicts = {v: r["checks"][step] for r, v in zip(self.results, self.versions)}
            expected = expected_verdict(step)
            claim(set(verdicts.values()) == {expected},
                  f"every Python's answer check of {step} says '{expected}'", verdicts=verdicts)
        tagged = build_context.get("pythons_found")  # what book.py chose the text by
        claim(tagged is None or tagged == len(self.results),
              "the page's text was chosen for the number of Pythons compared",
              found_by_the_build=tagged, compared=len(self.results))
        # The episode's conclusions, step by step, hold on every Python as the episode claims
        # them: by its factor between the medians where it states one, else beyond the spread of
        # the rounds. Other pairs may change places between Pythons, and the page names them.
        for closing in ORDERED:
            slow, fast = closing.order
            for result, version in zip(self.results, self.versions):
                claim_slower(result["steps"][slow], result["steps"][fast],
                             f"on Python {version}, {short(slow)} is slower than {short(fast)}"
                             + (f" by more than {closing.by:g} times" if closing.by else ""),
                             by=closing.by)
        figures = self.figures()
        claim_below(figures["py_diff_ratio"], figures["py_algorithm_gain_min"] / 10,
                    "the largest difference between two Pythons is small beside the algorithm's"
                    " gain", gain=figures["py_algorithm_gain_min"])
        claim_above(figures["py_total_gain_min"], 1000,
                    "the versions span more than three powers of ten on every Python")
        for result, version in zip(self.results, self.versions):
            claim_slower(result["whole"]["kernprof -l"], result["whole"]["cProfile"],
                         f"on Python {version}, kernprof -l costs more than cProfile")

    def swapping_pairs(self):
        """Pairs of the episode's steps whose order by median is not the same on every Python."""
        swaps = []
        for i, first in enumerate(TAUGHT):
            for second in TAUGHT[i + 1:]:
                orders = {self.median(r, first) > self.median(r, second) for r in self.results}
                if len(orders) > 1:
                    swaps.append((first, second))
        return swaps

    def steps_table(self):
        header = "| Step | " + " | ".join(f"Python {v}" for v in self.versions) + " |"
        lines = [header, "| :-- |" + " --: |" * len(self.versions)]
        for step in SHOWN:
            cells = [f"{measure_variants.seconds(r['steps'][step]['median'])} "
                     f"({measure_variants.seconds(r['steps'][step]['min'])} - "
                     f"{measure_variants.seconds(r['steps'][step]['max'])})" for r in self.results]
            lines.append(f"| `{short(step)}` | " + " | ".join(cells) + " |")
        lines.append("| numpy | " + " | ".join(r["environment"]["numpy"] for r in self.results)
                     + " |")
        for row, part in (("Python from", 0), ("Python build", 1)):
            lines.append(f"| {row} | " + " | ".join(_build_of(r)[part] for r in self.results) + " |")
        return Markdown("\n".join(lines) + "\n")

    def profilers_table(self):
        header = "| Run of the original | " + " | ".join(f"Python {v}" for v in self.versions) + " |"
        lines = [header, "| :-- |" + " --: |" * len(self.versions)]
        for profiler in self.results[0]["whole"]:
            cells = [f"{measure_variants.seconds(r['whole'][profiler]['median'])}, "
                     f"{r['whole'][profiler]['slowdown']:.1f}x" for r in self.results]
            lines.append(f"| {profiler} | " + " | ".join(cells) + " |")
        lines.append("| line_profiler | "
                     + " | ".join(r["environment"]["line_profiler"] for r in self.results) + " |")
        return Markdown("\n".join(lines) + "\n")

    def chart(self):
        return versions_chart({f"Python {version}": [result["steps"][step] for step in SHOWN]
                               for result, version in zip(self.results, self.versions)},
                              [short(step) for step in SHOWN])


def float_sum_commands(pythons):
    """The float sum that Python 3.12 changed, as a learner types it, once per Python."""
    return [f'{python} -c "{FLOAT_SUM}"' for python in pythons]


def _build_of(result):
    """(where a Python comes from, what its sysconfig says of PGO and LTO), as
    measure_variants.py recorded them."""
    env = result["environment"]
    return env.get("Python from", "unknown source"), env.get("Python build", "not recorded")


def _build(result):
    return "; ".join(_build_of(result))


def _version(result):
    return result["environment"]["Python"].split()[0]


def _minor(version):
    return tuple(int(part) for part in version.split(".")[:2])


def _release(version):
    """(5, 1) from "5.1.0"; (0, 0) for "not installed"."""
    parts = []
    for part in version.split(".")[:2]:
        digits = "".join(c for c in part if c.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts) or (0, 0)
