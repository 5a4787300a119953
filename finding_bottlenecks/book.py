"""This lesson's own Sphinx extension, beside the machinery's (`executable_lesson`):

- the `{only}` tags of its pages: which Python builds (`sys_monitoring` from 3.12,
  `profiling_package` from 3.15), one Python found to compare or several, `py_spy` where a short
  probe shows that py-spy may read a program here, `pyinstrument` where the learner's
  requirements install it on this Python; and what the pages' kernels need of them;
- the profiles the pages published, for the instructor guide and the cheat sheet
  (profiles_guide.py);
- the lesson's n as a substitution (`{{ lesson_n }}`, `{{ half_lesson_n }}`).
"""
import os
from pathlib import Path

from executable_lesson.build import tell_kernels
from finding_bottlenecks import profiles_guide
from finding_bottlenecks.learner_profilers import pinned_for_this_python, py_spy_refusal
from finding_bottlenecks.pythons import build_tags, find_pythons
from finding_bottlenecks.settings import lesson_n


def _python_tags(app, config):
    found = len(find_pythons())
    tell_kernels(app, pythons_found=found)  # the comparison page checks it compared as many
    for tag, wanted in build_tags(found).items():
        if wanted:
            app.tags.add(tag)
    # The slow-laptop advice names the lesson's n and half of it (a quarter of the time).
    config.myst_substitutions = {**config.myst_substitutions, "lesson_n": str(lesson_n()),
                                 "half_lesson_n": str(lesson_n() // 2)}


def _profiler_tags(app):
    """`py_spy` where py-spy may read the program it starts (else the pages show what it said),
    `pyinstrument` where the learner's requirements install it on this Python."""
    # LESSON_PY_SPY_REFUSED, set before the build, shows a maintainer the page such a machine gets.
    said = os.environ.get("LESSON_PY_SPY_REFUSED") or py_spy_refusal(
        Path(app.kernel_context["learner_venv"]) / "bin")
    tell_kernels(app, py_spy_refused=said)
    if not said:
        app.tags.add("py_spy")
    if pinned_for_this_python("pyinstrument"):
        app.tags.add("pyinstrument")


def setup(app):
    app.setup_extension("executable_lesson")  # its kernels' context and the cheat sheet's event
    profiles_guide.setup(app)
    app.connect("config-inited", _python_tags)
    app.connect("builder-inited", _profiler_tags)  # after the learner's venv is made (priority 400)
    return {"parallel_read_safe": False, "parallel_write_safe": True}
