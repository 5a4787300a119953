"""Read numbers out of what `time`, cProfile and kernprof print."""
import re
from dataclasses import dataclass


def time_report(output):
    """Seconds from bash's `time` report: {'real': ..., 'user': ..., 'sys': ...}."""
    lines = re.findall(r"^(real|user|sys)\s+(\d+)m([\d.]+)s$", output, re.MULTILINE)
    found = {key: 60 * int(minutes) + float(seconds) for key, minutes, seconds in lines}
    if set(found) != {"real", "user", "sys"}:
        raise ValueError(f"no complete `time` report in:\n{output}")
    return found


def cprofile_summary(output):
    """The header of a cProfile listing: total calls, primitive calls and seconds."""
    match = re.search(
        r"^\s*(\d+) function calls(?: \((\d+) primitive calls\))? in ([\d.]+) seconds",
        output, re.MULTILINE)
    if not match:
        raise ValueError(f"no cProfile header in:\n{output}")
    calls, primitive, seconds = match.groups()
    return {"calls": int(calls), "primitive_calls": int(primitive or calls),
            "seconds": float(seconds)}


def cprofile_row(output, name):
    """The row of a cProfile listing whose last column contains `name`."""
    for line in output.splitlines():
        cells = line.split(None, 5)
        if len(cells) == 6 and re.fullmatch(r"[\d/]+", cells[0]) and name in cells[5]:
            return {"ncalls": int(cells[0].split("/")[0]), "tottime": float(cells[1]),
                    "cumtime": float(cells[3]), "function": cells[5]}
    raise ValueError(f"no cProfile row for {name!r} in:\n{output}")


@dataclass
class Row:
    lineno: int
    hits: int
    time: float  # in the table's timer unit
    percent: float
    contents: str


class LineRows:
    """Rows of one function's line timings, printed (KernprofTable) or saved (profiles.LineTable)."""

    def row(self, text):
        """The single timed row whose source line contains `text`."""
        rows = [r for r in self.rows if text in r.contents]
        if len(rows) != 1:
            raise ValueError(f"{len(rows)} profiled lines contain {text!r}")
        return rows[0]


class KernprofTable(LineRows):
    """One function's table from `kernprof -l -v`: `table` is its own block of the output."""

    def __init__(self, output, table):
        unit = re.search(r"^Timer unit: ([\d.e+-]+) s$", output, re.MULTILINE)
        total = re.search(r"^Total time: ([\d.e+-]+) s$", table, re.MULTILINE)
        if not (unit and total):
            raise ValueError(f"no kernprof table in:\n{output}")
        self.unit, self.total = float(unit.group(1)), float(total.group(1))
        self.rows = []
        row = re.compile(r"^\s*(\d+)\s+(\d+)\s+([\d.e+-]+)\s+[\d.e+-]+\s+([\d.]+)  (.*)$")
        for line in table.splitlines():
            match = row.match(line)
            if match:
                lineno, hits, time, percent, contents = match.groups()
                self.rows.append(Row(int(lineno), int(hits), float(time) * self.unit,
                                     float(percent), contents))


def kernprof_table(output, function=None):
    """The table kernprof printed, or, when it printed several, the one of `function`."""
    if function is None:
        return KernprofTable(output, output)
    tables = [block for block in re.split(r"(?m)^(?=Total time: )", output)
              if re.search(rf"^Function: {function} at line", block, re.MULTILINE)]
    if len(tables) != 1:
        raise ValueError(f"{len(tables)} kernprof tables for {function} in:\n{output}")
    return KernprofTable(output, tables[0])


def accuracy_errors(output):
    """{method: worst relative error} from suffix_sum_accuracy.py's table."""
    found = re.findall(r"^(reverse cumulative sum|total - cumulative sum)\s+(\S+)", output,
                       re.MULTILINE)
    if len(found) != 2:
        raise ValueError(f"no accuracy table in:\n{output}")
    return {method: float(error) for method, error in found}


def compare_agreement(output):
    """(agreed, checked) from the last line of `measure_variants.py --compare`."""
    found = re.search(r"^(\d+) of (\d+) speed-ups of \d+x or more agree within", output, re.MULTILINE)
    if not found:
        raise ValueError(f"no agreement line in:\n{output}")
    return int(found[1]), int(found[2])
