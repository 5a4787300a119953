"""Figures drawn at build time, as SVG with real text."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib_inline.backend_inline import set_matplotlib_formats  # noqa: E402

from finding_bottlenecks.lesson_modules import measure_variants  # noqa: E402
from finding_bottlenecks.versions import short  # noqa: E402

set_matplotlib_formats("svg")
plt.rcParams["svg.fonttype"] = "none"  # keep text as text, not outlines
MARKERS = "osD^vP*Xph<>8dH"  # filled markers that tell lines apart in grey print too


def _markers(count):
    """One marker per line: a chart with more lines than markers fails rather than drop one."""
    if count > len(MARKERS):
        raise ValueError(f"{count} lines to draw, but only {len(MARKERS)} markers: add some to"
                         " MARKERS in finding_bottlenecks/charts.py")
    return MARKERS[:count]


def sum_nexts_grid(n=6):
    """Row i shows which numbers x[j] go into sums[i]: every j after i."""
    fig, ax = plt.subplots(figsize=(0.62 * n + 2.6, 0.5 * n + 1.0))
    for i in range(n):
        for j in range(n):
            used = j > i
            ax.add_patch(plt.Rectangle((j, i), 0.92, 0.86, color="#2a7ab0" if used else "#e4e8ec"))
            ax.text(j + 0.46, i + 0.43, f"x[{j}]", ha="center", va="center", fontsize=9,
                    color="white" if used else "#6b7680")
        label = f"→ sums[{i}]" + (" = 0 (nothing after it)" if i == n - 1 else "")
        ax.text(n + 0.15, i + 0.43, label, va="center", fontsize=10)
    ax.set_xlim(0, n + 3.2)
    ax.set_ylim(n, -0.6)
    ax.text(0, -0.3, "i = row, j = column (0-based, as in the code)", fontsize=9, color="#444")
    ax.axis("off")
    fig.tight_layout()
    return fig


def timing_bars(variants):
    """Median time of each version (log scale), with a line from fastest to slowest run."""
    rows = list(reversed(variants))  # first version on top
    fig, ax = plt.subplots(figsize=(7.5, 0.55 * len(rows) + 1.2))
    medians = [row["median"] for row in rows]
    low = [row["median"] - row["min"] for row in rows]
    high = [row["max"] - row["median"] for row in rows]
    ax.barh(range(len(rows)), medians, xerr=[low, high], color="#2a7ab0", ecolor="#222",
            capsize=3)
    ax.set_yticks(range(len(rows)), [row["script"].removesuffix(".py") for row in rows])
    ax.set_xscale("log")
    ax.set_xlabel("seconds per call of sum_nexts (log scale; median, line from fastest to slowest)")
    for y, row in enumerate(rows):
        ax.text(row["max"] * 1.15, y, measure_variants.seconds(row["median"]), va="center", fontsize=9)
    ax.set_xlim(min(r["min"] for r in rows) / 3, max(r["max"] for r in rows) * 8)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig


def scaling_plot(scaling, slopes):
    """Time per call against n, both on log scales, with each version's fitted slope."""
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    for (script, points), marker in zip(scaling.items(), _markers(len(scaling))):
        name = short(script)
        ax.loglog([p["n"] for p in points], [p["median"] for p in points], marker=marker,
                  markersize=4, label=f"{name} (slope {slopes[script]:.2f})")
    ax.set_xlabel("n (log scale)")
    ax.set_ylabel("seconds per call (median, log scale)")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")  # the quadratic lines fill the upper left
    fig.tight_layout()
    return fig


def icicle(profile_path, root_function="<module>", depth=6, smallest=0.01):
    """An icicle chart of a saved cProfile file: each box is a call, as wide as its cumulative
    time and placed under its caller."""
    import pstats

    stats = pstats.Stats(str(profile_path)).stats
    children = {}
    for callee, (_, _, _, _, callers) in stats.items():
        for caller, edge in callers.items():
            children.setdefault(caller, []).append((callee, edge[3]))
    roots = [key for key in stats if key[2] == root_function and not key[0].startswith("<")]
    root = max(roots, key=lambda key: stats[key][3])
    total = stats[root][3]

    fig, ax = plt.subplots(figsize=(8, 0.55 * depth + 0.8))
    palette = ["#2a7ab0", "#4a9bd1", "#79b8e0", "#a6d1ee", "#cfe6f6", "#e6f2fb"]

    def draw(key, start, width, level, path):
        ax.add_patch(plt.Rectangle((start, level), width, 0.92, color=palette[level % 6]))
        if width > 0.12 * total:
            name = key[2] if key[0] == "~" else f"{key[2]} ({key[0].rsplit('/', 1)[-1]})"
            ax.text(start + width / 2, level + 0.46, f"{name}\n{measure_variants.seconds(width)}",
                    ha="center", va="center", fontsize=8,
                    color="white" if level < 2 else "black")
        if level + 1 >= depth:
            return
        x = start
        for child, seconds in sorted(children.get(key, []), key=lambda item: -item[1]):
            if child in path or seconds < smallest * total:
                continue
            draw(child, x, seconds, level + 1, path | {child})
            x += seconds

    draw(root, 0, total, 0, {root})
    ax.set_xlim(0, total)
    ax.set_ylim(depth, 0)
    ax.set_xlabel("cumulative time, in seconds; each row is called by the row above it")
    ax.set_yticks([])
    ax.spines[["top", "right", "left"]].set_visible(False)
    fig.tight_layout()
    return fig


def flame_chart(graph, title):
    """A flame graph drawn from py-spy's boxes (readers.flame_graphs.FlameGraph), large enough to read
    on the page: the whole run on top, and under each box the calls it made, each as wide as
    its share of the samples."""
    # Rows down to the deepest box wider than 2%: the slivers under it only add height.
    rows = max(box.depth for box in graph.boxes if box.samples > 0.02 * graph.total) + 1
    fig, ax = plt.subplots(figsize=(8, 0.55 * rows + 0.9))
    palette = ["#c0392b", "#d35400", "#e67e22", "#f39c12", "#f1c40f", "#f7dc6f"]
    for box in [box for box in graph.boxes if box.depth < rows]:
        share = box.samples / graph.total
        ax.add_patch(plt.Rectangle((box.start / graph.total, box.depth), share, 0.92,
                                   color=palette[box.depth % len(palette)], ec="white", lw=0.5))
        if share > 0.09:
            file, line = box.place.rsplit(":", 1)
            where = f"line {line}" if box.function != "<module>" else file
            ax.text((box.start + box.samples / 2) / graph.total, box.depth + 0.46,
                    f"{box.function}, {where}\n{100 * share:.0f}%", ha="center", va="center",
                    fontsize=8, color="white" if box.depth < 3 else "black")
    ax.set_xlim(0, 1)
    ax.set_ylim(rows, 0)
    ax.set_title(title, fontsize=9)
    ax.set_xlabel(f"share of the {graph.total} samples in py-spy's graph; each row is called by"
                  " the row above it")
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0%", "25%", "50%", "75%", "100%"])
    ax.set_yticks([])
    ax.spines[["top", "right", "left"]].set_visible(False)
    fig.tight_layout()
    return fig


def versions_chart(rows, steps):
    """Each version's median seconds per call, with its spread (fastest to slowest run), one line
    per Python: rows maps a label ("Python 3.15") to its steps' {"median", "min", "max"}."""
    fig, ax = plt.subplots(figsize=(7.5, 4.6))
    x = range(len(steps))
    for (label, measured), marker in zip(rows.items(), _markers(len(rows))):
        medians = [row["median"] for row in measured]
        ax.errorbar(x, medians, yerr=[[m - row["min"] for m, row in zip(medians, measured)],
                                      [row["max"] - m for m, row in zip(medians, measured)]],
                    marker=marker, markersize=5, capsize=3, label=label)
    ax.set_yscale("log")
    ax.set_xticks(list(x), [step.replace("_", "\n") for step in steps], fontsize=8)
    ax.set_ylabel("seconds per call (median, log scale)")
    ax.grid(True, axis="y", which="major", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig
