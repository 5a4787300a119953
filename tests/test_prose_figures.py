"""No typed facts: every number in the pages' prose is glued from the build, or is one of the few
kinds of number listed below, which no build could measure."""
import re

import pytest
from conftest import DOCS, toc_pages

# Numbers that may stand in prose, each with why. Everything else must come from a {glue} role.
ALLOWED = [
    (r"\b[Ss]teps? \d\b", "step numbers name parts of the lesson (exercises are numbered by"
     " sphinx-exercise, and named by label: {numref}`ex-name`)"),
    (r"\bPython \d(?:\.\d+)?(?:(?:,| and| to| or) \d\.\d+)*\b",
     "Python versions: what a sentence is about, not a measurement"),
    (r"\bPEP \d+|\{pep\}`\d+`", "a PEP's number is its name"),
    (r"\b(?:gh|bpo)-\d+\b", "a CPython issue's number is its name"),
    (r"\b(?:CC BY|Creative Commons Attribution) 4\.0\b", "the licence's version"),
    (r"\b2016\b", "the year of the original course, and the scripts' default seed, named as such"),
    (r"\bfor 20000 (?:words|values)|\b20000 values\b|\bfor 200000 readings\b",
     "an exercise's command-line argument"),
    (r"\bISO 8601\b", "a standard's number is its name"),
    (r"about 2 for quadratic work, about 1 for linear work", "the exponents that define the terms"),
]


def without_code_blocks(text):
    """Drop every backtick-fenced block (cells, code, console, directives) but keep the prose
    inside {only} and {when} blocks (each a case a reader may see). Read line by line: such a
    block's closing fence is not an opening."""
    kept, code, only = [], None, None
    for line in text.splitlines():
        if code:
            if re.fullmatch(re.escape(code) + r"[ \t]*", line):
                code = None
            continue
        fence = re.match(r"(`{3,})(.*)$", line)
        if not fence:
            kept.append(line)
        elif only and re.fullmatch(re.escape(only) + r"[ \t]*", line):
            only = None
        elif fence[2].startswith(("{only}", "{when}")):
            only = fence[1]
        else:
            code = fence[1]
    return "\n".join(kept)


def prose(text):
    """The page without what is not prose: front matter, cells, code and console blocks, math,
    glued values, inline code, link targets and HTML."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    text = without_code_blocks(text)
    text = re.sub(r"^:{3,}\{(?:list-table|figure)\}.*?^:{3,}[ \t]*$", "", text,
                  flags=re.MULTILINE | re.DOTALL)
    text = re.sub(r"\$\$.*?\$\$|\$[^$\n]+\$", "", text, flags=re.DOTALL)  # math: symbols, not figures
    text = re.sub(r"\{glue:\w+\}`[^`]*`", "", text)
    text = re.sub(r"\{pep\}`(\d+)`", r"PEP \1", text)  # a PEP's number is its name (ALLOWED)
    text = re.sub(r"``[^`]*``|`[^`]*`", "", text)
    return re.sub(r"\]\([^)]*\)|<[^>]*>|https?://\S+", "]", text)


def typed_figures(text):
    for pattern, _why in ALLOWED:
        text = re.sub(pattern, "", text)
    return [(number, line.strip()) for line in text.splitlines()
            for number in re.findall(r"(?<![\w.])\d[\d,.]*", line)]


@pytest.mark.parametrize("page", toc_pages())
def test_every_figure_in_the_prose_is_glued_or_allowed(page):
    typed = typed_figures(prose((DOCS / f"{page}.md").read_text(encoding="utf-8")))
    assert not typed, f"{page}.md types these figures; glue them from the build: {typed}"


def test_a_typed_figure_is_caught():
    page = "Each run lasts at least 0.2 s, {glue:text}`run_seconds` in fact, as in step 2.\n"
    assert [number for number, _ in typed_figures(prose(page))] == ["0.2"]
    # an exercise's number comes from the extension: {numref}`ex-name`, not "exercise 2"
    assert [number for number, _ in typed_figures(prose("As in exercise 2 and {numref}`ex-a`.\n"))] == ["2"]
    assert typed_figures(prose("```{code-cell} ipython3\nx = 0.2\n```\nAt step 3.\n")) == []
    # prose after an {only} block is read too (its closing fence opens nothing)
    only = "```{only} one_python\nSteps 1.\n```\n\nTyped 0.3 here.\n\n```console\n$ x 5\n```\n"
    assert [number for number, _ in typed_figures(prose(only))] == ["0.3"]


def test_the_pages_come_from_the_table_of_contents():
    assert {"setup", "finding-bottlenecks", "python-versions", "going-further",
            "build-report"} <= set(toc_pages())
    assert all((DOCS / f"{page}.md").is_file() for page in toc_pages())


def only_blocks(text):
    """The prose of each {only} block: what a build without that tag leaves out, but still
    parses, with its figures NOT_MEASURED."""
    return re.findall(r"^(`{3,})\{only\}.*?\n(.*?)^\1[ \t]*$", text, re.MULTILINE | re.DOTALL)


@pytest.mark.parametrize("page", toc_pages())
def test_a_figure_an_only_block_quotes_has_a_format_a_missing_figure_takes(page):
    """A figure NOT_MEASURED reaches the glue as NaN: a format with a type (`:,.0f`, `:.1f`)
    writes it, a bare `:,` refuses it and fails the build that left the block out."""
    text = (DOCS / f"{page}.md").read_text(encoding="utf-8")
    specs = [spec for _, block in only_blocks(text)
             for spec in re.findall(r"\{glue:text\}`\w+:([^`]*)`", block)]
    assert not [spec for spec in specs if not re.search(r"[efg%]$", spec)], specs


def test_a_bare_thousands_format_in_an_only_block_is_caught():
    block = "```{only} some_tool\nIt took {glue:text}`samples:,` samples.\n```\n"
    ((_, found),) = only_blocks(block)
    assert re.findall(r"\{glue:text\}`\w+:([^`]*)`", found) == [","]
