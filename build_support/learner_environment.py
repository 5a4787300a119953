"""The environment the lesson's commands run in: a learner's terminal with their venv active."""
import os
import sys
from pathlib import Path


def learner_environment(learner_venv=None, environ=None):
    """os.environ (or `environ`) as the lesson's commands get it. They find python and kernprof
    in `learner_venv`, as in an activated venv, and nothing of the build reaches them (during a
    build, the venv book_extension makes from lesson_code/requirements.txt alone, so that a
    command needing anything else fails); without one, this interpreter's."""
    environ = dict(os.environ if environ is None else environ)
    build_bin = str(Path(sys.executable).parent)
    bin_dir = str(Path(learner_venv) / "bin") if learner_venv else build_bin
    others = [p for p in environ.get("PATH", "").split(os.pathsep) if p and p != build_bin]
    env = dict(environ, PATH=os.pathsep.join([bin_dir, *others]))
    if learner_venv:
        env["VIRTUAL_ENV"] = str(learner_venv)
        for name in [name for name in env if name.startswith("LESSON_")] + ["PYTHONPATH"]:
            env.pop(name)
    env.pop("LINE_PROFILE", None)  # would switch on line_profiler's own summaries
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONUNBUFFERED"] = "1"  # keep a script's own lines before any traceback
    # The page shows plain text, as a piped terminal gives: ipykernel forces colours on the
    # programs it starts (py-spy obeys), so its forcing variables go.
    for forcing in ("FORCE_COLOR", "CLICOLOR_FORCE"):
        env.pop(forcing, None)
    env["NO_COLOR"] = "1"
    return env
