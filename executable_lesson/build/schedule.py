"""The episode's schedule, from the `lesson_schedule` file (schedule.toml, among the pages): its
totals for the pages, and a check that it lists exactly the episode's sections and fits its slot.

The totals are MyST substitutions ({{ teaching_minutes }}, {{ exercise_minutes }},
{{ total_minutes }}, {{ slot_minutes }}). The check runs before any page does, so that a
schedule gone stale fails the build in seconds, naming what to edit.
"""
from dataclasses import dataclass
from pathlib import Path

from sphinx.errors import ExtensionError
from sphinx.util import logging

from executable_lesson.build import config, toml_tables
from executable_lesson.build.pace import Pace
from executable_lesson.build.page_sections import headings

SECTION_KEYS = {"heading", "teaching", "exercises"}

logger = logging.getLogger(__name__)


class ScheduleError(ExtensionError):
    """The schedule and the page disagree, or the schedule does not fit its slot."""


@dataclass(frozen=True)
class Section:
    heading: str  # as the page writes it after `## `
    teaching: int  # minutes
    exercises: int  # minutes


@dataclass(frozen=True)
class Schedule:
    page: str
    slot_minutes: int
    unscheduled: tuple
    sections: tuple
    pace: Pace = Pace()
    break_minutes: int = 0
    break_after: str = ""  # the heading of the section the break follows

    @property
    def teaching_minutes(self):
        return sum(s.teaching for s in self.sections)

    @property
    def exercise_minutes(self):
        return sum(s.exercises for s in self.sections)

    @property
    def total_minutes(self):
        return self.teaching_minutes + self.exercise_minutes

    @property
    def planned_minutes(self):
        return self.total_minutes + self.break_minutes

    def substitutions(self):
        return {"teaching_minutes": str(self.teaching_minutes),
                "exercise_minutes": str(self.exercise_minutes),
                "total_minutes": str(self.total_minutes), "slot_minutes": str(self.slot_minutes),
                "break_minutes": str(self.break_minutes), "break_after": self.break_after,
                **{f"pace_{item}": f"{getattr(self.pace, item):g}" for item in sorted(Pace.keys())}}


def load(path):
    name = _name(path)
    data = toml_tables.read(path, ScheduleError, name)
    sections = []
    for _, entry in toml_tables.entries(data, "section", SECTION_KEYS, ScheduleError, name):
        for key in ("teaching", "exercises"):
            if not isinstance(entry[key], int) or entry[key] < 0:
                raise ScheduleError(f"{name}: section '{entry['heading']}': {key} must be a whole"
                                    f" number of minutes, not {entry[key]!r}")
        sections.append(Section(entry["heading"], entry["teaching"], entry["exercises"]))
    for key in ("page", "slot_minutes"):
        if key not in data:
            raise ScheduleError(f"{name}: `{key}` is missing")
    pace = data.get("pace", {})
    if not isinstance(pace, dict) or set(pace) - Pace.keys() or not all(
            isinstance(v, (int, float)) and v > 0 for v in pace.values()):
        raise ScheduleError(f"{name}: [pace] takes positive numbers for {sorted(Pace.keys())},"
                            f" not {pace!r}")
    break_minutes, break_after = data.get("break_minutes", 0), data.get("break_after", "")
    if not isinstance(break_minutes, int) or break_minutes < 0:
        raise ScheduleError(f"{name}: break_minutes must be a whole number of minutes")
    if break_minutes and break_after not in [section.heading for section in sections]:
        raise ScheduleError(f"{name}: break_after = {break_after!r} is not a scheduled section")
    return Schedule(data["page"], data["slot_minutes"], tuple(data.get("unscheduled", [])),
                    tuple(sections), Pace(**pace), break_minutes, break_after)


def problems(schedule, page_text, name="schedule.toml", page=None):
    """What differs between the schedule and the page's `##` headings, and whether it fits its
    slot, each as a sentence that says what to edit; [] when they agree."""
    page = page or f"{schedule.page}.md"
    on_page = [h for h in headings(page_text) if h not in schedule.unscheduled]
    planned = [s.heading for s in schedule.sections]
    found = []
    for heading in on_page:
        if heading not in planned:
            found.append(f"{page}: the section '## {heading}' is not in {name}: add a [[section]]"
                         f" with heading = \"{heading}\" and its minutes, in page order")
    for heading in planned:
        if heading not in on_page:
            found.append(f"{name}: the section '{heading}' is not a `## ` heading of {page}: copy"
                         " the heading as the page now writes it, or remove that [[section]]")
    if len(set(planned)) != len(planned):
        found.append(f"{name}: a heading is listed twice: {sorted({h for h in planned if planned.count(h) > 1})}")
    if not found and on_page != planned:
        found.append(f"{name}: the sections are not in the page's order; list them as {page} does:"
                     f" {on_page}")
    if schedule.planned_minutes > schedule.slot_minutes:
        found.append(f"{name}: the sections and the break add up to {schedule.planned_minutes}"
                     f" minutes ({schedule.teaching_minutes} teaching, {schedule.exercise_minutes}"
                     f" exercises, a break of {schedule.break_minutes}), more than the slot of"
                     f" {schedule.slot_minutes}: cut minutes here, and the content that takes"
                     f" them from {page}")
    return found


def checked(path, docs):
    """The schedule, once it agrees with its page and fits its slot; else a ScheduleError that
    lists every difference."""
    schedule = load(path)
    source = Path(docs) / f"{schedule.page}.md"
    if not source.is_file():
        raise ScheduleError(f"{_name(path)}: page = \"{schedule.page}\", but there is no {source.name}")
    found = problems(schedule, source.read_text(encoding="utf-8"), _name(path), _name(source))
    if found:
        raise ScheduleError(f"the episode's schedule does not match {source.name}:\n  " + "\n  ".join(found))
    return schedule


def _name(path):
    # as the maintainer who runs the build from the book's folder names it
    path, here = Path(path).resolve(), Path.cwd().resolve()
    return str(path.relative_to(here)) if path.is_relative_to(here) else str(path)


def _substitutions(app, conf):
    try:
        schedule = checked(Path(app.srcdir) / conf.lesson_schedule, app.srcdir)
    except ScheduleError as error:
        # Before any page runs, and in a few lines: Sphinx would wrap an exception in a crash
        # report that asks for a bug report to Sphinx.
        logger.error(str(error))
        raise SystemExit(1) from error
    app.lesson_schedule = schedule
    conf.myst_substitutions = {**conf.myst_substitutions, **schedule.substitutions()}


def setup(app):
    config.add_config_values(app)
    app.connect("config-inited", _substitutions)
