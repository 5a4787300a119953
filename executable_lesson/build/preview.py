"""The live preview (`-t preview`, `make serve`): re-run a page only when something its outputs
depend on changed.

MyST-NB's cache keys a page on its code cells alone, so an edited script in the lesson's code
folder would leave stale outputs on the page. The preview adds everything else the outputs depend
on to that key: the lesson files the page names (and the files those name, in turn), every module
of the packages the cells import (`lesson_packages`, subfolders included), conf.py and this
extension's wiring, the interpreter and every package installed beside it, and the environment
variables named in `lesson_preview_inputs`. The key goes into the page's kernelspec, which the
cache hashes. Before each build every keyed page's key is computed afresh, and a page whose key
changed is read (and so run) again: no file times are trusted. What a page publishes travels in
its executed notebook (page_data.py), so a page taken from the cache comes with the data of the
same run.

A full build uses none of this: it always runs every page.
"""
import functools
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from executable_lesson.build import config
from executable_lesson.support.versions import versions_file

WIRING = Path(__file__).resolve().parent / "__init__.py"  # the kernels' environment, the learner's venv
CODE_CELL = re.compile(r"^```\{code-cell\}.*?^```\s*$", re.MULTILINE | re.DOTALL)
ANY_CELL = re.compile(r"\{code-cell\}")
KERNELSPEC = re.compile(r"^kernelspec:[ \t]*\n", re.MULTILINE)


def named_files(text, candidates):
    return {path for path in candidates if re.search(rf"\b{re.escape(path.stem)}\b", text)}


@dataclass(frozen=True)
class Inputs:
    """What a page's outputs may depend on, beside its cells: the lesson's code folder, the
    packages its cells import, and environment variables, all under the book's root."""

    root: Path
    code: Path
    packages: tuple = ()
    variables: tuple = ()

    def lesson_inputs(self, text):
        """The lesson files this text names, and every file those name in turn."""
        candidates = sorted(p for p in Path(self.code).iterdir() if p.is_file())
        helpers = "".join(p.read_text(encoding="utf-8") for p in self.helper_files())
        found, todo = set(), named_files(text + helpers, candidates)
        while todo:
            path = todo.pop()
            found.add(path)
            todo |= named_files(path.read_text(encoding="utf-8", errors="replace"), candidates) - found
        return found

    def helper_files(self):
        """Every Python file of the packages the cells import, in subfolders too."""
        return sorted(path for package in self.packages
                      for path in (Path(self.root) / package).rglob("*.py"))

    def dependencies(self, text):
        """Every file whose content the page's outputs may depend on."""
        # conf.py's settings and the extension's wiring; not its other modules (math, buttons,
        # this cache), which change no output.
        files = sorted(self.lesson_inputs(text)) + self.helper_files() + [Path(self.root) / "conf.py"]
        return files + ([WIRING] if WIRING not in files else [])

    def page_key(self, text, environment=None):
        """A digest of everything the page's outputs depend on, the cells included."""
        cells = CODE_CELL.findall(text)
        if len(cells) != len(ANY_CELL.findall(text)):
            raise ValueError("write each code cell in a ```{code-cell} fence of three backticks: "
                             "the preview cannot key cells written otherwise")
        digest = hashlib.sha256()
        # The interpreter and every installed package, as installed (not as requirements ask).
        digest.update((environment if environment is not None else _installed()).encode())
        for name in self.variables:
            digest.update(f"{name}={os.environ.get(name)}\n".encode())
        for cell in cells:
            digest.update(cell.encode())
        for path in self.dependencies(text):
            shown = path.relative_to(self.root) if path.is_relative_to(self.root) else path.name
            digest.update(f"\n{shown}\n".encode())
            digest.update(path.read_bytes())
        return digest.hexdigest()[:20]


def inputs(app):
    given = config.read(app.config)
    root = Path(app.confdir)
    return Inputs(root, root / given.folder, given.packages, given.preview_inputs)


@functools.cache
def _installed():
    return versions_file()  # read once per build: the environment cannot change under it


def with_key(text, key):
    """The page, its kernelspec carrying the key (MyST-NB's cache hashes the kernelspec)."""
    if not KERNELSPEC.search(text):
        raise ValueError("a page with code cells needs a kernelspec in its top matter")
    return KERNELSPEC.sub(lambda m: m.group(0) + f"  lesson_inputs: {key}\n", text, count=1)


def _key_the_page(app, docname, source):
    text = source[0]
    if not ANY_CELL.search(text):
        return
    keys = inputs(app)
    key = keys.page_key(text)
    source[0] = with_key(text, key)
    for path in keys.dependencies(text):
        app.env.note_dependency(str(path))
    app.env.preview_keys[docname] = key


def _remember_keys(app, env, docnames):
    if not hasattr(env, "preview_keys"):
        env.preview_keys = {}


def _forget_page(app, env, docname):
    getattr(env, "preview_keys", {}).pop(docname, None)


def _changed_keys(app, env, added, changed, removed):
    """Pages whose inputs changed since they were read, whatever the files' times say."""
    stale, keys = [], inputs(app)
    for docname, key in getattr(env, "preview_keys", {}).items():
        source = Path(env.doc2path(docname))
        if docname not in removed and source.exists():
            if keys.page_key(source.read_text(encoding="utf-8")) != key:
                stale.append(docname)
    return stale


def setup_preview(app):
    app.connect("env-before-read-docs", _remember_keys)
    app.connect("env-purge-doc", _forget_page)
    app.connect("source-read", _key_the_page)
    app.connect("env-get-outdated", _changed_keys)
