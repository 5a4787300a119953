"""What the build tells the notebook kernels that run its pages: one small file in the kernels'
own IPython profile (the extension writes it; the page that is being read is in it too), read
by the page API inside a kernel. Nothing passes through environment variables of ours.

Its keys: build_python (the interpreter that builds, which the kernels must run), learner_venv
(where the lesson's commands find python), command_log and progress_log (where commands are
logged), page (the page being read), and what the lesson's own extension adds.
"""
import json
from pathlib import Path

FILE = "build-context.json"


def write(profile_dir, **values):
    """Add `values` to the context in the profile folder `profile_dir` (made if missing)."""
    path = Path(profile_dir) / FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    context = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    path.write_text(json.dumps({**context, **values}, indent=1), encoding="utf-8")


def read():
    """The context of the build whose kernel runs this code; {} outside one."""
    try:
        from IPython import get_ipython
    except ImportError:
        return {}
    shell = get_ipython()
    profile = getattr(getattr(shell, "profile_dir", None), "location", None)
    path = Path(profile) / FILE if profile else None
    return json.loads(path.read_text(encoding="utf-8")) if path and path.is_file() else {}


def get(name, default=None):
    return read().get(name, default)
