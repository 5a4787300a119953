"""What a page hands to the build travels inside its executed notebook, as MyST-NB's glue does.

`send(kind, **data)` displays one output that MyST-NB lifts out of the page (its glue prefix, under
a key of its own) and keeps in the executed notebook; the book's extension gathers these outputs
when Sphinx reads the page (build/page_data.py). So a page taken from the execution
cache hands over the same data again, and no page needs another to have run. The kinds:

- "claim": a sentence the page checked, with its margin (kernel/claims.py);
- "figures": the names of the glued values the prose quotes (kernel/record.py);
- "file": a file the site publishes, by name, its bytes in base64 (kernel/publish.py).

Outside a notebook kernel (a test, a script) nothing is sent.
"""
import base64
import itertools

from executable_lesson.support.page_data import GLUE_PREFIX, KEY_PREFIX, MIME

_numbers = itertools.count(1)  # one kernel runs one page: the keys are unique on the page


def send(kind, **data):
    """Hand `data` to the build as an output of the running cell; False outside a kernel."""
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:
        return False
    if get_ipython() is None or not hasattr(get_ipython(), "kernel"):
        return False
    key = f"{KEY_PREFIX}{next(_numbers)}"
    display({GLUE_PREFIX + MIME: {"kind": kind, **data}}, raw=True,
            metadata={"scrapbook": {"name": key, "mime_prefix": GLUE_PREFIX}})
    return True


def encoded(content):
    """Bytes as the text a "file" carries."""
    return base64.b64encode(content).decode("ascii")
