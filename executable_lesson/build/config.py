"""The extension's settings, declared once: each a `lesson_*` config value that conf.py sets,
with its type, its default and what it is for; checked when the builder starts, one line per bad
value."""
from dataclasses import dataclass, field, fields
from pathlib import Path

from sphinx.errors import ConfigError


@dataclass(frozen=True)
class LessonConfig:
    folder: str = field(default="code", metadata={
        "help": "the folder of the learner's files (scripts, requirements), from conf.py's folder:"
                " copied for each page's commands, offered as an archive, keyed by the preview"})
    suffixes: tuple = field(default=(".py", ".txt", ".toml"), metadata={
        "help": "what a lesson file's name ends with"})
    ignore: tuple = field(default=("__pycache__", "*.pyc"), metadata={
        "help": "patterns of what a learner's runs leave in that folder: never a lesson file"})
    requirements: str = field(default="requirements.txt", metadata={
        "help": "the learner's requirements, in the code folder: the pages' commands run in a venv"
                " made from them alone"})
    archive: str = field(default="lesson-code.zip", metadata={
        "help": "the name of the site's archive of the lesson files"})
    packages: tuple = field(default=(), metadata={
        "help": "the packages the pages' cells import: the preview runs a page again when one of"
                " their modules changes"})
    schedule: str = field(default="schedule.toml", metadata={
        "help": "the episode's plan of sections and minutes, in the pages' folder"})
    commands: str = field(default="commands.toml", metadata={
        "help": "what each command is for, for the cheat sheet, in the pages' folder"})
    flag_ratio: float = field(default=1.1, metadata={
        "help": "the build report flags a claim that held by less than this ratio"})
    home: str = field(default="", metadata={
        "help": "the project's address, for the repository buttons when no other is known"})
    preview_inputs: tuple = field(default=(), metadata={
        "help": "environment variables a page's outputs depend on: the preview keys on them"})
    notebooks: tuple = field(default=(), metadata={
        "help": "(page, `##` heading) pairs: each section offered as a notebook to download"})


def add_config_values(app):
    """Declare every setting once per build, whichever part of the extension asks first."""
    if getattr(app, "_lesson_config_declared", False):
        return
    app._lesson_config_declared = True
    for item in fields(LessonConfig):
        app.add_config_value(f"lesson_{item.name}", item.default, "env", types=_types(item))


def _types(item):
    return {tuple: (list, tuple), float: (int, float)}.get(item.type, (item.type,))


def read(config):
    """The settings as conf.py gave them."""
    return LessonConfig(**{item.name: _as(item, getattr(config, f"lesson_{item.name}"))
                           for item in fields(LessonConfig)})


def _as(item, value):
    return tuple(value) if item.type is tuple and isinstance(value, (list, tuple)) else value


def problems(settings, confdir, srcdir):
    """One line per bad value."""
    found = []
    folder = Path(confdir) / settings.folder
    if not folder.is_dir():
        found.append(f"lesson_folder = {settings.folder!r}: no such folder beside conf.py")
    elif not (folder / settings.requirements).is_file():
        found.append(f"lesson_requirements = {settings.requirements!r}: no such file in {settings.folder}")
    for name in ("suffixes", "ignore", "packages", "preview_inputs"):
        value = getattr(settings, name)
        if not isinstance(value, tuple) or not all(isinstance(v, str) and v for v in value):
            found.append(f"lesson_{name} = {value!r}: a list of non-empty strings")
    if not all(isinstance(pair, (list, tuple)) and len(pair) == 2
               and all(isinstance(v, str) and v for v in pair) for pair in settings.notebooks):
        found.append(f"lesson_notebooks = {settings.notebooks!r}: a list of (page, heading) pairs")
    for name in ("schedule", "commands"):
        if not (Path(srcdir) / getattr(settings, name)).is_file():
            found.append(f"lesson_{name} = {getattr(settings, name)!r}: no such file among the pages")
    for package in settings.packages:
        if not (Path(confdir) / package).is_dir():
            found.append(f"lesson_packages: no package {package!r} beside conf.py")
    if not isinstance(settings.flag_ratio, (int, float)) or settings.flag_ratio <= 1:
        found.append(f"lesson_flag_ratio = {settings.flag_ratio!r}: a number above 1")
    return found


def check(app):
    found = problems(read(app.config), app.confdir, app.srcdir)
    if found:
        raise ConfigError("\n".join(found))
