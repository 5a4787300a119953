"""The estimate of a section's minutes from what it holds (executable_lesson/build/pace.py)."""
from docutils import nodes

from executable_lesson.build.pace import Holds, Pace, reading_by_section, section_holdings

PACE = Pace(words_per_minute=100, minutes_per_command=1, lines_per_minute=10, lines_per_figure=5)


def section(title, *children):
    return nodes.section("", nodes.title(text=title), *children)


def page():
    """A page's doctree: its title, then two `##` sections."""
    first = section("First",
                    nodes.paragraph(text="one two three four"),
                    nodes.literal_block(text="$ python a.py\nprinted\n\n"),
                    nodes.image(uri="chart.svg"),
                    nodes.admonition("", nodes.paragraph(text="an exercise is not taught"),
                                     nodes.literal_block(text="a\nb\nc\n")),
                    nodes.container("", nodes.literal_block(text="hidden\noutput\n"),
                                    classes=["tag_hide-output"]))
    second = section("Second with code", nodes.bullet_list("", nodes.list_item(
        "", nodes.paragraph(text="five six"))),
        nodes.admonition("", nodes.title(text="Key points"), nodes.paragraph(text="seven eight nine"),
                         classes=["keypoints"]))
    document = nodes.document(None, None)
    document += section("Title", first, second)
    return document


def test_prose_code_and_figures_are_read_and_admonitions_but_key_points_and_hidden_outputs_left_out():
    reading = reading_by_section(page(), ["First", "Second `with code`"], PACE)
    # an exercise's admonition is left out, the key points are taught
    assert reading == {"First": (4, 2 + 5), "Second `with code`": (2 + 3, 0)}


def test_commands_are_the_runs_of_the_cells_a_reader_sees():
    notebook = {"cells": [
        {"cell_type": "markdown", "source": "## First\n", "metadata": {}},
        {"cell_type": "code", "source": "lesson.run('a')", "execution_count": 1,
         "metadata": {"tags": ["remove-input"]}},
        {"cell_type": "code", "source": "x = 1", "execution_count": 2, "metadata": {}},
        {"cell_type": "code", "source": "checks()", "execution_count": 3,
         "metadata": {"tags": ["remove-cell"]}},
        {"cell_type": "code", "source": "lesson.run('slow')", "execution_count": 4,
         "metadata": {"tags": ["remove-input", "shown-in-class"]}},
        {"cell_type": "markdown", "source": "## Second `with code`\n", "metadata": {}}]}
    events = [{"cell": 1, "seconds": 30.0}, {"cell": 1, "seconds": 6.0}, {"cell": 3, "seconds": 99.0},
              {"cell": 4, "seconds": 60.0}]
    holds = section_holdings({"First": (4, 7), "Second `with code`": (2, 0)}, notebook, events)
    first = holds["First"]
    # two runs, and a cell typed in; not the build's hidden cell, nor the run shown in class
    assert (first.commands, first.run_seconds) == (3, 36.0)
    # 4 words / 100 + 3 commands + 36 s + 7 lines / 10
    assert first.minutes(PACE) == 0.04 + 3 + 0.6 + 0.7
    assert holds["Second `with code`"] == Holds(words=2)
