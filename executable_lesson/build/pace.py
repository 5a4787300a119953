"""How long a section of the episode takes to teach, estimated from what it holds, so that the
schedule's minutes are the minutes a class takes.

The model, with the constants the schedule's `[pace]` table gives (the instructor guide shows
them): the section's prose at `words_per_minute` (an instructor explains it, with the class
reading along); for each command or cell a learner types and runs, `minutes_per_command`, plus the
seconds it runs, as this build ran it; and its output read together at `lines_per_minute`, a
figure counting as `lines_per_figure` lines. Exercises keep the minutes the schedule gives them.

What a section holds is read from its page (the prose outside fenced blocks: exercises,
solutions and instructor notes are not taught from the page), from the executed notebook (the
cells a reader sees, and their outputs) and from the build's progress log (each command's cell
and seconds). Hidden cells (`remove-cell`) are the build's own work: they do not count.
"""
import re
from dataclasses import dataclass, fields

from executable_lesson.build.page_sections import blocks, headings

HIDDEN, NO_OUTPUT, NO_INPUT = "remove-cell", "remove-output", "remove-input"


@dataclass(frozen=True)
class Pace:
    words_per_minute: float = 100.0
    minutes_per_command: float = 1.0
    lines_per_minute: float = 40.0
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
        return (f"{self.words} words, {self.commands} commands running {self.run_seconds:.0f} s,"
                f" {self.output_lines:.0f} lines of output: {self.minutes(pace):.1f} minutes")


def words_by_section(page_text, level=2):
    """{heading: words of its prose}, outside fenced blocks; a role or inline code is one word."""
    found, section = {}, None
    for line, kind in blocks(page_text):
        if kind == level:
            section = headings(line, level)[0]
            found.setdefault(section, 0)
        elif kind is None and section is not None:
            plain = re.sub(r"\{[\w:-]+\}`[^`]*`|`[^`]*`", " x ", line)
            plain = re.sub(r"\]\([^)]*\)|<[^>]+>|\(#[^)]*\)=", " ", plain)
            found[section] += len(re.findall(r"[^\W_][\w'’.,-]*", plain))
    return found


def section_holdings(page_text, notebook, events, pace, level=2):
    """{heading: Holds} of the page's `##` sections. `events`: the progress log's end events of
    this page (each with its cell's number, as the notebook numbers it, and its seconds)."""
    holds = {heading: Holds(words=words) for heading, words in words_by_section(page_text, level).items()}
    by_cell = {}
    for event in events:
        by_cell.setdefault(event.get("cell"), []).append(event)
    section = None
    for cell in notebook["cells"]:
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown":
            titles = headings(source, level)
            section = titles[-1] if titles else section
            continue
        tags = set(cell.get("metadata", {}).get("tags", []))
        if section not in holds or HIDDEN in tags or not source.strip():
            continue
        ran = by_cell.get(cell.get("execution_count"), [])
        shown = NO_INPUT not in tags
        holds[section].commands += len(ran) or int(shown)  # a cell typed in is one command too
        holds[section].run_seconds += sum(event["seconds"] for event in ran)
        if NO_OUTPUT not in tags:
            holds[section].output_lines += sum(_lines(output, pace) for output in cell.get("outputs", []))
    return holds


def _lines(output, pace):
    if output.get("output_type") == "stream":
        return _count(output.get("text", ""))
    data = output.get("data", {})
    if any(kind.startswith("image/") for kind in data):
        return pace.lines_per_figure
    for kind in ("text/markdown", "text/html", "text/plain"):
        if kind in data:
            return _count(data[kind])
    return 0


def _count(text):
    text = "".join(text) if isinstance(text, list) else text
    return len([line for line in text.splitlines() if line.strip() and not line.startswith("```")])
