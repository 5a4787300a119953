"""What the pages show names the files of the scratch copy as a learner's own lesson folder
would, and the profiles the pages save are published (finding_bottlenecks/scratch.py)."""
import tempfile

import pytest

from executable_lesson.support.scratch_paths import SCRATCH_PREFIX, without_scratch
from finding_bottlenecks import scratch as lesson_scratch
from finding_bottlenecks.scratch import Scratch
from finding_bottlenecks.settings import PROFILES


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


def test_saved_profiles_are_handed_to_the_build(monkeypatch):
    handed = {}
    monkeypatch.setattr(lesson_scratch, "publish_file", lambda path, name: handed.update({name: path.read_bytes()}))
    lesson = Scratch()
    lesson.cprofile("sum_nexts_original.py", 30)
    lesson.kernprof("sum_nexts_original.py", 30)
    assert sorted(handed) == [f"{PROFILES}/sum_nexts_original.cprofile", f"{PROFILES}/sum_nexts_original.py.lprof"]
    saved = lesson.file("sum_nexts_original.cprofile")
    assert handed[f"{PROFILES}/sum_nexts_original.cprofile"] == saved.read_bytes()
