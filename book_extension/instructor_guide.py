"""The instructor guide's tables: the episode's schedule with the slowest command of each section
as this build ran it (`instructor-schedule`), and the profiles the pages published
(`published-profiles`).

Each command the pages run writes its seconds, page and notebook cell to the progress log
(build_support/progress_log.py; book_extension/kernel_hooks.py for the magics). The cell's number is the
kernel's In [n]; the executed notebook says which cell had it, and so which `##` section it lies
in (page_sections.py). Both tables are filled once every page has run.
"""
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from build_support.settings import PROFILES, lesson_n

from . import page_data, progress
from .page_sections import cell_sections, headings
from .tables import table

PAGE = "instructor-guide"

logger = logging.getLogger(__name__)


def ended(app):
    """Every command the build ran, as the progress log's end events, in the order they ended."""
    log = progress.progress_log(app)
    if not log.exists():
        return []
    events = []
    for line in Path(log).read_text(encoding="utf-8").splitlines():
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line being written as the build ends
        if event.get("event") == "end":
            events.append(event)
    return events


def slowest_by_section(events, page, sections):
    """{section heading: the slowest end event of the page's commands in it}, and the events
    whose cell the notebook does not hold (a mapping gone wrong: the guide says so)."""
    slowest, lost = {}, []
    for event in events:
        if event.get("page") != page:
            continue
        section = sections.get(event.get("cell"))
        if section is None:
            lost.append(event)
        elif section not in slowest or event["seconds"] > slowest[section]["seconds"]:
            slowest[section] = event
    return slowest, lost


def published_profiles(app):
    """The names of the profiles the pages published in profiles/, sorted."""
    return sorted(name.removeprefix(f"{PROFILES}/") for name in page_data.published(app.env)
                  if name.startswith(f"{PROFILES}/"))


def profile_commands(names):
    """The command that opens each profile, in a lesson folder that holds it."""
    return [f"python -m pstats {name}" if name.endswith(".cprofile")
            else f"python -m line_profiler {name}" for name in names]


def made_by(name, events):
    """The command that saved the profile `name`, from the progress log, or ''."""
    script = name.removesuffix(".lprof")  # kernprof saves script.py.lprof
    for event in events:
        words = event["command"].split()
        if (name.endswith(".cprofile") and name in words) or (
                name.endswith(".lprof") and words[:1] == ["kernprof"] and script in words):
            return event["command"]
    return ""


# -- the page's tables ----------------------------------------------------------------------------

class schedule_placeholder(nodes.General, nodes.Element):
    """Where the schedule goes, once every page has run."""


class profiles_placeholder(nodes.General, nodes.Element):
    """Where the list of published profiles goes, once every page has run."""


class InstructorSchedule(SphinxDirective):
    def run(self):
        return [schedule_placeholder()]


class PublishedProfiles(SphinxDirective):
    def run(self):
        return [profiles_placeholder()]


def _gather(app, env):
    if PAGE not in env.found_docs:
        return []
    schedule = app.lesson_schedule
    notebook = Path(app.outdir).parent / "jupyter_execute" / f"{schedule.page}.ipynb"
    sections = cell_sections(json.loads(notebook.read_text(encoding="utf-8"))) if notebook.exists() else {}
    events = ended(app)
    env.lesson_slowest, lost = slowest_by_section(events, schedule.page, sections)
    for event in lost:
        logger.warning(f"{schedule.page}: the command `{event['command']}` ran in cell"
                       f" {event.get('cell')}, which the executed notebook {notebook.name} does not"
                       " hold: the guide cannot place it in a section", location=PAGE)
    env.lesson_profiles = [(name, made_by(name, events)) for name in published_profiles(app)]
    return [PAGE]


def _fill(app, doctree, docname):
    for placeholder in doctree.findall(schedule_placeholder):
        placeholder.replace_self(schedule_table(
            app.lesson_schedule, getattr(app.env, "lesson_slowest", {}),
            _anchors(app, docname, app.lesson_schedule.page)))
    for placeholder in doctree.findall(profiles_placeholder):
        placeholder.replace_self(profiles_table(getattr(app.env, "lesson_profiles", [])))


def _anchors(app, docname, page):
    """{a `##` heading of the page, as its source writes it: its link from `docname`}. Sections
    are paired by position: the title Sphinx renders differs from the source (its quotes are
    curly, its code plain), and the schedule's check has matched the headings already."""
    if page not in app.env.found_docs:
        logger.warning(f"the schedule's page {page} is not in the book", location=PAGE)
        return {}
    uri = app.builder.get_relative_uri(docname, page)
    doctree = app.env.get_doctree(page)
    top = next(iter(doctree.findall(nodes.section)), None)  # the page's title, and all below it
    sections = [s for s in top.children if isinstance(s, nodes.section)] if top else []
    written = headings(Path(app.env.doc2path(page)).read_text(encoding="utf-8"))
    if len(written) != len(sections):
        logger.warning(f"{page}: {len(written)} `## ` headings in its source but {len(sections)}"
                       " sections on the page: the guide cannot link them", location=PAGE)
        return {}
    return {heading: f"{uri}#{section['ids'][0]}" for heading, section in zip(written, sections)}


def schedule_table(schedule, slowest, anchors):
    rows = []
    for section in schedule.sections:
        title = inline(section.heading)
        link = anchors.get(section.heading)
        if link is not None:
            title = nodes.paragraph("", "", nodes.reference("", "", *title.children, refuri=link))
        event = slowest.get(section.heading)
        command = (nodes.paragraph("", "", nodes.literal(text=event["command"])) if event
                   else "none" if slowest else "not run in this build")
        rows.append([title, section.teaching, section.exercises, command,
                     f"{event['seconds']:.1f}" if event else ""])
    rows.append(["Total", schedule.teaching_minutes, schedule.exercise_minutes, "", ""])
    return table(["Section", "Teaching (minutes)", "Exercises (minutes)",
                  "Slowest command run live", "Its seconds"], rows, "instructor-schedule")


def profiles_table(profiles):
    rows = []
    for (name, command), opener in zip(profiles, profile_commands([name for name, _ in profiles])):
        link = nodes.raw("", f'<a href="{PROFILES}/{name}" download>{name}</a>', format="html")
        rows.append([nodes.paragraph("", "", link),
                     nodes.paragraph("", "", nodes.literal(text=command)) if command else "",
                     nodes.paragraph("", "", nodes.literal(text=opener))])
    return table(["Profile", "Made by", "Open it with"], rows, "published-profiles")


def inline(text):
    """A paragraph of `text`, with its `backticked` parts as code."""
    paragraph = nodes.paragraph()
    for number, part in enumerate(re.split(r"`([^`]*)`", text)):
        if part:
            paragraph += nodes.literal(text=part) if number % 2 else nodes.Text(part)
    return paragraph


def _substitutions(app, config):
    # The slow-laptop advice names the lesson's n and half of it (a quarter of the time).
    config.myst_substitutions = {**config.myst_substitutions, "lesson_n": str(lesson_n()),
                                 "half_lesson_n": str(lesson_n() // 2)}


def setup(app):
    app.add_node(schedule_placeholder)
    app.add_node(profiles_placeholder)
    app.add_directive("instructor-schedule", InstructorSchedule)
    app.add_directive("published-profiles", PublishedProfiles)
    app.connect("config-inited", _substitutions)
    app.connect("env-updated", _gather)
    app.connect("doctree-resolved", _fill)
