"""A learner's environment: a venv with only the lesson's requirements, made as a setup page
tells learners to (venv and pip, which honour pip's own certificate settings), and the stamp that
says when one must be made again."""
import os
import shlex
import subprocess
from pathlib import Path


def learner_venv_steps(python, folder, requirements):
    """The commands (argument lists) that make a learner's environment for `python` in `folder`:
    a venv with only `requirements` installed."""
    return [[str(python), "-m", "venv", str(folder)],
            [str(Path(folder) / "bin" / "python"), "-m", "pip", "install", "-r", str(requirements)]]


def learner_venv_stamp(python, requirements):
    """What a learner's venv made by learner_venv_steps depends on: the real interpreter (a
    venv's python is a link to it), its version, the recipe, and the requirements' text, and
    not where the book is: every copy of the book on one Python can share one such venv."""
    version = subprocess.run([str(python), "-c", "import sys; print(sys.version)"],
                             capture_output=True, text=True, check=True).stdout.strip()
    recipe = [shlex.join(step) for step in learner_venv_steps("PYTHON", "VENV", "REQUIREMENTS")]
    return "\n".join([os.path.realpath(python), version, *recipe,
                      Path(requirements).read_text(encoding="utf-8")])
