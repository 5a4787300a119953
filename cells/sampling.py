"""The sampling profilers of the Go further page: py-spy's flame graph, pyinstrument's call tree,
and what the page shows when a machine forbids py-spy to read another process."""
import html
import os
import platform
import re
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .commands import LESSON_CODE, CommandError, Shown
from .pins import canonical, read_pins
from .publish import publish_file

# What py-spy says when the kernel refuses it another process's memory (ptrace, or
# process_vm_readv, forbidden: a container without SYS_PTRACE, Yama's ptrace_scope, SIP).
FORBIDDEN = re.compile(r"Permission denied|Operation not permitted|os error (1|13)\b|ptrace",
                       re.IGNORECASE)
# What it says when this release cannot read this Python's memory layout (a newer Python).
UNSUPPORTED = re.compile(r"Unsupported version of Python")
REFUSED = re.compile(f"{FORBIDDEN.pattern}|{UNSUPPORTED.pattern}", re.IGNORECASE)
# A busy second's fraction: long enough to be sampled, so py-spy has a stack to write.
PROBE = "import time\nend = time.perf_counter() + 0.3\nwhile time.perf_counter() < end: pass"


def pinned_for_this_python(package, requirements=LESSON_CODE / "requirements.txt"):
    """Whether the learner's requirements install `package` on this Python (their markers say
    which Pythons get it: pyinstrument has no wheel for the newest)."""
    return canonical(package) in read_pins(requirements.read_text(encoding="utf-8"))


def py_spy_refusal(bin_dir):
    """None when py-spy, from `bin_dir`, can record a Python it starts; else what it said when
    the system refused, or when it cannot read this Python. Any other failure is an error: the
    page must not hide it."""
    with tempfile.TemporaryDirectory() as folder:
        command = [str(Path(bin_dir) / "py-spy"), "record", "-o", os.path.join(folder, "p.svg"),
                   "--", str(Path(bin_dir) / "python"), "-c", PROBE]
        try:
            ran = subprocess.run(command, capture_output=True, text=True, timeout=60,
                                 env=dict(os.environ, NO_COLOR="1"))
        except FileNotFoundError as missing:
            raise CommandError(f"py-spy is not installed in {bin_dir}") from missing
    said = (ran.stdout + ran.stderr).strip()
    if ran.returncode == 0:
        return None
    if REFUSED.search(said):  # the line that says why, not py-spy's banner
        return next(line.strip() for line in said.splitlines() if REFUSED.search(line))
    raise CommandError(f"py-spy failed on a one-line program, for no reason the page knows"
                       f" (exit status {ran.returncode}):\n{said}")


@dataclass
class Refused:
    """A visible note where py-spy's output would be: what failed, and why."""

    said: str
    commands: list = field(default_factory=list)  # shown, as typed, above the note

    def _repr_markdown_(self):
        if UNSUPPORTED.search(self.said):
            why = (f"This release of py-spy cannot read Python {platform.python_version()}, which"
                   " built this page: each new Python changes the layout of the memory that"
                   " py-spy reads, and py-spy learns each one in a later release.")
        else:
            why = ("py-spy reads the memory of the program it profiles, and this system forbids"
                   " one process to read another's (in a container, that needs the `SYS_PTRACE`"
                   " capability). On your own Linux computer, `py-spy record` needs no special"
                   " rights when it starts the program itself; on macOS it needs `sudo`.")
        note = ("```{warning}\n"
                f"py-spy could not run on the machine that built this page. It said: `{self.said}`."
                f" {why} So this page shows py-spy's commands, not their output.\n```")
        if not self.commands:
            return note + "\n"
        return Shown(self.commands, "py-spy", note)._repr_markdown_()


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
            raise CommandError("py-spy's flame graph has no `all` box: has its format changed?")
        self.total, all_y = int(found.group(1).replace(",", "")), int(found.group(2))
        boxes = self.BOX.findall(svg_text)
        if not boxes:
            raise CommandError("py-spy's flame graph has no box under `all`: nothing was sampled")
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


# -- what the page calls -------------------------------------------------------------------------

def refused():
    """What py-spy said when this machine refused it (book_extension probes it), else None."""
    return os.environ.get("LESSON_PY_SPY_REFUSED") or None


def record(lesson, script, *arguments, svg="flame.svg", by_function=False):
    """`py-spy record -o svg -- python script arguments`: run.graph holds its flame graph.
    Where this machine forbids py-spy to read another process, a visible note instead."""
    options = "--function " if by_function else ""
    command = " ".join([f"py-spy record {options}-o {svg} -- python {script}", *map(str, arguments)])
    if refused():
        return Refused(refused(), [command])
    run = lesson.run(command)
    run.svg = lesson.file(svg)
    run.graph = FlameGraph(run.svg.read_text(encoding="utf-8"))
    return run


def picture(run, published=None):
    """The flame graph as the page's figure, drawn from py-spy's samples so that it reads at the
    page's width; py-spy's own SVG, which zooms and shows each box's numbers on hover, is
    published as `published`. Nothing where py-spy could not run."""
    if isinstance(run, Refused):
        return None
    from .figures import flame_chart
    if published:
        publish_file(run.svg, published)
    return flame_chart(run.graph, run.commands[0])


def default_rate(lesson, command, pattern):
    """A profiler's default sampling rate, in samples a second, as its own --help states it
    (run quietly, in the learner's environment): the rate actually used when none is given."""
    said = subprocess.run(["bash", "-c", command], cwd=lesson.path, env=lesson.env,
                          capture_output=True, text=True, timeout=60)
    found = re.search(pattern, said.stdout + said.stderr, re.DOTALL)
    if not found:
        raise CommandError(f"`{command}` states no default rate: has its help changed?\n"
                           f"{said.stdout}{said.stderr}")
    scale = {"": 1, "k": 1000, "m": 1_000_000}[(found.groupdict().get("unit") or "").lower()]
    return float(found["rate"]) * scale


def py_spy_rate(lesson):
    """py-spy record's default rate: `-r, --rate <rate> ... [default: 100]`."""
    return default_rate(lesson, "py-spy record --help",
                        r"--rate <rate>.*?\[default: (?P<rate>[\d.]+)\]")


def tachyon_rate(lesson):
    """Python 3.15's profiling.sampling default rate: `-r, --sampling-rate RATE ... (default:
    1khz)`; only where the build's Python has it."""
    return default_rate(lesson, "python -m profiling.sampling run --help",
                        r"--sampling-rate RATE.*?\(default:\s*(?P<rate>[\d.]+)\s*(?P<unit>[km]?)hz\)")


def pyinstrument(lesson, script, *arguments):
    """`pyinstrument script arguments`: run.tree holds the call tree it printed."""
    command = " ".join(["pyinstrument", script, *map(str, arguments)])
    if not pinned_for_this_python("pyinstrument"):
        return Shown([command], "pyinstrument", "*pyinstrument does not install from a wheel on"
                     f" Python {platform.python_version()}, which ran this page's commands, so"
                     " this one is shown, not run.*")
    run = lesson.run(command)
    run.tree = call_tree(run.output)
    return run
