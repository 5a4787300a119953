"""A copy of just what `make html` needs, for builds that must not touch the working tree, and
ways to make such a copy small: pages a test does not need become stubs, or go."""
import ast
import re
import shutil
from pathlib import Path

from executable_lesson.build.page_sections import blocks
from finding_bottlenecks.settings import ROOT  # the repository
from tests.support.lesson_code_copy import LEARNER_OUTPUTS

BOOK_FILES = ["conf.py", "Makefile", "requirements.txt", "docs", "lesson_code", "executable_lesson",
              "finding_bottlenecks"]
EPISODE = "finding-bottlenecks"
# Where `make html` and `make preview` keep the learner's venv, beside their sites.
LEARNER_VENVS = ["_build/learner-venv", "_build/preview/learner-venv"]


def copy_book(folder, venv, learner_venv=None):
    """Copy the book's sources into folder, with .venv a link to an existing venv, and the
    learner's venv a link to learner_venv, if given: a build made on the same Python with the
    same requirements uses it as it is (about five seconds saved a build); any other makes its
    own in the link's place and leaves learner_venv as it was."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in BOOK_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns(*LEARNER_OUTPUTS))
        else:
            shutil.copy2(source, folder / name)
    (folder / ".venv").symlink_to(Path(venv))
    if learner_venv:
        for place in LEARNER_VENVS:
            (folder / place).parent.mkdir(parents=True, exist_ok=True)
            (folder / place).symlink_to(Path(learner_venv))
    return folder


def toc_pages(docs):
    """The pages the toctrees of docs/index.md list, in order (index itself not included)."""
    index = (docs / "index.md").read_text(encoding="utf-8")
    listed = re.findall(r"^```\{toctree\}\n(.*?)^```", index, flags=re.MULTILINE | re.DOTALL)
    return [line.strip() for block in listed for line in block.splitlines()
            if line.strip() and not line.startswith(":")]


def stub_pages(folder, keep):
    """Every page of the table of contents but index and `keep` becomes its title alone: it runs
    nothing, and every link and toctree entry to it still resolves. Returns the stubbed names."""
    stubbed = [name for name in toc_pages(folder / "docs") if name not in keep]
    for name in stubbed:
        page = folder / "docs" / f"{name}.md"
        page.write_text(title_line(page.read_text(encoding="utf-8")) + "\n", encoding="utf-8")
    return stubbed


def title_line(text):
    """The page's `# ` title line."""
    return next(line for line, level in blocks(text) if level == 1)


def episode_showing(folder, script):
    """The copy's book made small: the episode alone, cut down to its set-up cell, its `## `
    headings (the schedule checks them) and, from the section that lists lesson_code/`script`,
    that listing and the section's code cells, in page order; no other prose (its glued figures
    and links would point at cells and pages that are gone). The other pages go, and index.md
    lists the episode alone."""
    docs = folder / "docs"
    source = (docs / f"{EPISODE}.md").read_text(encoding="utf-8")
    front = re.match(r"\A---\n.*?\n---\n", source, flags=re.DOTALL)[0]
    kept, section, set_up, found = [], [], False, False
    listing = f"{{literalinclude}} ../lesson_code/{script}"

    def close_section():
        nonlocal found
        if any(listing in item for item in section):
            kept.extend(item for item in section if listing in item or "{code-cell}" in item)
            found = True
        section.clear()

    for line, level in blocks(source):
        if level in (1, 2):
            close_section()
            kept.append(line)
        elif level == "fence" and "{code-cell}" in line.splitlines()[0] and not set_up:
            kept.append(line)
            set_up = True
        elif level == "fence":
            section.append(line)
    close_section()
    assert found, f"no section of {EPISODE}.md lists lesson_code/{script}"
    for page in toc_pages(docs):
        if page != EPISODE:
            (docs / f"{page}.md").unlink()
    # The sections offered as notebooks stay those of the episode alone: the other pages are gone.
    conf = folder / "conf.py"
    conf.write_text(re.sub(r"^lesson_notebooks = (.*?)(  #.*)?$", lambda found: "lesson_notebooks = "
                           + repr([pair for pair in ast.literal_eval(found[1]) if pair[0] == EPISODE]),
                           conf.read_text(encoding="utf-8"), count=1, flags=re.MULTILINE), encoding="utf-8")
    (docs / f"{EPISODE}.md").write_text(front + "\n" + "\n\n".join(kept) + "\n", encoding="utf-8")
    (docs / "index.md").write_text(title_line((docs / "index.md").read_text(encoding="utf-8"))
                                   + f"\n\n```{{toctree}}\n{EPISODE}\n```\n", encoding="utf-8")
    return folder
