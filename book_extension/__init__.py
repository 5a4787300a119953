"""The Sphinx extension that wires the book: what conf.py's settings cannot say by themselves.

- the notebook kernel finds the pages' helpers (cells/) and runs on the build's own interpreter;
- {only} tags say which Python built the book and how many Pythons it compared;
- the repository, issue and edit buttons point at where this copy of the book came from;
- what each page hands to the build (its claims, figures and published files) is gathered from
  its executed notebook and written into the site (page_data.py), with the lesson-code archive
  and the versions used;
- the lesson's commands run in a learner's environment, and each is logged (for the
  shown-command test and maintainer/build_cost.py);
- the download menu offers each page's executed notebook;
- timing pages never run in parallel; `make serve` re-runs only pages whose inputs changed;
- every claim the pages checked is gathered with its margin (claims_report.py), and the log
  shows each lesson command as it runs (progress.py);
- the episode's schedule (docs/schedule.toml) gives the pages its minutes and must match the
  episode's sections (schedule.py); the instructor guide shows it with each section's slowest
  command and the published profiles (instructor_guide.py); the cheat sheet lists every command
  the lesson uses (cheat_sheet.py); the setup page lists every script (lesson_scripts.py);
- sphinx-exercise numbers the exercises, and only them, and its boxes are valid HTML (exercises.py);
- a sentence that depends on a measurement is chosen among the page's own `{when}` blocks by a
  value the page glued (alternatives.py).
"""
import os
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from sphinx.errors import ExtensionError

from build_support import build_context
from build_support.learner_profilers import pinned_for_this_python, py_spy_refusal
from build_support.pythons import build_tags, find_pythons, learner_venv_stamp, learner_venv_steps
from build_support.settings import LESSON_CODE, lesson_files
from build_support.versions import versions_file

from . import (
    alternatives,
    cheat_sheet,
    claims_report,
    exercises,
    instructor_guide,
    lesson_scripts,
    mathml,
    page_data,
    progress,
    schedule,
)
from .repository import repository_url

ROOT = Path(__file__).resolve().parent.parent


def _kernel_environment(app):
    # The kernel imports cells/ from the repository root, and must be this very interpreter.
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    app.kernel_context = {"build_python": sys.executable}


def _tags_and_buttons(app, config):
    found = len(find_pythons())
    app.kernel_context["pythons_found"] = found  # the page checks it compared as many
    for tag, wanted in build_tags(found).items():
        if wanted:
            app.tags.add(tag)
    config.html_theme_options.setdefault("repository_url", repository_url(ROOT))


def _refuse_parallel_execution(app):
    # Timings are only honest when no other notebook runs beside them.
    if app.parallel > 1:
        raise RuntimeError("Build this book without -j: parallel execution would skew its timings.")


def _learner_environment(app):
    """The pages' commands run in what a learner installs: a venv with only
    lesson_code/requirements.txt, made with venv and pip for this Python as the setup page says
    (cells/commands.py uses it). It is made again when its interpreter, its recipe or the
    requirements change."""
    venv = Path(app.outdir).parent / "learner-venv"
    requirements = LESSON_CODE / "requirements.txt"
    stamp = learner_venv_stamp(sys.executable, requirements)
    app.kernel_context["learner_venv"] = str(venv)
    if (venv / "stamp").is_file() and (venv / "stamp").read_text(encoding="utf-8") == stamp:
        return
    _remove(venv)
    for step in learner_venv_steps(sys.executable, venv, requirements):
        made = subprocess.run(step, capture_output=True, text=True)
        if made.returncode != 0:
            _remove(venv)
            raise ExtensionError(f"could not make the learner's environment ({shlex.join(step)}):"
                                 f" {made.stderr.strip() or made.stdout.strip()}")
    (venv / "stamp").write_text(stamp, encoding="utf-8")


def _remove(venv):
    # A link to another build's venv is dropped, never emptied: that venv stays as it was.
    if venv.is_symlink():
        venv.unlink()
    else:
        shutil.rmtree(venv, ignore_errors=True)


def _profiler_tags(app):
    """Tags for the sampling profilers' prose: `py_spy` where py-spy may read the program it
    starts (else the pages show what it said), `pyinstrument` where the learner's requirements
    install it on this Python."""
    # LESSON_PY_SPY_REFUSED, set before the build, shows a maintainer the page such a machine gets.
    said = os.environ.get("LESSON_PY_SPY_REFUSED") or py_spy_refusal(
        Path(app.kernel_context["learner_venv"]) / "bin")
    app.kernel_context["py_spy_refused"] = said
    if not said:
        app.tags.add("py_spy")
    if pinned_for_this_python("pyinstrument"):
        app.tags.add("pyinstrument")


def _log_commands(app):
    # The lesson's commands log their wall time here; maintainer/build_cost.py replays them.
    log = Path(app.outdir).parent / "lesson-commands.jsonl"
    log.unlink(missing_ok=True)
    app.kernel_context["command_log"] = str(log)


def _tell_the_kernels(app):
    # What the kernels need of this build, in their profile (build_support/build_context.py)
    build_context.write(progress.kernel_profile(app), **app.kernel_context)


def _write_downloads(app, exception):
    """The learner's download of the lesson code, and the versions this build used, in the site."""
    if exception is None:
        _zip_lesson_code(Path(app.outdir) / "lesson-code.zip")
        (Path(app.outdir) / "build-versions.txt").write_text(versions_file(), encoding="utf-8")


def _zip_lesson_code(archive):
    """The learner's download: the lesson's files (lesson_files()), in a lesson-code/ folder."""
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in lesson_files():
            zf.write(path, f"lesson-code/{path.name}")


def _offer_notebooks(app, pagename, templatename, context, doctree):
    # The theme's download menu offers the executed notebook beside the page's source.
    if (Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb").exists():
        context["ipynb_source"] = pagename + ".ipynb"


def _copy_notebooks(app, exception):
    if exception is None:
        for notebook in (Path(app.outdir).parent / "jupyter_execute").glob("*.ipynb"):
            shutil.copy2(notebook, Path(app.outdir) / "_sources" / notebook.name)


def setup(app):
    _kernel_environment(app)
    mathml.setup(app)
    alternatives.setup(app)
    exercises.setup(app)
    page_data.setup(app)
    claims_report.setup(app)
    progress.setup(app)
    schedule.setup(app)
    instructor_guide.setup(app)
    cheat_sheet.setup(app)
    lesson_scripts.setup(app)
    if app.tags.has("preview"):
        from .preview import setup_preview
        setup_preview(app)
    app.connect("config-inited", _tags_and_buttons)
    app.connect("builder-inited", _refuse_parallel_execution)
    app.connect("builder-inited", _log_commands)
    app.connect("builder-inited", _learner_environment)
    app.connect("builder-inited", _profiler_tags)
    app.connect("builder-inited", _tell_the_kernels, priority=900)  # once the others have spoken
    app.connect("build-finished", _write_downloads)
    app.connect("html-page-context", _offer_notebooks)
    app.connect("build-finished", _copy_notebooks)
    return {"parallel_read_safe": False, "parallel_write_safe": True}
