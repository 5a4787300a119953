"""Go further's section on Python 3.15's own sampling profiler, Tachyon (`python -m
profiling.sampling`): what its cells ran, the claims its prose makes about each output, and the
figures it quotes.

- its first run: the rate and error rate it printed, beside py-spy's samples;
- its flame graph: the widest lines, and how far their shares can be trusted;
- its heat map, beside kernprof's table of the same function;
- a differential flame graph of the episode's first step;
- wall-clock against CPU mode, on a program that waits and works.

Each function takes what a cell ran. Where the build's Python is older than 3.15 the cell only
showed its commands, and the same figures come back as NOT_MEASURED (the prose quoting them
sits in an {only} block such a build leaves out).
"""
import math
import re

from executable_lesson.kernel.claims import claim, claim_above, claim_below
from executable_lesson.kernel.precision import share_spread
from executable_lesson.kernel.publish import publish_bytes
from executable_lesson.kernel.record import NOT_MEASURED
from finding_bottlenecks.readers.flame_graphs import TachyonFlame, heat_map_lines, tachyon_summary, tachyon_table
from finding_bottlenecks.readers.text_output import kernprof_table
from finding_bottlenecks.sampling import py_spy_rate, tachyon_rate

HOT_SHARE = 10  # % of the function's time or samples: a line above it is hot

# The documentation's own figures for how far a share of samples can be trusted ("How time is
# estimated", profiling.sampling): a function at 5% of 1,000 samples could really take 3% to 7%
# of the time; with 100,000 samples, its margin is roughly 0.5 of a point.
DOCS_SHARE, DOCS_FEW, DOCS_FEW_RANGE, DOCS_MANY, DOCS_MANY_MARGIN = 5, 1000, (3, 7), 100_000, 0.5


def shown_not_run(run):
    return not hasattr(run, "returncode")


def margin(share, samples):
    """Twice the standard error of a share (in %) of `samples` samples, in points of %: a count
    of samples strays this far from its expected value about one run in twenty."""
    return 2 * share * share_spread(share / 100, samples) if share else 0.0


def difference_margin(first, second, samples):
    """The same for the difference of two shares (in %) of the same samples."""
    p, q = first / 100, second / 100
    return 200 * math.sqrt((p + q - (p - q) ** 2) / samples)


def publish_page(lesson, name):
    """Publish a page a command wrote in the lesson folder as `name`, with the folder's path taken
    out of it: a learner sees the script's name, not the build's scratch folder."""
    text = lesson.file(name).read_text(encoding="utf-8").replace(f"{lesson.path}/", "")
    publish_bytes(text.encode("utf-8"), name)


def publish_folder(lesson, folder):
    for path in sorted(lesson.file(folder).iterdir()):
        publish_page(lesson, f"{folder}/{path.name}")


# -- its first run ------------------------------------------------------------------------------

FIRST_RUN = ["tachyon_samples", "tachyon_rate", "tachyon_error", "tachyon_default_rate",
             "tachyon_rate_ratio"]


def first_run_figures(run, lesson, py_spy_samples):
    """What Python 3.15's profiling.sampling printed (`Captured N samples in T seconds`,
    `Sample rate: R samples/sec`, `Error rate: E`) and its default rate, beside py-spy's samples
    of the same run (a number, or NOT_MEASURED where py-spy was refused)."""
    if shown_not_run(run):
        return dict.fromkeys(FIRST_RUN, NOT_MEASURED)
    samples, rate, error = tachyon_summary(run.output)
    default = tachyon_rate(lesson)
    ratio = default / py_spy_rate(lesson)
    if py_spy_samples == py_spy_samples:  # not NaN: py-spy ran
        claim_above(samples / py_spy_samples, ratio / 3,
                    "Tachyon, at its default rate, takes many more samples of the run than py-spy",
                    tachyon=samples, py_spy=py_spy_samples)
    return dict(zip(FIRST_RUN, [samples, rate, error, default, ratio]))


# -- its flame graph ----------------------------------------------------------------------------

FLAME = ["tachyon_flame_captured", "tachyon_flame_samples", "tachyon_flame_kb",
         *[f"tachyon_{rank}_{item}" for rank in ("first", "second", "third")
           for item in ("line", "source", "share", "margin")],
         "tachyon_first_lead", "tachyon_lead_margin"]


def flame_figures(run, lesson, script, page="tachyon-flame.html"):
    """Tachyon's flame graph of `script`: published as `page`, and read back for the text that
    stands for it (its widest boxes: the lines of sum_nexts where the samples found it, with
    their shares of the graph's samples, each with its margin), with the documentation's
    figures for such margins, which every build quotes."""
    if shown_not_run(run):
        return dict.fromkeys(FLAME, NOT_MEASURED) | docs_figures()
    captured, _, _ = tachyon_summary(run.output)
    path = lesson.file(page)
    graph = TachyonFlame(path.read_text(encoding="utf-8"))
    claim(0 < graph.total <= captured, "Tachyon's flame graph holds samples, no more than it"
          " captured (those whose stack it could not read are left out)",
          graph=graph.total, captured=captured)
    lines = list(graph.lines_of("sum_nexts").items())[:3]
    claim(len(lines) == 3, "the flame graph shows three lines of sum_nexts", lines=lines)
    shares = [100 * samples / graph.total for _, samples in lines]
    lead, lead_margin = shares[0] - shares[1], difference_margin(*shares[:2], graph.total)
    claim_above(lead / lead_margin, 1, f"line {lines[0][0]} is the widest box of sum_nexts in"
                f" Tachyon's flame graph, ahead of line {lines[1][0]} by more than the margin of"
                " their difference (twice its standard error)", shares=shares, margin=lead_margin)
    publish_page(lesson, page)
    source = lesson.file(script).read_text(encoding="utf-8").splitlines()
    found = {"tachyon_flame_captured": captured, "tachyon_flame_samples": graph.total,
             "tachyon_flame_kb": path.stat().st_size / 1000, "tachyon_first_lead": lead,
             "tachyon_lead_margin": lead_margin}
    for rank, (line, _), share in zip(("first", "second", "third"), lines, shares):
        found |= {f"tachyon_{rank}_line": line, f"tachyon_{rank}_source": source[line - 1].strip(),
                  f"tachyon_{rank}_share": share,
                  f"tachyon_{rank}_margin": margin(share, graph.total)}
    return found | docs_figures()


def docs_figures():
    """The documentation's figures for 1,000 and 100,000 samples, beside what the rule gives for
    the same share: the rule's margins fall within the documentation's rounder ones."""
    few, many = margin(DOCS_SHARE, DOCS_FEW), margin(DOCS_SHARE, DOCS_MANY)
    low, high = DOCS_FEW_RANGE
    claim(low <= DOCS_SHARE - few and DOCS_SHARE + few <= high and many <= DOCS_MANY_MARGIN,
          "the rule's margins for a share of 5% fall within the documentation's figures for 1,000"
          " and 100,000 samples", few=few, many=many)
    return {"docs_share": DOCS_SHARE, "docs_few": DOCS_FEW, "docs_few_low": low,
            "docs_few_high": high, "docs_many": DOCS_MANY, "docs_many_margin": DOCS_MANY_MARGIN,
            "rule_few_margin": few, "rule_many_margin": many}


# -- its heat map, beside kernprof --------------------------------------------------------------

HEAT_RANKS = ("first", "second", "third")  # the hot lines, in the order of the source
HEAT = [*[f"heat_{rank}_{item}" for rank in HEAT_RANKS for item in ("line", "kernprof", "tachyon")],
        "heat_samples", "heat_kernprof_spread", "heat_tachyon_spread"]


def heat_figures(run, lesson, script, folder="tachyon-heatmap"):
    """Tachyon's heat map of `script` (`--heatmap -o folder`), published, set beside the table of
    sum_nexts that kernprof printed after it in the same `run`, for the same n: which lines both
    find hot (each above HOT_SHARE % of the function), and how evenly each divides the time among
    them (the largest share over the smallest)."""
    if shown_not_run(run):
        return dict.fromkeys(HEAT, NOT_MEASURED)
    pages = [path for path in lesson.file(folder).glob("*.html")
             if f"<title>{lesson.path}/{script} " in path.read_text(encoding="utf-8")]
    claim(len(pages) == 1, f"Tachyon's heat map has one page for {script}", pages=pages)
    samples = heat_map_lines(pages[0].read_text(encoding="utf-8"))
    table = kernprof_table(run.output, "sum_nexts")
    body = {row.lineno for row in table.rows}
    in_function = {line: count for line, count in samples.items() if line in body}
    total = sum(in_function.values())
    claim(total > 0, "Tachyon's heat map captured samples in sum_nexts", samples=samples)
    tachyon = {line: 100 * count / total for line, count in in_function.items()}
    traced = {row.lineno: row.percent for row in table.rows}
    hot = sorted(line for line, share in traced.items() if share > HOT_SHARE)
    claim(hot == sorted(line for line, share in tachyon.items() if share > HOT_SHARE)
          and len(hot) == len(HEAT_RANKS), f"kernprof and Tachyon find the same {len(HEAT_RANKS)}"
          f" lines of sum_nexts hot (above {HOT_SHARE}%)", kernprof=traced, tachyon=tachyon)
    spreads = [max(shares[line] for line in hot) / min(shares[line] for line in hot)
               for shares in (traced, tachyon)]
    claim_above(spreads[1] / spreads[0], 1.5, "Tachyon divides sum_nexts's time among its hot lines"
                " less evenly than kernprof, whose own cost on every hit evens them out",
                kernprof=spreads[0], tachyon=spreads[1])
    publish_folder(lesson, folder)
    found = {"heat_samples": total, "heat_kernprof_spread": spreads[0],
             "heat_tachyon_spread": spreads[1]}
    for rank, line in zip(HEAT_RANKS, hot):
        found |= {f"heat_{rank}_line": line, f"heat_{rank}_kernprof": traced[line],
                  f"heat_{rank}_tachyon": tachyon[line]}
    return found


# -- a step's saving, in a differential flame graph ---------------------------------------------

DIFF = ["diff_before", "diff_after", "diff_kb", "diff_function_before", "diff_function_after",
        "diff_function_fewer", "diff_function_ratio", "diff_rest_before", "diff_rest_after",
        "diff_neutral_pct"]
STEP_SAVING = 1.2  # the step's function must take this many times fewer samples, at least
REST_CHANGE = 0.1  # ... and the rest of the run change by less than this part of that saving


def diff_commands(before, after, n, baseline="before.bin", page="tachyon-diff.html"):
    """Both versions run as one file, `sum_nexts.py`: the differential flame graph matches each
    function by its file and name, and would see two scripts' functions as unrelated."""
    profile = "python -m profiling.sampling run"
    return [f"cp {before} sum_nexts.py", f"{profile} --binary -o {baseline} sum_nexts.py {n}",
            f"cp {after} sum_nexts.py", f"{profile} --diff-flamegraph {baseline} -o {page}"
            f" sum_nexts.py {n}"]


def diff_figures(run, lesson, page="tachyon-diff.html"):
    """The differential flame graph of one step: published, and read back for where the step
    saved its samples (sum_nexts's own samples before and after, against the whole run's)."""
    if shown_not_run(run):
        return dict.fromkeys(DIFF, NOT_MEASURED)
    path = lesson.file(page)
    graph = TachyonFlame(path.read_text(encoding="utf-8"))
    before, after = graph.stats["baseline_samples"], graph.stats["current_samples"]
    boxes = [box for box in graph.boxes() if box.function == "sum_nexts"]
    own_before = sum(box.baseline for box in boxes)
    own_after = sum(box.own for box in boxes)
    claim(boxes and own_before > 0, "the differential flame graph matched sum_nexts with the"
          " baseline's (both ran as one file)", boxes=len(boxes), before=own_before)
    claim_above(own_before / max(own_after, 1), STEP_SAVING, "the step's sum_nexts took fewer"
                " samples than the baseline's", before=own_before, after=own_after)
    rest_before, rest_after = before - own_before, after - own_after
    claim_below(abs(rest_before - rest_after) / (own_before - own_after), REST_CHANGE,
                "sum_nexts holds the step's saving: the rest of the run changed by a small part of it",
                rest_before=rest_before, rest_after=rest_after, saving=own_before - own_after)
    neutral = re.search(r"Math\.abs\(diff_pct\) < (\d+(?:\.\d+)?)\)", graph.text)
    if not neutral:
        raise ValueError("Tachyon's differential flame graph no longer says which changes it draws"
                         " grey (`Math.abs(diff_pct) < N`): has its format changed?")
    publish_page(lesson, page)
    return dict(zip(DIFF, [before, after, path.stat().st_size / 1000, own_before, own_after,
                           100 * (1 - own_after / own_before), own_before / own_after,
                           rest_before, rest_after, float(neutral[1])]))


# -- waiting or working: wall-clock and CPU modes -----------------------------------------------

MODES = ["mode_wait_line", "mode_wait_source", "mode_wall_wait", "mode_cpu_wait",
         "mode_cpu_wait_said", "mode_cpu_captured", "mode_cpu_kept"]
MOST = 50  # % of the wall-clock samples: the waiting is most of them
ALMOST_NONE = 5  # % of the CPU samples, at most: almost none of them
KEPT_TOLERANCE = 0.1  # CPU mode's kept share may stray this far from wall-clock mode's working share


def mode_commands(script, *arguments, rows=4):
    """The same program sampled in wall-clock mode, then in CPU mode, each table sorted by share
    and cut to its first `rows` rows."""
    return [f"python -m profiling.sampling run --mode {mode} --no-summary --sort sample-pct"
            f" -l {rows} {script} {' '.join(map(str, arguments))}" for mode in ("wall", "cpu")]


def mode_figures(run, lesson, script):
    """What the two runs of mode_commands printed: the share of each mode's samples found on the
    line that waits (the script's time.sleep). A table is sorted by share, so a line cut from it
    holds at most what the rows shown leave, and no more than the smallest row shown."""
    if shown_not_run(run):
        return dict.fromkeys(MODES, NOT_MEASURED)
    source = lesson.file(script).read_text(encoding="utf-8").splitlines()
    (wait_line,) = [number for number, text in enumerate(source, 1)
                    if text.strip().startswith("time.sleep(")]
    printed = dict(zip(("wall", "cpu"), re.split(r"^\$ .*$", run.output, flags=re.MULTILINE)[1:]))
    tables = {mode: tachyon_table(text) for mode, text in printed.items()}
    found = {mode: waiting_share(rows, script, wait_line) for mode, rows in tables.items()}
    wall, cpu = found["wall"][0], found["cpu"][1]  # what the wait holds at least, at most
    claim_above(wall, MOST, "the waiting is most of the wall-clock samples", share=wall)
    claim_below(cpu, ALMOST_NONE, "the waiting is almost none of the CPU samples", share=cpu)
    captured, _, _ = tachyon_summary(printed["cpu"])
    top = max(tables["cpu"], key=lambda row: row.own)  # its share: of those kept
    kept = round(100 * top.own / top.sample_pct)  # the top row's share is the least rounded
    claim_below(abs(kept / captured - (1 - wall / 100)), KEPT_TOLERANCE, "CPU mode keeps about the"
                " share of its samples that wall-clock mode found working", kept=kept,
                captured=captured, wall_waiting=wall)
    low, high = found["cpu"]
    said = ("that line holds none of the samples" if high < 0.05 else
            f"that line holds {high:.1f}% of the samples" if low == high else
            f"that line is not among the rows shown: it holds at most {high:.1f}% of the samples")
    return dict(zip(MODES, [wait_line, source[wait_line - 1].strip(), wall, cpu, said,
                            captured, kept]))


def waiting_share(rows, script, line):
    """(at least, at most) the share of the samples found on `line` of `script`: its row's, or,
    cut from the table, between none and the least of what the rows leave and the smallest row."""
    shares = [row.sample_pct for row in rows if (row.file, row.line) == (script, line)]
    if shares:
        return shares[0], shares[0]
    left = max(0.0, 100 - sum(row.sample_pct for row in rows))
    return 0.0, min(left, min(row.sample_pct for row in rows))
