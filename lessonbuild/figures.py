"""Figures drawn at build time, as SVG with real text."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib_inline.backend_inline import set_matplotlib_formats  # noqa: E402

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
