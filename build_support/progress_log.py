"""The build's progress log: each lesson command's start and end, with its page and cell
(book_extension/progress.py shows it; the instructor guide places each command in its section)."""
import json
import os


def progress(event):
    """Tell the build's log that a command starts or ends, with the page and the kernel's cell."""
    path = os.environ.get("LESSON_PROGRESS")
    if path:
        with open(path, "a", encoding="utf-8") as stream:
            stream.write(json.dumps({"page": os.environ.get("LESSON_PAGE", "?"), "cell": _cell(),
                                     **event}) + "\n")


def _cell():
    """The number the executed notebook gives the cell running now (its In [n]), which the
    build's kernels keep (book_extension/kernel_hooks.py); None outside a build's kernel."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return getattr(get_ipython(), "lesson_cell", None)
