"""How long a section of the episode takes to teach, estimated from what it holds, so that the
schedule's minutes are the minutes a class takes.

The model, with the constants the schedule's `[pace]` table gives (the instructor guide shows
them): the section's prose at `words_per_minute` (an instructor explains it, the class reading
along); each line of code and output a reader sees (listings, cells, outputs, table rows) at
`lines_per_minute`, a figure counting as `lines_per_figure` lines; and for each command or cell
a learner types and runs, `minutes_per_command`, plus the seconds it runs, as this build ran it.
Exercises keep the minutes the schedule gives them.

What a section holds is read from the page as Sphinx built it (its doctree): what sits in an
admonition (an exercise, a solution, a tip, an instructor's note, a collapsed whole listing) or
in a hidden output is left out, since the class is not taught from it; the key points are
taught, and count. The commands come from the executed notebook (the cells a reader sees) and
the build's progress log (each command's cell and seconds); hidden cells (`remove-cell`) are the
build's own work and do not count. A cell tagged `shown-in-class` runs in the build, and in
class its output is shown from the page rather than waited for: its lines count, not its
commands or their seconds.
"""
import re
from dataclasses import dataclass, fields

from executable_lesson.build.page_sections import cell_sections

HIDDEN, NO_INPUT, SHOWN = "remove-cell", "remove-input", "shown-in-class"
TAUGHT_ADMONITIONS = {"keypoints"}  # the Carpentries' class for a section's summary


@dataclass(frozen=True)
class Pace:
    words_per_minute: float = 100.0
    minutes_per_command: float = 1.0
    lines_per_minute: float = 30.0
    lines_per_figure: float = 10.0

    @classmethod
    def keys(cls):
        return {item.name for item in fields(cls)}


@dataclass
class Holds:
    """What one section holds, for the estimate."""

    words: int = 0
    commands: int = 0
    run_seconds: float = 0.0
    output_lines: float = 0.0

    def minutes(self, pace):
        return (self.words / pace.words_per_minute + self.commands * pace.minutes_per_command
                + self.run_seconds / 60 + self.output_lines / pace.lines_per_minute)

    def said(self, pace):
        return (f"{self.words} words, {self.output_lines:.0f} lines of code and output, {self.commands}"
                f" commands running {self.run_seconds:.0f} s: {self.minutes(pace):.1f} minutes")


SKIPPED_CLASSES = {"dropdown", "tag_hide-output", "tag_hide-cell", "toggle"}


def reading_by_section(doctree, written, pace):
    """{heading: (words, lines)} of the page's `##` sections, paired by position with the
    headings its source writes (`written`): Sphinx renders a title differently (no backticks)."""
    from docutils import nodes
    top = next(iter(doctree.findall(nodes.section)), None)
    sections = [s for s in top.children if isinstance(s, nodes.section)] if top else []
    if len(sections) != len(written):
        raise ValueError(f"{len(written)} `## ` headings in the source, {len(sections)} sections")
    return {heading: _reading(section, pace) for heading, section in zip(written, sections)}


def _left_out(node):
    """Not taught from: an admonition (but the key points), a title, hidden or collapsed parts."""
    from docutils import nodes
    if not isinstance(node, nodes.Element):
        return False
    classes = set(node.get("classes", []))
    if isinstance(node, nodes.Admonition):
        return not TAUGHT_ADMONITIONS & classes
    return (isinstance(node, (nodes.title, nodes.comment, nodes.raw)) or bool(SKIPPED_CLASSES & classes)
            or type(node).__name__.endswith(("exercise_node", "solution_node", "_enumerable_node")))


def _reading(node, pace):
    from docutils import nodes
    if _left_out(node):
        return 0, 0.0
    if isinstance(node, nodes.literal_block):
        return 0, float(len([line for line in node.astext().splitlines() if line.strip()]))
    if isinstance(node, nodes.image):
        return 0, pace.lines_per_figure
    if isinstance(node, nodes.row):
        return 0, 1.0
    if isinstance(node, nodes.paragraph):
        return len(re.findall(r"[^\W_][\w'’.,-]*", node.astext())), 0.0
    words = lines = 0
    for child in node.children if isinstance(node, nodes.Element) else ():
        more_words, more_lines = _reading(child, pace)
        words, lines = words + more_words, lines + more_lines
    return words, lines


def section_holdings(reading, notebook, events):
    """{heading: Holds} of the page's `##` sections: `reading` is reading_by_section()'s;
    `events` the progress log's end events of this page (each with its cell's number, as the
    notebook numbers it, and its seconds)."""
    holds = {heading: Holds(words=words, output_lines=lines) for heading, (words, lines) in reading.items()}
    by_cell = {}
    for event in events:
        by_cell.setdefault(event.get("cell"), []).append(event)
    placed = cell_sections(notebook)
    for cell in notebook["cells"]:
        section = placed.get(cell.get("execution_count"))
        tags = set(cell.get("metadata", {}).get("tags", []))
        if cell["cell_type"] != "code" or section not in holds or HIDDEN in tags or SHOWN in tags \
                or not "".join(cell["source"]).strip():
            continue
        ran = by_cell.get(cell.get("execution_count"), [])
        holds[section].commands += len(ran) or int(NO_INPUT not in tags)  # a cell typed in is one too
        holds[section].run_seconds += sum(event["seconds"] for event in ran)
    return holds
