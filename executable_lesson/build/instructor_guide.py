"""The instructor guide's schedule: the episode's sections with the slowest command of each as this
build ran it (`instructor-schedule`).

Each command the pages run writes its seconds, page and notebook cell to the progress log
(support/progress_log.py; kernel/hooks.py for the magics). The cell's number is the
kernel's In [n]; the executed notebook says which cell had it, and so which `##` section it lies
in (page_sections.py). The table is filled once every page has run.
"""
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from executable_lesson.build import holders, progress
from executable_lesson.build.pace import SHOWN, reading_by_section, section_holdings
from executable_lesson.build.page_sections import cell_sections, headings
from executable_lesson.build.tables import table
from executable_lesson.support import progress_log

logger = logging.getLogger(__name__)


def ended(app):
    """Every command the build ran, as the progress log's end events, in the order they ended."""
    events, _ = progress_log.read(progress.log_path(app))
    return [event for event in events if event["event"] == "end"]


def slowest_by_section(events, page, sections, shown=frozenset()):
    """{section heading: the slowest end event of the page's commands in it}, and the events
    whose cell the notebook does not hold (a mapping gone wrong: the guide says so). The
    commands of the cells in `shown` (their numbers) count in a dictionary of their own: in
    class their outputs are shown from the page, not waited for."""
    slowest, slowest_shown, lost = {}, {}, []
    for event in events:
        if event.get("page") != page:
            continue
        section = sections.get(event.get("cell"))
        into = slowest_shown if event.get("cell") in shown else slowest
        if section is None:
            lost.append(event)
        elif section not in into or event["seconds"] > into[section]["seconds"]:
            into[section] = event
    return slowest, slowest_shown, lost


def shown_cells(notebook):
    """The numbers of the notebook's cells tagged to be shown in class, not run (pace.SHOWN)."""
    return {cell.get("execution_count") for cell in notebook["cells"]
            if SHOWN in cell.get("metadata", {}).get("tags", [])}


# -- the page's tables ----------------------------------------------------------------------------

def _gather(app, env):
    pages = holders.pages_holding(env, "instructor-schedule")
    if not pages:
        return []
    schedule = app.lesson_schedule
    notebook = Path(app.outdir).parent / "jupyter_execute" / f"{schedule.page}.ipynb"
    executed = json.loads(notebook.read_text(encoding="utf-8")) if notebook.exists() else {"cells": []}
    events = ended(app)
    env.lesson_slowest, env.lesson_shown, lost = slowest_by_section(
        events, schedule.page, cell_sections(executed), shown_cells(executed))
    for event in lost:
        logger.warning(f"{schedule.page}: the command `{event['command']}` ran in cell"
                       f" {event.get('cell')}, which the executed notebook {notebook.name} does not"
                       " hold: the guide cannot place it in a section", location=pages[0])
    env.lesson_estimates = _estimates(app, schedule, notebook, executed, events)
    return pages


def _estimates(app, schedule, notebook, executed, events):
    """{heading: Holds} once the page has run; each section given fewer teaching minutes than
    its estimate is named (a warning: `make html` fails on it), with what the estimate counts."""
    if not notebook.exists():
        return {}
    written = headings(Path(app.env.doc2path(schedule.page)).read_text(encoding="utf-8"))
    try:
        reading = reading_by_section(app.env.get_doctree(schedule.page), written, schedule.pace)
    except ValueError as error:
        logger.warning(f"{schedule.page}: {error}: the guide cannot estimate its minutes")
        return {}
    holds = section_holdings(reading, executed, [e for e in events if e.get("page") == schedule.page])
    for section in schedule.sections:
        estimate = holds[section.heading].minutes(schedule.pace)
        if section.teaching < estimate:
            logger.warning(f"{app.config.lesson_schedule}: '{section.heading}' is given"
                           f" {section.teaching} minutes of teaching, but holds"
                           f" {holds[section.heading].said(schedule.pace)}: give it more minutes"
                           f" (from a section with room), or move or cut some of what it holds")
    return holds


def _fill(app, doctree, docname):
    holders.fill(doctree, "instructor-schedule", lambda: schedule_table(
        app.lesson_schedule, getattr(app.env, "lesson_slowest", {}),
        _anchors(app, docname, app.lesson_schedule.page), getattr(app.env, "lesson_estimates", {}),
        getattr(app.env, "lesson_shown", {})))


def _anchors(app, docname, page):
    """{a `##` heading of the page, as its source writes it: its link from `docname`}. Sections
    are paired by position: the title Sphinx renders differs from the source (its quotes are
    curly, its code plain), and the schedule's check has matched the headings already."""
    if page not in app.env.found_docs:
        logger.warning(f"the schedule's page {page} is not in the book", location=docname)
        return {}
    uri = app.builder.get_relative_uri(docname, page)
    doctree = app.env.get_doctree(page)
    top = next(iter(doctree.findall(nodes.section)), None)  # the page's title, and all below it
    sections = [s for s in top.children if isinstance(s, nodes.section)] if top else []
    written = headings(Path(app.env.doc2path(page)).read_text(encoding="utf-8"))
    if len(written) != len(sections):
        logger.warning(f"{page}: {len(written)} `## ` headings in its source but {len(sections)}"
                       " sections on the page: the guide cannot link them", location=docname)
        return {}
    return {heading: f"{uri}#{section['ids'][0]}" for heading, section in zip(written, sections)}


def schedule_table(schedule, slowest, anchors, estimates=None, shown=None):
    """The sections, each with its minutes, the estimate of what it holds (when the page ran)
    and its slowest command run in class (and its slowest shown from the page instead); the
    break after its section; the totals."""
    estimates, shown, rows = estimates or {}, shown or {}, []
    for section in schedule.sections:
        title = inline(section.heading)
        link = anchors.get(section.heading)
        if link is not None:
            title = nodes.paragraph("", "", nodes.reference("", "", *title.children, refuri=link))
        event = slowest.get(section.heading)
        command = (nodes.paragraph("", "", nodes.literal(text=event["command"])) if event
                   else "none" if slowest or shown else "not run in this build")
        seconds = f"{event['seconds']:.1f}" if event else ""
        if section.heading in shown:  # in the cell, then what the class sees instead of a wait
            instead = shown[section.heading]
            command = nodes.container("", command if event else nodes.paragraph(text="none"),
                                      nodes.paragraph("", "Shown from the page, not run: ",
                                                      nodes.literal(text=instead["command"]),
                                                      nodes.Text(f" ({instead['seconds']:.1f} s)")))
        holds = estimates.get(section.heading)
        rows.append([title, section.teaching,
                     f"{holds.minutes(schedule.pace):.1f}" if holds else "", section.exercises,
                     command, seconds])
        if schedule.break_minutes and section.heading == schedule.break_after:
            rows.append([f"Break: {schedule.break_minutes} minutes", "", "", "", "", ""])
    # the sum of the estimates as the column shows them, so that the column adds up
    total = sum(round(estimates[s.heading].minutes(schedule.pace), 1) for s in schedule.sections
                if s.heading in estimates)
    rows.append(["Total", schedule.teaching_minutes, f"{total:.1f}" if estimates else "",
                 schedule.exercise_minutes, "", ""])
    return table(["Section", "Teaching (minutes)", "Estimate (minutes)", "Exercises (minutes)",
                  "Slowest command run in class", "Its seconds"], rows, "instructor-schedule")


def inline(text):
    """A paragraph of `text`, with its `backticked` parts as code."""
    paragraph = nodes.paragraph()
    for number, part in enumerate(re.split(r"`([^`]*)`", text)):
        if part:
            paragraph += nodes.literal(text=part) if number % 2 else nodes.Text(part)
    return paragraph


def setup(app):
    holders.add(app, "instructor-schedule")
    app.connect("env-updated", _gather)
    app.connect("doctree-resolved", _fill)
