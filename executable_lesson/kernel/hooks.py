"""What a build's notebook kernels do beside running cells (ipython_kernel_config.py installs it).

- Each IPython magic a cell runs (`%time`, `%run`, ...) is timed and written to the
  build's progress log, like a command of the scratch folder: the build's log shows it, the
  instructor guide counts it in its section, and the cheat sheet knows it ran.
- Each cell is numbered as the executed notebook numbers it (its In [n]: the cells kept in the
  history, counted from one), for the progress events to say which cell ran a command.
- What a magic hands to IPython's pager is printed under the cell, as JupyterLab shows it (a
  build's kernel would drop it), and names a file of the scratch folder as a learner sees it in
  their own lesson folder (`File: script.py`), not by its temporary path.
"""
import time

from executable_lesson.support.progress_log import progress
from executable_lesson.support.scratch_paths import without_scratch


def install(shell):
    _time_magics(shell)
    shell.set_hook("show_in_pager", _show_under_cell, priority=10)  # before ipykernel's (99)


def _time_magics(shell):
    """Line magics are timed as they are called; a cell magic (`%%timeit`) is its whole cell."""
    now = {"cell": None, "depth": 0, "count": 0}  # the source of the cell running, or None
    line_magic = shell.run_line_magic

    def run_line_magic(name, line, _stack_depth=1):
        # Only what a cell's own text calls, not a magic a helper or another magic calls itself
        # (a page's hidden checks may run a magic again, quietly).
        timed = now["cell"] is not None and f"%{name}" in now["cell"] and not now["depth"]
        now["depth"] += 1
        began = _started(f"%{name} {line}".rstrip()) if timed else None
        try:
            # One more frame between the magic and the user's: it reads their variables there.
            result = line_magic(name, line, _stack_depth=_stack_depth + 1)
        except BaseException:
            _ended(began, 1)
            raise
        finally:
            now["depth"] -= 1
        _ended(began, 0)
        return result

    def pre_run_cell(info):
        # IPython's own execution_count is already one ahead while a cell runs (IPython 9):
        # count the cells as the notebook will number them instead.
        if info.store_history:
            now["count"] += 1
            shell.lesson_cell = now["count"]
        now["cell"] = info.raw_cell
        first = info.raw_cell.lstrip().partition("\n")[0]
        now["cell magic"] = _started(first.rstrip()) if first.startswith("%%") else None

    def post_run_cell(result):
        _ended(now.pop("cell magic", None), 0 if result.success else 1)
        now["cell"] = None

    shell.run_line_magic = run_line_magic
    shell.events.register("pre_run_cell", pre_run_cell)
    shell.events.register("post_run_cell", post_run_cell)


def _started(command):
    progress({"event": "start", "command": command})
    return command, time.perf_counter()


def _ended(began, returncode):
    if began:
        command, start = began
        progress({"event": "end", "command": command, "returncode": returncode,
                  "seconds": time.perf_counter() - start})


def _show_under_cell(shell, data, start=0, screen_lines=0):
    print(without_scratch(data["text/plain"] if isinstance(data, dict) else data))
