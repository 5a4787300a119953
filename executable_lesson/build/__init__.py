"""The Sphinx extension of an executable lesson: what conf.py's settings cannot say by themselves.

- the notebook kernels run on the build's own interpreter and learn what they need of the build
  from a file in their profile (support/build_context.py); the lesson's commands run in a
  learner's environment made from the lesson's requirements alone, and each is logged;
- what each page hands to the build (its claims, figures and published files) is gathered from
  its executed notebook and written into the site (page_data.py), with the lesson-code archive
  and the versions used;
- every claim is listed with its margin in the build report and `claims.json`
  (claims_report.py), and the log shows each lesson command as it runs (progress.py);
- a sentence that depends on a measurement is chosen among the page's own `{when}` blocks
  (alternatives.py);
- the schedule gives the pages their minutes and must match the episode's sections
  (schedule.py); the instructor guide shows it with each section's slowest command
  (instructor_guide.py); the cheat sheet lists every command the lesson shows (cheat_sheet.py);
  the setup page lists every lesson file (lesson_scripts.py);
- sphinx-exercise numbers the exercises, and only them (exercises.py); math is MathML (mathml.py);
- the repository buttons point where this copy came from (repository.py); the download menu
  offers each page's executed notebook; timing pages never run in parallel; the preview
  (`-t preview`) runs a page again only when its inputs changed (preview.py).
"""
import os
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from sphinx.errors import ExtensionError

from executable_lesson.build import (
    alternatives,
    cheat_sheet,
    claims_report,
    config,
    exercises,
    instructor_guide,
    lesson_scripts,
    mathml,
    page_data,
    progress,
    schedule,
    section_notebooks,
)
from executable_lesson.build.repository import repository_url
from executable_lesson.support import build_context
from executable_lesson.support.learner_venv import learner_venv_stamp, learner_venv_steps
from executable_lesson.support.lesson_files import lesson_files
from executable_lesson.support.versions import versions_file


def settings(app):
    """The `lesson_*` settings conf.py gave (config.py)."""
    return config.read(app.config)


def code_folder(app):
    return Path(app.confdir) / settings(app).folder


def lesson_files_of(app):
    """The lesson's files, as a learner downloads them."""
    given = settings(app)
    return lesson_files(code_folder(app), given.suffixes, given.ignore)


def tell_kernels(app, **values):
    """Values the kernels read from the build's context (support/build_context.py)."""
    app.kernel_context.update(values)


def _kernel_environment(app, conf):
    # The kernels import the pages' packages from conf.py's folder, and run this very interpreter.
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(app.confdir), os.environ.get("PYTHONPATH")]))
    given = settings(app)
    tell_kernels(app, build_python=sys.executable, lesson_folder=str(code_folder(app)),
                 suffixes=list(given.suffixes), ignore=list(given.ignore),
                 flag_ratio=given.flag_ratio)
    conf.html_theme_options.setdefault("repository_url", repository_url(app.confdir, given.home))


def _check_settings(app):
    config.check(app)


def _refuse_parallel_execution(app):
    # Timings are only honest when no other notebook runs beside them.
    if app.parallel > 1:
        raise RuntimeError("Build this book without -j: parallel execution would skew its timings.")


def _learner_environment(app):
    """The pages' commands run in what a learner installs: a venv with only the lesson's
    requirements, made with venv and pip for this Python as a setup page says. It is made again
    when its interpreter, its recipe or the requirements change."""
    venv = Path(app.outdir).parent / "learner-venv"
    requirements = code_folder(app) / settings(app).requirements
    stamp = learner_venv_stamp(sys.executable, requirements)
    tell_kernels(app, learner_venv=str(venv))
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


def _log_commands(app):
    # The lesson's commands log their wall time here; a maintainer's tool can replay them.
    log = Path(app.outdir).parent / "lesson-commands.jsonl"
    log.unlink(missing_ok=True)
    tell_kernels(app, command_log=str(log))


def _tell_the_kernels(app):
    build_context.write(progress.kernel_profile(app), **app.kernel_context)


def _write_downloads(app, exception):
    """The learner's download of the lesson code, and the versions this build used, in the site."""
    if exception is None:
        with zipfile.ZipFile(Path(app.outdir) / settings(app).archive, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in lesson_files_of(app):
                zf.write(path, f"{Path(settings(app).archive).stem}/{path.name}")
        (Path(app.outdir) / "build-versions.txt").write_text(versions_file(), encoding="utf-8")


def _offer_notebooks(app, pagename, templatename, context, doctree):
    # The theme's download menu offers the executed notebook beside the page's source.
    if (Path(app.outdir).parent / "jupyter_execute" / f"{pagename}.ipynb").exists():
        context["ipynb_source"] = pagename + ".ipynb"


def _copy_notebooks(app, exception):
    if exception is None:
        for notebook in (Path(app.outdir).parent / "jupyter_execute").glob("*.ipynb"):
            shutil.copy2(notebook, Path(app.outdir) / "_sources" / notebook.name)


def setup(app):
    app.kernel_context = {}
    config.add_config_values(app)
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
    section_notebooks.setup(app)
    if app.tags.has("preview"):
        from executable_lesson.build.preview import setup_preview
        setup_preview(app)
    app.connect("config-inited", _kernel_environment)
    app.connect("builder-inited", _check_settings, priority=100)
    app.connect("builder-inited", _refuse_parallel_execution)
    app.connect("builder-inited", _log_commands)
    app.connect("builder-inited", _learner_environment, priority=400)  # before the lesson's probes
    app.connect("builder-inited", _tell_the_kernels, priority=900)  # once the others have spoken
    app.connect("build-finished", _write_downloads)
    app.connect("html-page-context", _offer_notebooks)
    app.connect("build-finished", _copy_notebooks)
    return {"parallel_read_safe": False, "parallel_write_safe": True}
