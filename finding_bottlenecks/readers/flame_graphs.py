"""The sampling profilers' outputs read back: py-spy's flame graph (its SVG), pyinstrument's
call tree (its text), and Tachyon's flame graphs, heat map, summary and table."""
import html
import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Box:
    """One box of py-spy's flame graph: a function (at a line, unless recorded with
    --function), the samples found in it and in what it called, and where the box is drawn."""

    function: str
    place: str  # "file.py:line"
    samples: int
    start: int  # the samples to its left, on its row
    depth: int  # 0 for the box under `all`: the script's <module>


class FlameGraph:
    """The boxes of a py-spy flame graph, read back from its SVG, where each box carries its
    tooltip (`parse (hourly.py:26) (102 samples, 57.30%)`) and its place (fg:x, fg:w, y)."""

    BOX = re.compile(r'<title>([^<]+?) \(([^()]+:\d+)\) \([\d,]+ samples?, [\d.]+%\)</title>'
                     r'<rect [^>]*?y="(\d+)"[^>]*?fg:x="(\d+)" fg:w="(\d+)"')
    ALL = re.compile(r'<title>all \(([\d,]+) samples?, 100%\)</title><rect [^>]*?y="(\d+)"')

    def __init__(self, svg_text):
        found = self.ALL.search(svg_text)
        if not found:
            raise ValueError("py-spy's flame graph has no `all` box: has its format changed?")
        self.total, all_y = int(found.group(1).replace(",", "")), int(found.group(2))
        boxes = self.BOX.findall(svg_text)
        if not boxes:
            raise ValueError("py-spy's flame graph has no box under `all`: nothing was sampled")
        # Rows from `all` outwards: py-spy draws it on top, but a flame graph may grow upwards.
        ys = {int(y) for _, _, y, _, _ in boxes}
        rows = sorted(ys | {all_y}, reverse=all_y > min(ys))
        self.boxes = [Box(html.unescape(name), place, int(w), int(x), rows.index(int(y)) - 1)
                      for name, place, y, x, w in boxes]

    def named(self, function):
        return [box for box in self.boxes if box.function == function]

    def in_file(self, name):
        """The boxes of functions defined in the file `name` (py-spy may show a longer path)."""
        return [box for box in self.boxes if Path(box.place.rsplit(":", 1)[0]).name == name]

    def called_by(self, parent):
        """The boxes drawn right under `parent`: the calls it made."""
        return [box for box in self.boxes if box.depth == parent.depth + 1
                and parent.start <= box.start < parent.start + parent.samples]

    def share(self, boxes):
        """The percentage of all samples that these boxes (none inside another) hold."""
        return 100 * sum(box.samples for box in boxes) / self.total


@dataclass(frozen=True)
class TreeLine:
    """One line of pyinstrument's call tree: seconds, the function, where it is, its depth."""

    seconds: float
    function: str
    place: str
    depth: int


def call_tree(output):
    """The lines of the call tree pyinstrument printed, e.g. `   └─ 2.466 len  <built-in>`."""
    pattern = re.compile(r"^([ │├└─]*?)(\d+\.\d+) (\S+)\s+(\S.*?)\s*$")
    lines = []
    for text in output.splitlines():
        found = pattern.match(text)
        if found:
            indent, seconds, function, place = found.groups()
            lines.append(TreeLine(float(seconds), function, place, len(indent) // 3))
    return lines


@dataclass(frozen=True)
class TachyonBox:
    """One box of Tachyon's flame graph: a function at a line, its samples (its own and those of
    what it called), its own samples, and, in a differential graph, the baseline's own samples
    that Tachyon matched with it (0 elsewhere)."""

    function: str
    module: str
    line: int
    samples: int
    own: int
    baseline: float


class TachyonFlame:
    """Python 3.15's flame graph page (`profiling.sampling run --flamegraph`, or
    `--diff-flamegraph`), read back from the data it embeds (`const EMBEDDED_DATA = {...}`): a
    tree of boxes, each with its samples (`value`), its own samples (`self`), and its name as an
    index into a table of strings; `stats` holds the run's figures."""

    DATA = "const EMBEDDED_DATA = "

    def __init__(self, html_text):
        import json
        start = html_text.find(self.DATA)
        if start < 0:
            raise ValueError("Tachyon's flame graph embeds no EMBEDDED_DATA: has its format changed?")
        self.text = html_text
        self.root, _ = json.JSONDecoder().raw_decode(html_text, start + len(self.DATA))
        self.strings = self.root["strings"]
        self.total = self.root["value"]
        self.stats = self.root.get("stats", {})

    def boxes(self, node=None):
        """Every box under the root, as TachyonBox."""
        for child in (node or self.root).get("children", []):
            yield TachyonBox(self.strings[child["funcname"]], self.strings[child["module"]],
                             child["lineno"], child["value"], child["self"], child.get("baseline", 0))
            yield from self.boxes(child)

    def lines_of(self, function):
        """{line: samples} where `function` itself was running (its own samples), widest first."""
        lines = {}
        for box in self.boxes():
            if box.function == function and box.own:
                lines[box.line] = lines.get(box.line, 0) + box.own
        return dict(sorted(lines.items(), key=lambda item: -item[1]))


def heat_map_lines(html_text):
    """{line: samples found on it} of one source file's page of Tachyon's heat map
    (`--heatmap`), where each sampled line says `id="line-33" title="Self: 281, Total: 281"`."""
    found = re.findall(r'id="line-(\d+)" title="Self: ([\d,]+), Total: [\d,]+"', html_text)
    if not found:
        raise ValueError("Tachyon's heat map marks no line with its samples: has its format changed?")
    return {int(line): int(samples.replace(",", "")) for line, samples in found}


def tachyon_summary(output):
    """(samples captured, samples a second, error rate as printed) from the summary Tachyon
    prints after its run: `Captured N samples in T seconds`, `Sample rate: R samples/sec`,
    `Error rate: E`."""
    samples = re.search(r"^Captured ([\d,]+) samples", output, re.MULTILINE)
    rate = re.search(r"^Sample rate: ([\d.,]+) samples/sec", output, re.MULTILINE)
    error = re.search(r"^Error rate: ([\d.]+)%?$", output, re.MULTILINE)
    if not (samples and rate and error):
        raise ValueError(f"profiling.sampling's summary has changed:\n{output}")
    return int(samples[1].replace(",", "")), float(rate[1].replace(",", "")), error[1]


@dataclass(frozen=True)
class TachyonRow:
    """One row of the table Tachyon prints (`nsamples sample% tottime cumul% cumtime
    filename:lineno(function)`): a function at a line."""

    own: int  # samples with this line running
    cumulative: int  # samples with it anywhere on the stack
    sample_pct: float
    file: str
    line: int
    function: str


def tachyon_table(output):
    """The rows of the table of samples Tachyon printed (`134/134  72.0  134.000  72.0  134.000
    sum_nexts_preallocated.py:31(sum_nexts)`)."""
    row = re.compile(r"^\s*(\d+)/(\d+)\s+([\d.]+)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+(.+?):(\d+)\((.+)\)\s*$")
    rows = [TachyonRow(int(m[1]), int(m[2]), float(m[3]), Path(m[4]).name, int(m[5]), m[6])
            for m in map(row.match, output.splitlines()) if m]
    if not rows:
        raise ValueError(f"Tachyon printed no table of samples: has its format changed?\n{output}")
    return rows
