"""The CPython interpreters on this machine that the lesson supports, found without running any
lesson code: LESSON_PYTHONS if set, else the build's own, `python3.X` on PATH and pyenv's."""
import ast
import glob
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from finding_bottlenecks.settings import LESSON_CODE


def supported_range():
    """(OLDEST, NEWEST) as set in lesson_code/check_setup.py, the one place that decides them."""
    tree = ast.parse((LESSON_CODE / "check_setup.py").read_text(encoding="utf-8"))
    found = {target.id: ast.literal_eval(node.value) for node in tree.body
             if isinstance(node, ast.Assign) for target in node.targets
             if isinstance(target, ast.Name) and target.id in {"OLDEST", "NEWEST"}}
    return found["OLDEST"], found["NEWEST"]


def supported_versions():
    """["3.11", ..., "3.15"]: every minor version from OLDEST to NEWEST."""
    (major, oldest), (_, newest) = supported_range()
    return [f"{major}.{minor}" for minor in range(oldest, newest + 1)]


@dataclass(frozen=True)
class Interpreter:
    path: str
    version: str  # e.g. "3.12.1"

    @property
    def minor(self):  # e.g. "3.12"
        return ".".join(self.version.split(".")[:2])


# A Python a learner can set up as the setup page says: one that can make a venv with pip in it
# (Debian's own python3.X lacks ensurepip unless python3-venv is installed).
_ASK = ("import platform, sys, ensurepip, venv;"
        " print(platform.python_implementation(), platform.python_version())")


def describe(path):
    """Interpreter(path, version) for a CPython that can make virtual environments, else None
    (missing, broken, without venv and ensurepip, or another kind of Python)."""
    try:
        answer = subprocess.run([path, "-c", _ASK], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    words = answer.stdout.split()
    if answer.returncode != 0 or len(words) != 2 or words[0] != "CPython":
        return None
    return Interpreter(str(path), words[1])


def candidates():
    """Interpreter paths to consider, best first: one path per minor version is kept."""
    listed = os.environ.get("LESSON_PYTHONS")
    if listed:
        return [path for path in listed.split(os.pathsep) if path]
    own = getattr(sys, "_base_executable", None) or sys.executable
    found = [own]
    (major, oldest), (_, newest) = supported_range()
    for minor in range(oldest, newest + 1):
        on_path = shutil.which(f"python{major}.{minor}")
        if on_path:
            found.append(on_path)
    root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    found += sorted(glob.glob(os.path.join(root, "versions", "*", "bin", "python3.*[0-9]")))
    return found


def find_pythons():
    """Every supported CPython found, one per minor version, oldest first. When none is (a
    build on the next Python's pre-release, say), the build's own interpreter alone."""
    supported = set(supported_versions())
    chosen = {}
    for path in candidates():
        interpreter = describe(path)
        if interpreter and interpreter.minor in supported and interpreter.minor not in chosen:
            chosen[interpreter.minor] = interpreter
    if not chosen:
        own = describe(getattr(sys, "_base_executable", None) or sys.executable)
        return [own] if own else []
    return [chosen[minor] for minor in sorted(chosen, key=lambda v: tuple(map(int, v.split("."))))]


def build_tags(pythons_found, version=sys.version_info):
    """The tags that choose a page's {only} blocks: one Python found or several; cProfile and
    line_profiler on sys.monitoring (PEP 669, Python 3.12+); the profiling package (3.15+)."""
    return {"several_pythons": pythons_found > 1, "one_python": pythons_found <= 1,
            "sys_monitoring": version >= (3, 12), "profiling_package": version >= (3, 15)}
