"""The cheat sheet: every command the lesson uses, grouped by tool, each with what it is for.

The descriptions are the `lesson_commands` file's (commands.toml); the commands are the build's:
each `$ ` line of a console block on a page (what the pages' runs show, the commands shown but not
run on this Python, the ones typed in the text), each magic in a visible notebook cell, the
commands a lesson's own extension adds (answering the `cheat-sheet-commands` event with
[(command, page)]), and each command the build ran (its progress log, which the magics write
too). Every command must match an entry, and every entry a command: so the sheet lists nothing
the lesson does not use, and misses nothing it does.
"""
import re
from dataclasses import dataclass, field
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from executable_lesson.build import config, holders, instructor_guide, toml_tables
from executable_lesson.build.tables import table

ENTRY_KEYS = {"tool", "pattern", "description"}

logger = logging.getLogger(__name__)


class CommandsError(ValueError):
    """The commands file cannot be read."""


@dataclass
class Entry:
    tool: str
    pattern: re.Pattern
    description: str
    shown: list = field(default_factory=list)  # Shown, in page order
    ran: list = field(default_factory=list)  # commands, in the order they ran


@dataclass(frozen=True)
class Shown:
    command: str
    page: str
    needs: str = ""  # what a block shown but not run needs, e.g. "python-3-15"


def load(path):
    path = Path(path)
    entries = []
    data = toml_tables.read(path, CommandsError)
    for _, item in toml_tables.entries(data, "command", ENTRY_KEYS, CommandsError, path.name):
        try:
            pattern = re.compile(item["pattern"])
        except re.error as error:
            raise CommandsError(f"{path.name}: the pattern {item['pattern']!r}: {error}") from error
        entries.append(Entry(item["tool"], pattern, item["description"]))
    return entries


def describe(entries, shown, ran, name="commands.toml"):
    """Place each shown and each ran command under the first entry that matches it; return
    what does not fit, as sentences saying what to edit in the file `name` ([] when all fit)."""
    problems = []
    for item in shown:
        entry = _entry_for(entries, item.command)
        if entry is None:
            problems.append(f"{item.page} shows `{item.command}`, which no entry of"
                            f" {name} describes: add one")
        elif item not in entry.shown:
            entry.shown.append(item)
    for command in ran:
        entry = _entry_for(entries, command)
        if entry is None:
            problems.append(f"the build ran `{command}`, which no entry of {name}"
                            " describes: add one")
        elif command not in entry.ran:
            entry.ran.append(command)
    for entry in entries:
        if not entry.shown and not entry.ran:
            problems.append(f"{name}: the entry {entry.pattern.pattern!r} ({entry.tool})"
                            " matches no command the lesson shows or runs: remove it")
    return problems


def _entry_for(entries, command):
    return next((entry for entry in entries if entry.pattern.search(command)), None)


# -- the commands the pages show ------------------------------------------------------------------

def shown_in(doctree, page, tags):
    """The commands a page shows: each `$ ` line of its console blocks, each magic of its
    visible code cells, skipping what an {only} block leaves out of this build."""
    found = []
    for block in doctree.findall(nodes.literal_block):
        if not _kept(block, tags):
            continue
        lines = block.astext().splitlines()
        if block.get("language") == "console":
            needs = next((c.removeprefix("needs-") for c in block["classes"] if c.startswith("needs-")), "")
            found += [Shown(line[2:].strip(), page, needs) for line in lines if line.startswith("$ ")]
        elif isinstance(block.parent, nodes.container) and "cell_input" in block.parent["classes"]:
            found += [Shown(line.strip(), page) for line in lines if line.startswith("%")]
    return found


def _kept(node, tags):
    while node is not None:
        if isinstance(node, addnodes.only) and not tags.eval_condition(node["expr"]):
            return False
        node = node.parent
    return True


def toc_order(env):
    """The pages in the order of the table of contents, then any others."""
    ordered, todo = [], [env.config.root_doc]
    while todo:
        page = todo.pop(0)
        if page not in ordered:
            ordered.append(page)
            todo[:0] = env.toctree_includes.get(page, [])
    return ordered + sorted(set(env.found_docs) - set(ordered))


# -- in the build -------------------------------------------------------------------------------

def _gather(app, env):
    sheets = holders.pages_holding(env, "cheat-sheet")
    if not sheets:
        return []
    entries = load(Path(app.srcdir) / app.config.lesson_commands)
    shown = []
    for page in toc_order(env):
        if page not in sheets:
            shown += shown_in(env.get_doctree(page), page, app.tags)
    for added in app.emit("cheat-sheet-commands", env):
        shown += [Shown(command, page) for command, page in added]
    ran = [event["command"] for event in instructor_guide.ended(app)]
    for problem in describe(entries, shown, ran, app.config.lesson_commands):
        logger.warning(problem, location=sheets[0])  # -W: the build fails, with every problem listed
    env.lesson_cheat_sheet = entries
    return sheets


def _fill(app, doctree, docname):
    holders.fill_each(doctree, "cheat-sheet", lambda tool: sheet_nodes(
        getattr(app.env, "lesson_cheat_sheet", []), instructor_guide.ended(app), tool,
        doctree.get("source", docname)))


def sheet_nodes(entries, events=(), tool="", where=""):
    """Per tool, a table: one command as the pages show it, the first in page order that did not
    fail when the build ran it (a page's examples of errors are not its main use), with what it
    is for. Entries no page shows (the build's own commands) are left out. Given a `tool` (the
    directive's argument), only that tool's table, without its heading; a tool with no command
    shown is a warning (`where` is the page: -W fails the build), and no table."""
    ran = {event["command"] for event in events}
    failed = ran - {event["command"] for event in events if event["returncode"] == 0}
    shown_tools = list(dict.fromkeys(entry.tool for entry in entries if entry.shown))
    if tool and tool not in shown_tools:
        logger.warning(f"cheat-sheet: no command the lesson shows is under the tool {tool!r}",
                       location=where)
        return []
    result = []
    for name in [tool] if tool else shown_tools:
        rows = []
        for entry in (e for e in entries if e.tool == name and e.shown):
            example = next((s for s in entry.shown if s.command not in failed), entry.shown[0])
            command = nodes.paragraph("", "", nodes.literal(text=example.command))
            if example.needs and example.command not in ran:
                command += nodes.Text(f" (needs {_needs(example.needs)}: shown, not run, here)")
            rows.append([command, instructor_guide.inline(entry.description)])
        result += ([] if tool else [nodes.rubric(text=name)]) + [
            table(["Command", "What it is for"], rows, "cheat-sheet")]
    return result


def _needs(needs):
    """"python-3-15" -> "Python 3.15 or newer"; anything else in words: "other-pythons" ->
    "other pythons"."""
    version = re.fullmatch(r"python-(\d+)-(\d+)", needs)
    return f"Python {version[1]}.{version[2]} or newer" if version else needs.replace("-", " ")


def setup(app):
    config.add_config_values(app)
    app.add_event("cheat-sheet-commands")
    holders.add(app, "cheat-sheet")
    app.connect("env-updated", _gather, priority=600)  # after the others have gathered
    app.connect("doctree-resolved", _fill)
