"""The build's progress log: each lesson command's start and end, with its page and cell
(build/progress.py shows it; the instructor guide places each command in its section)."""
import json

from executable_lesson.support import build_context


def progress(event):
    """Tell the build's log that a command starts or ends, with the page and the kernel's cell."""
    context = build_context.read()
    if context.get("progress_log"):
        with open(context["progress_log"], "a", encoding="utf-8") as stream:
            stream.write(json.dumps({"page": context.get("page", "?"), "cell": _cell(),
                                     **event}) + "\n")


def read(path, offset=0):
    """(events, offset): the events of the whole lines from byte `offset` on, and where the next
    read starts. A line being written is left for that read; a line that is not an event is
    skipped (never let one stop the rest)."""
    try:
        with open(path, "rb") as stream:
            stream.seek(offset)
            data = stream.read()
    except FileNotFoundError:
        return [], offset
    events = []
    for line in data.splitlines(keepends=True):
        if not line.endswith(b"\n"):
            break
        offset += len(line)
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if isinstance(event, dict) and event.get("event") in ("start", "end"):
            events.append(event)
    return events, offset


def _cell():
    """The number the executed notebook gives the cell running now (its In [n]), which the
    build's kernels keep (kernel/hooks.py); None outside a build's kernel."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return getattr(get_ipython(), "lesson_cell", None)
