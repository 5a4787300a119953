"""The exercises' scripts behave as their solutions say, and the learner's setup check works."""
import os
import pstats
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LESSON_CODE

from tests.support.lesson_code_copy import copy_lesson_code


def run(*args, cwd=LESSON_CODE, env=None):
    return subprocess.run([sys.executable, *args], cwd=cwd, text=True, capture_output=True,
                          timeout=120, env=env)


def test_the_word_counts_hot_function_is_count_words(tmp_path):
    saved = tmp_path / "words.cprofile"
    result = run("-m", "cProfile", "-o", str(saved), "exercise_word_counts.py", "5000")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 5
    cumulative = {key[2]: value[3] for key, value in pstats.Stats(str(saved)).stats.items()}
    ours = {name: cumulative[name] for name in ("make_text", "split_words", "count_words",
                                                "most_common")}
    assert max(ours, key=ours.get) == "count_words"


@pytest.mark.parametrize("n,days", [("0", 0), ("1", 1), ("1440", 1), ("1441", 2), ("3000", 3)])
def test_the_temperature_log_reports_each_day_and_the_warmest(n, days):
    result = run("exercise_daily_temperatures.py", n)
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and lines[0] == f"days of readings: {days}"
    assert [line.split(":")[0] for line in lines[1:]] == (["warmest", "coldest"] if days else [])


def test_line_profilers_own_decorator_profiles_only_when_asked(tmp_path):
    # In a copy: a learner's profile_output* files in lesson_code/ must not decide this test
    copy = copy_lesson_code(tmp_path / "code")
    quiet = {name: value for name, value in os.environ.items() if name != "LINE_PROFILE"}
    plain = run("profile_word_counts.py", "500", cwd=copy, env=quiet)
    assert plain.returncode == 0 and len(plain.stdout.splitlines()) == 5
    assert not list(copy.glob("profile_output*")), "plain python must not profile"
    asked = run("profile_word_counts.py", "500", cwd=copy, env={**quiet, "LINE_PROFILE": "1"})
    assert asked.returncode == 0 and "count_words" in asked.stdout
    assert (copy / "profile_output.lprof").is_file()


@pytest.mark.parametrize("n", ["0", "1", "7", "3000"])
def test_the_fixed_unique_values_prints_the_same(n):
    slow, fast = run("exercise_unique_values.py", n), run("solution_unique_values.py", n)
    assert slow.returncode == fast.returncode == 0
    assert slow.stdout == fast.stdout and f"out of {n}" in slow.stdout


def test_the_suspects_are_told_apart():
    a = run("check_variant.py", "exercise_suspect_a.py")
    b = run("check_variant.py", "exercise_suspect_b.py", "50")
    assert a.stdout.strip() == "exercise_suspect_a.py, n = 1000: agrees"
    assert b.stdout.strip() == "exercise_suspect_b.py, n = 50: differs from position 0"


def test_the_setup_check_passes_in_the_build_environment():
    env = dict(os.environ, PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])
    result = run("check_setup.py", env=env)
    assert result.returncode == 0, result.stdout
    assert result.stdout.rstrip().endswith("Your setup is ready.")
