"""Figures from the profilers' own data files, not from their printed listings.

A page shows what `kernprof -v` and pstats print, as a learner sees it; the numbers it quotes
come from the `.lprof` file (line_profiler's `load_stats`) and the saved `.cprofile` file
(`pstats.Stats`). `listing_agrees` checks that what was printed and what was saved agree.
"""
import pstats
from dataclasses import dataclass
from pathlib import Path

from line_profiler import load_stats

from finding_bottlenecks.readers.text_output import LineRows, Row, kernprof_table


@dataclass
class LineTable(LineRows):
    """One function's line timings from a .lprof file, shaped like the printed table."""

    total: float  # seconds in the function, as "Total time" prints it
    rows: list  # parse.Row, one per line that ran, times in seconds


def line_table(lprof, function="sum_nexts"):
    """The timings of `function` saved by `kernprof -l` in the file `lprof`."""
    stats = load_stats(lprof)
    found = [(key, entries) for key, entries in stats.timings.items() if key[2] == function]
    if len(found) != 1:
        raise ValueError(f"{lprof} holds {len(found)} functions named {function}")
    (filename, _, _), entries = found[0]
    source = (Path(lprof).parent / Path(filename).name).read_text(encoding="utf-8").splitlines()
    total = sum(time for _, _, time in entries) * stats.unit
    rows = [Row(lineno, hits, time * stats.unit, 100 * time * stats.unit / total,
                source[lineno - 1].strip()) for lineno, hits, time in sorted(entries)]
    return LineTable(total, rows)


def listing_agrees(printed, table, function="sum_nexts"):
    """Whether the table kernprof printed for `function` says what its .lprof file holds: the same
    lines and hits, and times equal to the printed precision."""
    shown = kernprof_table(printed, function)
    same_lines = [(r.lineno, r.hits) for r in shown.rows] == [(r.lineno, r.hits) for r in table.rows]
    close = all(abs(a.time - b.time) <= shown.unit * 0.05 + 1e-12
                for a, b in zip(shown.rows, table.rows))
    return same_lines and close and abs(shown.total - table.total) <= 1e-5 * table.total


def profile_stats(path):
    """A saved cProfile file, as pstats reads it."""
    return pstats.Stats(str(path))
