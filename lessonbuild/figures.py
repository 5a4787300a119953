"""Figures drawn at build time, as SVG with real text."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib_inline.backend_inline import set_matplotlib_formats  # noqa: E402

from .lesson_code import measure_variants  # noqa: E402

set_matplotlib_formats("svg")
plt.rcParams["svg.fonttype"] = "none"  # keep text as text, not outlines


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
    for (script, points), marker in zip(scaling.items(), "osD^vP"):
        name = script.removesuffix(".py").removeprefix("sum_nexts_")
        ax.loglog([p["n"] for p in points], [p["median"] for p in points], marker=marker,
                  markersize=4, label=f"{name} (slope {slopes[script]:.2f})")
    ax.set_xlabel("n (log scale)")
    ax.set_ylabel("seconds per call (median, log scale)")
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=8, loc="lower right")  # the quadratic lines fill the upper left
    fig.tight_layout()
    return fig

