"""A build that says what it is doing: one line per lesson command, as it runs.

The pages' commands run in the notebook kernels, whose output goes into the pages. Each command
appends its start and end to a progress file (support/progress_log.py); a thread here prints a line
for each command as it ends (its seconds, page and command), and every minute names a command
still running, so a command that hangs shows itself. The kernels' one harmless warning (their local connection is not
encrypted) is silenced by a profile of their own; any other warning still shows.
"""
import os
import shutil
import sys
import threading
import time
from pathlib import Path

from executable_lesson.support import build_context, progress_log
from executable_lesson.support.build_context import FILE

HERE = Path(__file__).resolve().parent


STILL_RUNNING = 60  # seconds between lines about a command that has not ended


class Tail(threading.Thread):
    def __init__(self, path, out=sys.stdout):
        super().__init__(daemon=True)
        self.path, self.out, self.done = path, out, threading.Event()
        self.running = None  # (event, when it started here, when it was last mentioned)

    def run(self):
        offset = 0
        while not self.done.is_set():
            offset = self.show_from(offset)
            if self.running and time.monotonic() - self.running[2] >= STILL_RUNNING:
                event, started, _ = self.running
                self.out.write(f"  still running after {time.monotonic() - started:.0f} s:"
                               f" {event['page']}: {event['command']}\n")
                self.out.flush()
                self.running = (event, started, time.monotonic())
            self.done.wait(0.25)
        self.show_from(offset)

    def show_from(self, offset):
        events, offset = progress_log.read(self.path, offset)
        for event in events:
            if event["event"] == "start":
                self.running = (event, time.monotonic(), time.monotonic())
            else:
                self.running = None
                self.out.write(progress_text(event))
        self.out.flush()
        return offset


def progress_text(event):
    """`    12.3 s  a-page: python slow_script.py 10000`"""
    code = event["returncode"]
    failed = "" if code == 0 else " (timed out)" if code is None else f" (exit {code})"
    return f"  {event['seconds']:7.1f} s  {event['page']}: {event['command']}{failed}\n"


def kernel_profile(app):
    """The IPython profile the build's kernels read (their settings, and the build's context)."""
    return Path(app.outdir).parent / "ipython" / "profile_default"


def log_path(app):
    return Path(app.outdir).parent / "lesson-progress.jsonl"


def _start(app):
    log = log_path(app)
    log.unlink(missing_ok=True)
    app.lesson_progress = Tail(log)
    app.lesson_progress.start()
    profile = kernel_profile(app)
    (profile / FILE).unlink(missing_ok=True)  # no context of an earlier build
    build_context.write(profile, progress_log=str(log))
    shutil.copy2(HERE / "ipython_kernel_config.py", profile)
    os.environ["IPYTHONDIR"] = str(profile.parent)  # the kernels read their profile there


def _page_being_read(app, docname, source):
    # Its commands' progress lines name it: its kernel starts after this
    build_context.write(kernel_profile(app), page=docname)


def _stop(app, exception):
    tail = getattr(app, "lesson_progress", None)
    if tail:
        tail.done.set()
        tail.join(timeout=5)


def setup(app):
    app.connect("builder-inited", _start)
    app.connect("source-read", _page_being_read)
    app.connect("build-finished", _stop)
