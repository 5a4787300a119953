"""The prose of the built pages speaks to the learner: at most one sentence per page on how its
numbers were made (the build report says the rest), an episode that can be taught in its
minutes, and no long listing on the episode's main path (long ones go in a dropdown)."""
import re

import pytest
from bs4 import BeautifulSoup
from conftest import toc_pages

EPISODE = "finding-bottlenecks"
EPISODE_MAX_WORDS = 3600  # pando-python's profiling episodes run 1,800 to 3,100 words
MAIN_PATH_MAX_LINES = 25  # a longer code or output block belongs in a dropdown or a download
BUILD_SENTENCES_MAX = 1  # one sentence on how the page's numbers were made, linking the report
REPORT = "build-report"  # the page whose subject is the build

# A sentence about the build: "build", "builds", "building", "built" (not "built-in", nor
# "built into" a shell).
BUILD_WORD = re.compile(r"\bbuil(?:d|ds|ding|t)\b(?!-in\b|\s+into\b)", re.IGNORECASE)
# ... except where it means how a Python interpreter was built, which Compare Python versions
# teaches (PGO, LTO, where a Python comes from): that is the learner's subject, not the site's.
PYTHON_BUILD = re.compile(
    r"\b(?:PGO|LTO|sysconfig|pyenv|Debian|python-build-standalone|like with like|built alike"
    r"|built the same way|how (?:it|each) was built|two builds|builds differ|a Python's build"
    r"|its own build rules)\b", re.IGNORECASE)
# Not prose: code and console blocks, cell outputs, math, the "#" of heading links, and the
# table of contents (page titles: the build report's names the build).
NOT_PROSE = ("pre, div.highlight, div.cell_output, div.math, a.headerlink, script, style,"
             " div.toctree-wrapper")
# Off the main path: what a learner opens on purpose.
OFF_MAIN_PATH = {"dropdown", "toggle", "toggle-hidden", "exercise", "solution", "instructor-note"}
SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+(?=[A-Z0-9(\"'*`_\[])")


def article(html):
    """The page's own content, without the theme around it."""
    soup = BeautifulSoup(html, "html.parser")
    return soup.select_one("article") or soup


def prose_blocks(html, figures=True):
    """The text of each paragraph, heading, term, list item or table cell of the page's prose,
    whitespace made single; figure captions only with figures=True."""
    content = article(html)
    for element in content.select(NOT_PROSE + ("" if figures else ", figure")):
        element.decompose()
    blocks = []
    for element in content.find_all(["p", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "li", "td",
                                     "th", "caption"]):
        if element.name in {"li", "td", "th"} and element.find("p"):
            continue  # its paragraphs are read on their own
        text = " ".join(element.get_text(" ").split())
        if text:
            blocks.append(text)
    return blocks


def sentences(blocks):
    return [sentence for block in blocks for sentence in SENTENCE_END.split(block) if sentence]


def build_sentences(html):
    """The sentences of the page's prose (captions included) that speak of the build."""
    return [s for s in sentences(prose_blocks(html))
            if BUILD_WORD.search(s) and not PYTHON_BUILD.search(s)]


def words(html):
    """Words as a word counter counts them: whitespace-separated, with a letter or a digit, in
    the prose outside code blocks, outputs and figures."""
    return sum(1 for block in prose_blocks(html, figures=False) for token in block.split()
               if re.search(r"\w", token))


def main_path_blocks(html):
    """(lines, first line) of each code or output block a learner meets without opening
    anything: not in a dropdown, an exercise, a solution or an instructor's note. An output
    table counts a line per row."""
    content = article(html)
    found = []
    for block in content.select("div.highlight pre, div.cell_output table"):
        if any(OFF_MAIN_PATH & set(parent.get("class") or []) or parent.name == "details"
               for parent in block.parents):
            continue
        if block.name == "pre":
            lines = block.get_text().rstrip("\n").splitlines()
        else:
            lines = [" | ".join(cell.get_text(" ", strip=True) for cell in row.select("td, th"))
                     for row in block.select("tr")]
        found.append((len(lines), lines[0] if lines else ""))
    return found


# -- the checks' own tests: what counts, on small pages ----------------------------------------

PAGE = """<html><body><nav>Built with Sphinx.</nav><article>
<h1>Profile a program<a class="headerlink" href="#x">#</a></h1>
<p>Every figure here comes from running the commands (the <a href="build-report.html">build
report</a> says where). Use the built-in <code>sum</code>. A Python built with PGO is faster.</p>
<div class="toctree-wrapper"><ul><li><a href="build-report.html">See how this site was built</a></li></ul></div>
<div class="cell_output"><div class="highlight"><pre>this page was built 2026</pre></div></div>
<figure><img alt="a build"/><figcaption><p>Drawn while the site was built.</p></figcaption></figure>
<div class="dropdown solution admonition"><p class="admonition-title">Solution</p>
<div class="highlight"><pre>{long}</pre></div></div>
<div class="highlight"><pre>{short}</pre></div>
<ul><li><p>One two three.</p></li><li>Four five</li></ul>
</article></body></html>""".format(long="\n".join(["x"] * 40), short="\n".join(["y"] * 3))


def test_build_sentences_are_counted_in_prose_and_captions_only():
    found = build_sentences(PAGE)
    assert found == ["Every figure here comes from running the commands (the build report says"
                     " where).", "Drawn while the site was built."]


def test_words_are_counted_outside_code_outputs_and_figures():
    # the heading, the paragraph, the dropdown's title, the list; not the caption, the output
    # nor the solution's code
    assert words(PAGE) == 3 + 24 + 1 + 3 + 2


def test_only_blocks_on_the_main_path_are_measured():
    assert main_path_blocks(PAGE) == [(1, "this page was built 2026"), (3, "y")]


# -- the built pages --------------------------------------------------------------------------

@pytest.mark.parametrize("page", [page for page in toc_pages() if page != REPORT])
def test_each_page_says_at_most_once_how_its_numbers_were_made(book, page):
    found = build_sentences(book.page(page))
    assert len(found) <= BUILD_SENTENCES_MAX, (
        f"{page}: {len(found)} sentences speak of the build; keep one, linking the build report,"
        " and let the rest speak to the learner:\n" + "\n".join(found))


def test_the_episode_can_be_taught_in_its_minutes(book):
    count = words(book.page(EPISODE))
    assert count <= EPISODE_MAX_WORDS, (
        f"{EPISODE}: {count} words of prose, more than {EPISODE_MAX_WORDS}: move a tangent to"
        " a callout, a dropdown or Go further")


def test_the_episodes_main_path_shows_no_long_listing(book):
    long = [(lines, first) for lines, first in main_path_blocks(book.page(EPISODE))
            if lines > MAIN_PATH_MAX_LINES]
    assert not long, (f"{EPISODE}: blocks longer than {MAIN_PATH_MAX_LINES} lines on the main"
                      " path (show the part the text discusses; the rest in a dropdown): "
                      + "; ".join(f"{lines} lines from {first!r}" for lines, first in long))
