"""Run the sampling profilers as the Go further page shows them (py-spy's flame graph,
pyinstrument's call tree, their default rates), and what the page shows when a machine forbids
py-spy to read another process. Their outputs are read in readers/flame_graphs.py."""
import platform
import re
import subprocess
import sys
from dataclasses import dataclass, field

from executable_lesson.kernel.commands import CommandError, Shown
from executable_lesson.kernel.publish import publish_file
from executable_lesson.support import build_context
from finding_bottlenecks.learner_profilers import UNSUPPORTED, pinned_for_this_python
from finding_bottlenecks.readers.flame_graphs import FlameGraph, call_tree


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


# -- what the page calls -------------------------------------------------------------------------

def refused():
    """What py-spy said when this machine refused it (book.py probes it), else None."""
    return build_context.get("py_spy_refused") or None


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
    from finding_bottlenecks.charts import flame_chart
    if published:
        publish_file(run.svg, published)
    return flame_chart(run.graph, run.commands[0])


def quietly(lesson, command):
    """What `command` prints (its output and errors), run in the learner's environment without
    showing it on the page: a profiler's --help, read for what the page relies on."""
    said = subprocess.run(["bash", "-c", command], cwd=lesson.path, env=lesson.env,
                          capture_output=True, text=True, timeout=60)
    return said.stdout + said.stderr


def default_rate(lesson, command, pattern):
    """A profiler's default sampling rate, in samples a second, as its own --help states it
    (run quietly, in the learner's environment): the rate actually used when none is given."""
    said = quietly(lesson, command)
    found = re.search(pattern, said, re.DOTALL)
    if not found:
        raise CommandError(f"`{command}` states no default rate: has its help changed?\n{said}")
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


def tachyon_options(lesson, *options):
    """Check that the Python building the page has each of Tachyon's `options` the page uses,
    read from its `python -m profiling.sampling run --help` (its command line changed during
    3.15's cycle): one it lacks fails the build, naming it. Nothing to check before 3.15."""
    if sys.version_info < (3, 15):
        return
    said = quietly(lesson, "python -m profiling.sampling run --help")
    missing = [option for option in options
               if not re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", said)]
    if missing:
        raise CommandError(f"Python {platform.python_version()}'s profiling.sampling has no"
                           f" {', '.join(missing)}: its `run --help` lists the options it has")
