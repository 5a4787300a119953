"""The live preview (`make serve`): re-run a page only when something its outputs depend on changed.

MyST-NB's cache keys a page on its code cells alone, so an edited script in lesson_code/ would
leave stale outputs on the page. The preview adds everything else the outputs depend on to that
key: the lesson_code/ files the page names (and the files those name, in turn), every module of
the packages the cells import (cells/, readers/, charts/, build_support/, subfolders included),
conf.py and book_extension/__init__.py, the interpreter and every package installed beside it,
and LESSON_N. The key goes into the page's kernelspec, which the cache hashes. Before each build every keyed page's
key is computed afresh, and a page whose key changed is read (and so run) again: no file times are
trusted. What a page publishes travels in its executed notebook (page_data.py), so a page taken
from the cache comes with the data of the same run.

`make html` uses none of this: it always runs every page.
"""
import functools
import hashlib
import re
from pathlib import Path

from build_support.settings import CODE_PACKAGES, LESSON_CODE, lesson_n
from build_support.versions import versions_file

ROOT = Path(__file__).resolve().parent.parent
PREVIEW = ROOT / "_build" / "preview"

CODE_CELL = re.compile(r"^```\{code-cell\}.*?^```\s*$", re.MULTILINE | re.DOTALL)
ANY_CELL = re.compile(r"\{code-cell\}")
KERNELSPEC = re.compile(r"^kernelspec:[ \t]*\n", re.MULTILINE)


def named_files(text, candidates):
    return {path for path in candidates if re.search(rf"\b{re.escape(path.stem)}\b", text)}


def lesson_inputs(text):
    """The lesson_code/ files this text names, and every file those name in turn."""
    candidates = sorted(p for p in LESSON_CODE.iterdir() if p.is_file())
    helpers = "".join(p.read_text(encoding="utf-8") for p in helper_files())
    found, todo = set(), named_files(text + helpers, candidates)
    while todo:
        path = todo.pop()
        found.add(path)
        todo |= named_files(path.read_text(encoding="utf-8", errors="replace"), candidates) - found
    return found


def helper_files():
    """Every Python file of the packages the cells import, in subfolders too."""
    return sorted(path for package in CODE_PACKAGES for path in (ROOT / package).rglob("*.py"))


def dependencies(text):
    """Every file whose content the page's outputs may depend on."""
    # conf.py's settings and the extension's wiring (the kernel's environment, the learner's
    # venv); not its other modules (math, buttons, this cache), which change no output.
    return (sorted(lesson_inputs(text)) + helper_files()
            + [ROOT / "conf.py", ROOT / "book_extension" / "__init__.py"])


def page_key(text, environment=None):
    """A digest of everything the page's outputs depend on, the cells included."""
    cells = CODE_CELL.findall(text)
    if len(cells) != len(ANY_CELL.findall(text)):
        raise ValueError("write each code cell in a ```{code-cell} fence of three backticks: "
                         "the preview cannot key cells written otherwise")
    digest = hashlib.sha256()
    # The interpreter and every installed package, as installed (not as requirements.txt asks).
    digest.update((environment if environment is not None else _installed()).encode())
    digest.update(f"LESSON_N={lesson_n()}\n".encode())
    for cell in cells:
        digest.update(cell.encode())
    for path in dependencies(text):
        digest.update(f"\n{path.relative_to(ROOT)}\n".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


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
    key = page_key(text)
    source[0] = with_key(text, key)
    for path in dependencies(text):
        app.env.note_dependency(str(path))
    app.env.lesson_page_data[docname] = key


def _remember_keys(app, env, docnames):
    if not hasattr(env, "lesson_page_data"):
        env.lesson_page_data = {}


def _forget_page(app, env, docname):
    getattr(env, "lesson_page_data", {}).pop(docname, None)


def _changed_keys(app, env, added, changed, removed):
    """Pages whose inputs changed since they were read, whatever the files' times say."""
    stale = []
    for docname, key in getattr(env, "lesson_page_data", {}).items():
        source = Path(env.doc2path(docname))
        if docname not in removed and source.exists():
            if page_key(source.read_text(encoding="utf-8")) != key:
                stale.append(docname)
    return stale


def setup_preview(app):
    app.connect("env-before-read-docs", _remember_keys)
    app.connect("env-purge-doc", _forget_page)
    app.connect("source-read", _key_the_page)
    app.connect("env-get-outdated", _changed_keys)
