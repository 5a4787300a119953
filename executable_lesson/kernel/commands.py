"""Run lesson commands as a learner would type them, in a scratch copy of the lesson's files."""
import atexit
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from executable_lesson.support import build_context
from executable_lesson.support.learner_environment import learner_environment
from executable_lesson.support.lesson_files import lesson_files
from executable_lesson.support.progress_log import progress
from executable_lesson.support.scratch_paths import SCRATCH_PREFIX, without_scratch


class CommandError(RuntimeError):
    """A lesson command ended differently from what the page expects."""


@dataclass
class Run:
    """Commands as typed, what they printed, and how they ended."""

    commands: list
    output: str
    returncode: int
    seconds: float  # wall time of the whole run, measured around the shell
    needs: str = ""  # a class telling the page tests what else it needs, e.g. "needs-other-pythons"

    def _repr_markdown_(self):
        # A console block: a learner's prompt line, then what the terminal showed. A run that
        # ends in an error on purpose is marked, so the page tests know to expect the failure.
        classes = " ".join(filter(None, ["expect-failure" if self.returncode else "", self.needs]))
        marker = f":class: {classes}\n\n" if classes else ""
        return "````{code-block} console\n" + marker + self.output.rstrip("\n") + "\n````\n"


class Scratch:
    """A throwaway copy of the lesson's files, where the page's commands run as a learner's do:
    what they write never lands in the repository, and a path they print stays as short as a
    learner's. The lesson's files are those the build names (its code folder, suffixes and
    ignored patterns), or those given; `unset` names variables the commands must not see."""

    def __init__(self, source=None, suffixes=None, ignored=None, unset=()):
        expected = build_context.get("build_python")
        if expected and Path(expected).resolve() != Path(sys.executable).resolve():
            raise CommandError(f"the notebook kernel runs {sys.executable}, not the build's "
                               f"{expected}: a kernelspec named python3 elsewhere shadows it")
        self.path = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX))
        atexit.register(shutil.rmtree, self.path, ignore_errors=True)
        context = build_context.read()
        source = source or context.get("lesson_folder")
        if source is None:
            raise CommandError("no lesson folder: give Scratch one, or run the page in a build")
        for path in lesson_files(source, suffixes or context.get("suffixes", (".py", ".txt", ".toml")),
                                 ignored or context.get("ignore", ())):  # what the archive holds
            shutil.copy2(path, self.path)
        self.env = learner_environment(build_context.get("learner_venv"), unset=unset)
        self.python = shutil.which("python", path=self.env["PATH"])

    def run(self, *commands, expect_failure=False, timeout=None):
        """Run each command with bash, stop at the first that fails, and return a Run.

        With expect_failure the last command must fail (and only it): the page teaches the error.
        """
        shown = []
        returncode = 0
        start = time.perf_counter()
        for command in commands:
            progress({"event": "start", "command": command})
            began, returncode = time.perf_counter(), None
            try:
                result = subprocess.run(
                    ["bash", "-c", command], cwd=self.path, env=self.env, timeout=timeout,
                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                )
                returncode = result.returncode
            finally:  # a command that times out ends too
                progress({"event": "end", "command": command, "returncode": returncode,
                           "seconds": time.perf_counter() - began})
            shown.append(f"$ {command}\n{without_scratch(result.stdout)}")
            returncode = result.returncode
            if returncode != 0:
                break
        seconds = time.perf_counter() - start
        run = Run(list(commands), "".join(shown), returncode, seconds)
        _record(run, self.python)
        failed_last = returncode != 0 and len(shown) == len(commands)
        if expect_failure and not failed_last:
            raise CommandError(f"expected `{commands[-1]}` to fail, but it did not:\n{run.output}")
        if not expect_failure and returncode != 0:
            raise CommandError(f"`{commands[len(shown) - 1]}` exited with {returncode}:\n{run.output}")
        return run

    def run_from(self, version, *commands):
        """Run the commands if the build's Python is `version` (3, 15) or newer; else show them
        as typed, with a line saying which Python they need, and run nothing."""
        if sys.version_info >= version:
            return self.run(*commands)
        built = ".".join(map(str, sys.version_info[:3]))
        return Shown(list(commands), "python-" + "-".join(map(str, version)),  # no dots in a class
                     f"*Needs Python {'.'.join(map(str, version))} or newer (the outputs here"
                     f" come from Python {built}): try it on yours.*")

    def file(self, name):
        return self.path / name


@dataclass
class Shown:
    """Commands this build cannot run, shown as typed for learners who can: a console block
    marked `needs-<needs>` (the page tests do not run it), then `note`, which says why."""

    commands: list
    needs: str  # what it needs, e.g. "python-3-15"
    note: str

    def _repr_markdown_(self):
        typed = "\n".join(f"$ {command}" for command in self.commands)
        return (f"````{{code-block}} console\n:class: needs-{self.needs}\n\n{typed}\n````"
                f"\n\n{self.note}\n")


def _record(run, python):
    """Append each run to the build's command log: the build-cost script replays it, and the
    shown-command test reads which commands ran, where, and how they ended."""
    log = build_context.get("command_log")
    if log:
        with open(log, "a", encoding="utf-8") as stream:
            entry = {"commands": run.commands, "seconds": run.seconds, "returncode": run.returncode,
                     "python": python}
            stream.write(json.dumps(entry) + "\n")
