"""The environment the lesson's commands run in: a learner's terminal with their venv active."""
import os
import sys
from pathlib import Path


def learner_environment(learner_venv=None, environ=None, unset=()):
    """os.environ (or `environ`) as the lesson's commands get it. They find python and the
    lesson's tools in `learner_venv`, as in an activated venv, and nothing of the build reaches
    them (during a build, the venv the extension makes from the lesson's requirements alone, so
    that a command needing anything else fails); without one, this interpreter's. The variables
    `unset` (a tool's switches that would change what a command prints) are removed."""
    environ = dict(os.environ if environ is None else environ)
    build_bin = str(Path(sys.executable).parent)
    bin_dir = str(Path(learner_venv) / "bin") if learner_venv else build_bin
    others = [p for p in environ.get("PATH", "").split(os.pathsep) if p and p != build_bin]
    env = dict(environ, PATH=os.pathsep.join([bin_dir, *others]))
    if learner_venv:
        env["VIRTUAL_ENV"] = str(learner_venv)
        for name in [name for name in env if name.startswith("LESSON_")] + ["PYTHONPATH"]:
            env.pop(name)
    for name in unset:
        env.pop(name, None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONUNBUFFERED"] = "1"  # keep a script's own lines before any traceback
    # The page shows plain text, as a piped terminal gives: ipykernel forces colours on the
    # programs it starts (some obey), so its forcing variables go.
    for forcing in ("FORCE_COLOR", "CLICOLOR_FORCE"):
        env.pop(forcing, None)
    env["NO_COLOR"] = "1"
    return env
