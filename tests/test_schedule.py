"""The episode's schedule (docs/schedule.toml): read, checked against the page's `##` sections
and its slot, and given to the pages as substitutions (executable_lesson/build/schedule.py)."""
import pytest
from conftest import DOCS

from executable_lesson.build import schedule as sch
from executable_lesson.build.page_sections import headings

PAGE = """---
kernelspec:
  name: python3
---

# Title

## First

```{code-cell} ipython3
## a comment in a cell
```

````{only} html
```python
## in a listing
```
````

## Second `with code`

### A subsection

## Key points
"""


def planned(*sections, slot=120, unscheduled=("Key points",)):
    return sch.Schedule("episode", slot, unscheduled, tuple(sch.Section(h, t, e) for h, t, e in sections))


def test_headings_are_read_outside_fences_and_front_matter():
    assert headings(PAGE) == ["First", "Second `with code`", "Key points"]
    assert headings(PAGE, level=3) == ["A subsection"]


def test_a_schedule_that_matches_the_page_has_no_problems():
    plan = planned(("First", 10, 5), ("Second `with code`", 20, 0))
    assert sch.problems(plan, PAGE) == []
    said = plan.substitutions()
    assert {key: said[key] for key in ("teaching_minutes", "exercise_minutes", "total_minutes",
                                       "slot_minutes", "break_minutes")} == \
        {"teaching_minutes": "30", "exercise_minutes": "5", "total_minutes": "35",
         "slot_minutes": "120", "break_minutes": "0"}
    assert said["pace_words_per_minute"] == f"{sch.Pace().words_per_minute:g}"  # the model's constants


def test_a_section_missing_from_the_schedule_is_named_with_what_to_add():
    (problem,) = sch.problems(planned(("First", 10, 5)), PAGE)
    assert "episode.md" in problem and "'## Second `with code`'" in problem
    assert 'heading = "Second `with code`"' in problem


def test_a_scheduled_section_missing_from_the_page_is_named():
    plan = planned(("First", 10, 5), ("Second `with code`", 20, 0), ("Third", 5, 0))
    (problem,) = sch.problems(plan, PAGE)
    assert "'Third'" in problem and "not a `## ` heading of episode.md" in problem


def test_key_points_may_be_scheduled_or_not_but_other_headings_must_be():
    plan = planned(("First", 10, 5), ("Second `with code`", 20, 0), unscheduled=())
    (problem,) = sch.problems(plan, PAGE)
    assert "'## Key points'" in problem


def test_sections_out_of_order_are_refused():
    (problem,) = sch.problems(planned(("Second `with code`", 20, 0), ("First", 10, 5)), PAGE)
    assert "not in the page's order" in problem


def test_a_schedule_longer_than_its_slot_is_refused():
    (problem,) = sch.problems(planned(("First", 60, 30), ("Second `with code`", 25, 10)), PAGE)
    assert "125 minutes" in problem and "slot of 120" in problem


def test_the_break_counts_against_the_slot():
    plan = sch.Schedule("episode", 120, ("Key points",), (sch.Section("First", 60, 30),
                        sch.Section("Second `with code`", 20, 0)), break_minutes=15, break_after="First")
    (problem,) = sch.problems(plan, PAGE)
    assert "125 minutes" in problem and "a break of 15" in problem


def test_a_break_after_no_section_and_an_unknown_pace_are_refused(tmp_path):
    path = tmp_path / "schedule.toml"
    sections = '[[section]]\nheading = "First"\nteaching = 10\nexercises = 5\n'
    path.write_text('page = "episode"\nslot_minutes = 120\nbreak_minutes = 10\n'
                    'break_after = "Firsts"\n' + sections)
    with pytest.raises(sch.ScheduleError, match="break_after = 'Firsts' is not a scheduled section"):
        sch.load(path)
    path.write_text('page = "episode"\nslot_minutes = 120\n[pace]\nwords_a_minute = 100\n' + sections)
    with pytest.raises(sch.ScheduleError, match=r"\[pace\] takes positive numbers"):
        sch.load(path)
    path.write_text('page = "episode"\nslot_minutes = 120\nbreak_minutes = 10\nbreak_after = "First"\n'
                    '[pace]\nlines_per_minute = 20\n' + sections)
    plan = sch.load(path)
    assert (plan.break_minutes, plan.planned_minutes, plan.pace.lines_per_minute) == (10, 25, 20)


def test_a_malformed_section_is_refused(tmp_path):
    path = tmp_path / "schedule.toml"
    path.write_text('page = "episode"\nslot_minutes = 120\n[[section]]\nheading = "First"\n'
                    "teaching = 10\nexercise = 5\n")
    with pytest.raises(sch.ScheduleError, match="number 1 has the keys"):
        sch.load(path)
    path.write_text('page = "episode"\nslot_minutes = 120\n[[section]]\nheading = "First"\n'
                    'teaching = "ten"\nexercises = 5\n')
    with pytest.raises(sch.ScheduleError, match="teaching must be a whole number"):
        sch.load(path)


def test_the_check_fails_with_every_difference(tmp_path):
    (tmp_path / "episode.md").write_text(PAGE)
    path = tmp_path / "schedule.toml"
    path.write_text('page = "episode"\nslot_minutes = 120\n[[section]]\nheading = "First part"\n'
                    "teaching = 10\nexercises = 5\n")
    with pytest.raises(sch.ScheduleError) as failed:
        sch.checked(path, tmp_path)
    assert "'## First'" in str(failed.value) and "'First part'" in str(failed.value)


def test_the_lessons_schedule_matches_its_episode_and_fits_two_hours():
    plan = sch.checked(DOCS / "schedule.toml", DOCS)  # what the build checks first
    assert plan.page == "finding-bottlenecks" and plan.slot_minutes == 120
    assert 0 < plan.planned_minutes <= plan.slot_minutes and plan.break_minutes > 0


def test_the_pages_use_the_schedule_rather_than_typing_minutes():
    assert "{{ total_minutes }}" in (DOCS / "index.md").read_text()
    assert "about an hour" not in (DOCS / "index.md").read_text()
