"""What the pages show names the files of the scratch copy as a learner's own lesson folder
would, and the profiles the pages save are published (cells/commands.py)."""
import pstats
import tempfile

import pytest
from line_profiler import load_stats

from cells.commands import PROFILES, SCRATCH_PREFIX, CommandError, Scratch, without_scratch


@pytest.fixture(scope="module")
def scratch():
    return Scratch()


def test_a_path_in_a_scratch_copy_is_made_relative(scratch):
    assert without_scratch(f"Wrote profile results to {scratch.path}/profile_output.txt") == \
        "Wrote profile results to profile_output.txt"
    assert without_scratch(f"File: {scratch.path}/sum_nexts_original.py\n") == "File: sum_nexts_original.py\n"
    assert without_scratch(f"cd {scratch.path}") == "cd ."
    other = f"{tempfile.gettempdir()}/ipykernel_1/123.py"
    assert without_scratch(other) == other  # only the scratch copies


def test_line_profilers_own_output_shows_no_scratch_folder(scratch):
    run = scratch.run("LINE_PROFILE=1 python profile_word_counts.py 300",
                      "python -m line_profiler profile_output.lprof")
    assert SCRATCH_PREFIX not in run.output and tempfile.gettempdir() not in run.output
    assert "Wrote profile results to profile_output.txt" in run.output


def test_saved_profiles_are_published_and_load(tmp_path, monkeypatch):
    monkeypatch.setenv("LESSON_PUBLISH_DIR", str(tmp_path))
    lesson = Scratch()
    lesson.cprofile("sum_nexts_original.py", 30)
    lesson.kernprof("sum_nexts_original.py", 30)
    assert pstats.Stats(str(tmp_path / PROFILES / "sum_nexts_original.cprofile")).total_calls > 0
    assert load_stats(tmp_path / PROFILES / "sum_nexts_original.py.lprof").timings
    lesson.cprofile("sum_nexts_original.py", 20)  # the same page may save it again


def test_a_profile_another_page_published_is_not_overwritten(tmp_path, monkeypatch):
    monkeypatch.setenv("LESSON_PUBLISH_DIR", str(tmp_path))
    (tmp_path / PROFILES).mkdir()
    (tmp_path / PROFILES / "words.cprofile").write_text("another page's")
    with pytest.raises(CommandError, match="already published by another page"):
        Scratch().cprofile("exercise_word_counts.py", 200, saved="words.cprofile")
