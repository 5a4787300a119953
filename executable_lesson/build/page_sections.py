"""A page's `##` sections, read from its MyST source, and the section each code cell lies in.

A heading counts only outside fenced blocks (code cells, code, directives): a `## ` line in a
listing or a cell is not one. The cells are read from the executed notebook MyST-NB writes
(jupyter_execute/<page>.ipynb): it holds every code cell, the hidden ones too, with the number
the kernel gave it (IPython's In [n], which the build's progress events carry), and the page's
text in its markdown cells.
"""
import re

FENCE = re.compile(r"^ {0,3}(`{3,}|:{3,}|~{3,})")


HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")


def headings(text, level=2):
    """The text of each heading of this level, in order, outside fenced blocks."""
    return [HEADING.match(line)[2] for line, kind in blocks(text) if kind == level]


def blocks(text):
    """(text, kind) for each line outside the front matter and fenced blocks, kind being its
    heading level or None; a fenced block comes whole, as one item of kind "fence"."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)  # the front matter
    block, fence = [], None  # the opening fence's characters, while inside a fenced block
    for line in text.splitlines():
        found = FENCE.match(line)
        if fence:
            block.append(line)
            # A block ends at a bare fence of its own character, at least as long as its opening.
            bare = line.strip()
            if found and bare == fence[0] * len(bare) and len(bare) >= len(fence):
                yield "\n".join(block), "fence"
                block, fence = [], None
        elif found:
            block, fence = [line], found[1]
        else:
            heading = HEADING.match(line)
            yield line, len(heading[1]) if heading else None


def cell_sections(notebook, level=2):
    """{execution count: the heading of the section its code cell lies in}. A cell before the
    page's first such heading (its set-up, its introduction) belongs to the first section."""
    placed, section, waiting = {}, None, []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "markdown":
            found = headings(_text(cell["source"]), level)
            if found:
                if section is None:
                    placed.update(dict.fromkeys(waiting, found[0]))
                    waiting = []
                section = found[-1]
        elif cell["cell_type"] == "code" and cell.get("execution_count") is not None:
            if section is None:
                waiting.append(cell["execution_count"])
            else:
                placed[cell["execution_count"]] = section
    return placed


def _text(source):
    return source if isinstance(source, str) else "".join(source)
