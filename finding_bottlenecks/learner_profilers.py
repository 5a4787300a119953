"""Which profilers a learner's environment has and may use on this machine: what the
requirements pin for this Python, and whether the system lets py-spy read another process."""
import os
import re
import subprocess
import tempfile
from pathlib import Path

from executable_lesson.support.pins import canonical, read_pins
from finding_bottlenecks.settings import LESSON_CODE


class ProfilerError(RuntimeError):
    """A profiler failed for a reason the build does not know: never hidden."""


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
            raise ProfilerError(f"py-spy is not installed in {bin_dir}") from missing
    said = (ran.stdout + ran.stderr).strip()
    if ran.returncode == 0:
        return None
    if REFUSED.search(said):  # the line that says why, not py-spy's banner
        return next(line.strip() for line in said.splitlines() if REFUSED.search(line))
    raise ProfilerError(f"py-spy failed on a one-line program, for no reason the page knows"
                       f" (exit status {ran.returncode}):\n{said}")
