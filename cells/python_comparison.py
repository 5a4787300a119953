"""The Pythons compared: environments for each, then figures, tables, a chart and the claims of
the page, all read from the JSON that compare_pythons.py writes."""
import os
import shlex

from IPython.display import Markdown

from .checks import expected_verdict
from .claims import claim, claim_above, claim_below
from .commands import CommandError
from .lesson_code import measure_variants, short
from .pythons import find_pythons, learner_venv_steps

STEPS = list(measure_variants.VARIANTS)
ALGORITHM_STEP = (STEPS[-2], STEPS[-1])  # numpy's .sum() per slice, then one reverse cumsum


def python_environments(scratch):
    """A virtual environment from the learner's pins for every supported Python found, made in
    the scratch folder as venv-3.X with uv (quick and quiet; logged like every lesson command,
    so the build-cost replay makes them too). Returns their pythons, relative to the folder."""
    pythons = find_pythons()
    if not pythons:
        raise CommandError("no CPython to compare: set LESSON_PYTHONS to a list of interpreters")
    names = []
    for interpreter in pythons:
        folder = f"venv-{interpreter.minor}"
        scratch.run(*map(shlex.join, learner_venv_steps(interpreter.path, folder)))
        names.append(f"{folder}/bin/python")
    return names


class Comparison:
    """compare_pythons.py's measurements, and what the page says about them."""

    def __init__(self, data):
        self.n, self.rounds = data["n"], data["rounds"]
        self.results = data["pythons"]
        self.versions = [r["environment"]["Python"].split()[0] for r in self.results]

    def median(self, result, step):
        return result["steps"][step]["median"]

    def largest_difference(self):
        """(ratio, step, slower version, faster version): the widest gap between two Pythons."""
        best = (1.0, STEPS[0], self.versions[0], self.versions[0])
        for step in STEPS:
            times = [(self.median(r, step), v) for r, v in zip(self.results, self.versions)]
            (fast, fast_v), (slow, slow_v) = min(times), max(times)
            if slow / fast > best[0]:
                best = (slow / fast, step, slow_v, fast_v)
        return best

    def figures(self):
        """Every number the page quotes, by glue key."""
        ratio, step, slow, fast = self.largest_difference()
        algorithm = [self.median(r, ALGORITHM_STEP[0]) / self.median(r, ALGORITHM_STEP[1])
                     for r in self.results]
        total = [self.median(r, STEPS[0]) / self.median(r, STEPS[-1]) for r in self.results]
        cprofile = [r["whole"]["cProfile"]["slowdown"] for r in self.results]
        kernprof = [r["whole"]["kernprof -l"]["slowdown"] for r in self.results]
        return {
            "py_count": len(self.results), "py_n": self.n, "py_rounds": self.rounds,
            "py_versions": _and(self.versions),
            "py_diff_ratio": ratio, "py_diff_step": short(step), "py_diff_slow": slow,
            "py_diff_fast": fast,
            "py_algorithm_gain_min": min(algorithm), "py_total_gain_min": min(total),
            "py_cprofile_min": min(cprofile), "py_cprofile_max": max(cprofile),
            "py_kernprof_min": min(kernprof), "py_kernprof_max": max(kernprof),
            "py_cprofile_range": _range(cprofile), "py_kernprof_range": _range(kernprof),
            "py_swaps": "; ".join(f"{short(a)} and {short(b)}" for a, b in self.swapping_pairs())
                        or "none",
        }

    def check_claims(self):
        """Correct first: every Python gives the same verdict for every step, and the expected
        one; then the sentences of the page."""
        for step in STEPS:
            verdicts = {v: r["checks"][step] for r, v in zip(self.results, self.versions)}
            expected = expected_verdict(step)
            claim(set(verdicts.values()) == {expected},
                  f"every Python's answer check of {step} says '{expected}'", verdicts=verdicts)
        tagged = os.environ.get("LESSON_PYTHONS_FOUND")  # what book_extension chose the text by
        claim(tagged is None or int(tagged) == len(self.results),
              "the page's text was chosen for the number of Pythons compared",
              found_by_the_build=tagged, compared=len(self.results))
        # An order one Python shows beyond the spread of its rounds, every Python keeps (by its
        # medians); the pairs whose order changes between Pythons are close, and named.
        for slow, fast in self.separated_pairs():
            ratios = {v: self.median(r, slow) / self.median(r, fast)
                      for r, v in zip(self.results, self.versions)}
            claim_above(min(ratios.values()), 1,
                        f"{short(slow)} is slower than {short(fast)} on every Python, since one"
                        " Python shows it beyond the spread", medians_ratio=ratios)
        figures = self.figures()
        claim_below(figures["py_diff_ratio"], figures["py_algorithm_gain_min"] / 10,
                    "the largest difference between two Pythons is small beside the algorithm's"
                    " gain", gain=figures["py_algorithm_gain_min"])
        claim_above(figures["py_total_gain_min"], 1000,
                    "the versions span more than three powers of ten on every Python")
        claim_above(figures["py_kernprof_min"], figures["py_cprofile_max"],
                    "kernprof -l costs more than cProfile on every Python")

    def separated_pairs(self):
        """(slower, faster) step pairs that some Python orders beyond its spread: the slower
        step's fastest round slower than the faster step's slowest."""
        pairs = set()
        for result in self.results:
            for slow in STEPS:
                for fast in STEPS:
                    if result["steps"][slow]["min"] > result["steps"][fast]["max"]:
                        pairs.add((slow, fast))
        return sorted(pairs, key=lambda pair: (STEPS.index(pair[0]), STEPS.index(pair[1])))

    def swapping_pairs(self):
        """Step pairs whose order by median is not the same on every Python."""
        swaps = []
        for i, first in enumerate(STEPS):
            for second in STEPS[i + 1:]:
                orders = {self.median(r, first) > self.median(r, second) for r in self.results}
                if len(orders) > 1:
                    swaps.append((first, second))
        return swaps

    def steps_table(self):
        header = "| Step | " + " | ".join(f"Python {v}" for v in self.versions) + " |"
        lines = [header, "| :-- |" + " --: |" * len(self.versions)]
        for step in STEPS:
            cells = [f"{measure_variants.seconds(r['steps'][step]['median'])} "
                     f"({measure_variants.seconds(r['steps'][step]['min'])} - "
                     f"{measure_variants.seconds(r['steps'][step]['max'])})" for r in self.results]
            lines.append(f"| `{short(step)}` | " + " | ".join(cells) + " |")
        lines.append("| numpy | " + " | ".join(r["environment"]["numpy"] for r in self.results)
                     + " |")
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
        from .figures import plt
        fig, ax = plt.subplots(figsize=(7.5, 4.6))
        x = range(len(STEPS))
        for result, version, marker in zip(self.results, self.versions, "osD^vP"):
            rows = [result["steps"][step] for step in STEPS]
            medians = [row["median"] for row in rows]
            ax.errorbar(x, medians, yerr=[[m - row["min"] for m, row in zip(medians, rows)],
                                          [row["max"] - m for m, row in zip(medians, rows)]],
                        marker=marker, markersize=5, capsize=3, label=f"Python {version}")
        ax.set_yscale("log")
        ax.set_xticks(list(x), [short(step).replace("_", "\n") for step in STEPS], fontsize=8)
        ax.set_ylabel("seconds per call (median, log scale)")
        ax.grid(True, axis="y", which="major", alpha=0.3)
        ax.legend(fontsize=8)
        fig.tight_layout()
        return fig


def _and(words):
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _range(values):
    low, high = min(values), max(values)
    return f"{low:.1f}" if f"{low:.1f}" == f"{high:.1f}" else f"{low:.1f} to {high:.1f}"
