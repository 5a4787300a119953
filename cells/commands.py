"""Run lesson commands as a learner would type them, in a scratch copy of lesson_code/."""
import atexit
import json
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from build_support import build_context
from build_support.learner_environment import learner_environment
from build_support.progress_log import progress
from build_support.scratch_paths import without_scratch
from build_support.settings import LESSON_CODE, PROFILES, SCRATCH_PREFIX, lesson_files, lesson_n  # noqa: F401 (the pages' API)
from readers.profile_files import line_table, listing_agrees, profile_stats
from readers.text_output import time_report

from .publish import publish_file


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
    real: float = None  # Scratch.time: the `real` line of bash's report, in seconds
    table: object = None  # Scratch.kernprof: the function's line timings, from the .lprof file
    stats: object = None  # Scratch.cprofile: the saved profile, as pstats reads it

    def _repr_markdown_(self):
        # A console block: a learner's prompt line, then what the terminal showed. A run that
        # ends in an error on purpose is marked, so the page tests know to expect the failure.
        classes = " ".join(filter(None, ["expect-failure" if self.returncode else "", self.needs]))
        marker = f":class: {classes}\n\n" if classes else ""
        return "````{code-block} console\n" + marker + self.output.rstrip("\n") + "\n````\n"


class Scratch:
    """A throwaway copy of lesson_code/: .lprof and .cprofile files never land in the repository,
    and kernprof's File: line stays as short as a learner's."""

    def __init__(self, source=LESSON_CODE):
        expected = build_context.get("build_python")
        if expected and Path(expected).resolve() != Path(sys.executable).resolve():
            raise CommandError(f"the notebook kernel runs {sys.executable}, not the build's "
                               f"{expected}: a kernelspec named python3 elsewhere shadows it")
        self.path = Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX))
        atexit.register(shutil.rmtree, self.path, ignore_errors=True)
        for path in lesson_files(source):  # what the lesson-code archive holds
            shutil.copy2(path, self.path)
        self.env = learner_environment(build_context.get("learner_venv"))
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

    def time(self, command):
        """`time command`, as a learner types it; run.real is the whole process's wall time."""
        run = self.run(f"time {command}")
        run.real = time_report(run.output)["real"]
        return run

    def kernprof(self, script, *arguments, function="sum_nexts", every_function=False):
        """`kernprof -l -v script arguments`; run.table holds `function`'s line timings as the
        .lprof file saved them, checked against the table kernprof printed. every_function adds
        `-p script`: kernprof then profiles every function of the script, no @profile needed."""
        options = f"-l -v -p {script}" if every_function else "-l -v"
        run = self.run(" ".join(["kernprof", options, script, *map(str, arguments)]))
        run.table = line_table(self.file(f"{script}.lprof"), function)
        _publish_profile(self.file(f"{script}.lprof"))
        if not listing_agrees(run.output, run.table, function):
            raise CommandError(f"kernprof printed a table that its {script}.lprof does not hold:"
                               f"\n{run.output}\n{run.table}")
        return run

    def cprofile(self, script, *arguments, saved=None, then=()):
        """`python -m cProfile -o saved script arguments` (saved: script.cprofile by default),
        then the commands `then`; run.stats is the saved profile, read with pstats."""
        saved = saved or script.removesuffix(".py") + ".cprofile"
        run = self.run(" ".join(["python -m cProfile -o", saved, script, *map(str, arguments)]),
                       *then)
        run.stats = profile_stats(self.file(saved))
        _publish_profile(self.file(saved))
        return run

    def run_from(self, version, *commands):
        """Run the commands if the build's Python is `version` (3, 15) or newer; else show them
        as typed, with a line saying which Python they need, and run nothing."""
        if sys.version_info >= version:
            return self.run(*commands)
        built = ".".join(map(str, sys.version_info[:3]))
        return Shown(list(commands), "python-" + "-".join(map(str, version)),  # no dots in a class
                     f"*Needs Python {'.'.join(map(str, version))} or newer: shown here, not run,"
                     f" since this page's outputs come from Python {built}.*")

    def file(self, name):
        return self.path / name


@dataclass
class Shown:
    """Commands this build cannot run, shown as typed for learners who can: a console block
    marked `needs-<needs>` (the page tests do not run it), then `note`, which says why."""

    commands: list
    needs: str  # e.g. "python-3-15" or "pyinstrument"
    note: str

    def _repr_markdown_(self):
        typed = "\n".join(f"$ {command}" for command in self.commands)
        return (f"````{{code-block}} console\n:class: needs-{self.needs}\n\n{typed}\n````"
                f"\n\n{self.note}\n")


def _publish_profile(path):
    """Publish a profile a command saved as profiles/<its name>, for learners whose laptops are
    too slow to make it (the instructor guide lists them)."""
    publish_file(path, f"{PROFILES}/{path.name}")


def _record(run, python):
    """Append each run to the build's command log: the build-cost script replays it, and the
    shown-command test reads which commands ran, where, and how they ended."""
    log = build_context.get("command_log")
    if log:
        with open(log, "a", encoding="utf-8") as stream:
            entry = {"commands": run.commands, "seconds": run.seconds, "returncode": run.returncode,
                     "python": python}
            stream.write(json.dumps(entry) + "\n")
