"""Every script in lesson_code/ answers a bad command line as a learner is promised: exit status 2
(as argparse gives), one line on stderr that names the script (no traceback, no usage dump),
nothing on stdout, and nothing written in the folder it ran in.

One table, one test: a new script without an entry in BAD_INPUT fails
test_every_script_is_in_the_table. Each script gets one or two bad command lines, chosen to reach
different checks in it; scripts that share their argument reading share out the ways to get it
wrong rather than each being given all of them.
"""
import os
import re
import subprocess
import sys

import pytest

from finding_bottlenecks.lesson_modules import SCRIPTS
from tests.support.lesson_code_copy import LESSON_CODE, copy_lesson_code, listing

# The versions of sum_nexts and the two suspects share read_args (test_command_line.py keeps the
# copies identical): they share out every way to get N [SEED] wrong, one bad command line each,
# the versions as sum_nexts_versions.toml lists them (a new version is in the table as it is).
SHARED_READ_ARGS = [[], ["ten"], ["2.5"], ["-3"], ["5", "x"], ["5", "-1"], ["5", "1", "2"], ["1e3"]]
SHARING = [*SCRIPTS, "exercise_suspect_a.py", "exercise_suspect_b.py"]

BAD_INPUT = {
    **{script: [SHARED_READ_ARGS[number % len(SHARED_READ_ARGS)]]
       for number, script in enumerate(SHARING)},
    # The exercises: `python script.py N`
    "exercise_word_counts.py": [["-2"]],
    "solution_word_counts.py": [["2", "3"]],
    "profile_word_counts.py": [["many"]],  # exercise_word_counts's main, under its own name
    "exercise_unique_values.py": [[]],
    "solution_unique_values.py": [["1", "2"]],
    "exercise_daily_temperatures.py": [["1e3"]],
    # The tools
    "check_setup.py": [["extra"]],  # takes no argument, and says so
    "check_variant.py": [["no_such_script.py"], ["exercise_suspect_a.py", "many"]],
    "show_profile.py": [[], ["show_profile.py"]],  # a file that is not cProfile's output
    "suffix_sum_accuracy.py": [["2"], ["5", "6"]],
    "measure_variants.py": [["--n", "0"], ["--compare", "no-such-file.json"]],
    "measure_memory.py": [["ten"], ["10", "--effects-n", "0"]],
    "measure_profilers.py": [["10", "--script", "x.py"], ["10", "--without", "gprof"]],
    "compare_pythons.py": [["--rounds", "0", sys.executable], ["/no/such/python"]],
    "time_commands.py": [[], ["--repeats", "0", "true"], ["true", "true"]],
    "time_sum.py": [["0"], ["many"]],
    # A program Go further profiles: `python wait_then_sum.py N SECONDS`
    "wait_then_sum.py": [["4000"], ["4000", "-1"], ["4000", "nan"]],
}
# A script that ignores its command line, and so has no bad input: its name and why (none yet).
NO_ARGUMENTS = {}

CASES = [(script, args) for script, lines in BAD_INPUT.items() for args in lines]


def test_every_script_is_in_the_table():
    scripts = {path.name for path in LESSON_CODE.glob("*.py")}
    missing = scripts - set(BAD_INPUT) - set(NO_ARGUMENTS)
    assert not missing, f"give {sorted(missing)} a bad command line in BAD_INPUT"
    assert set(BAD_INPUT) | set(NO_ARGUMENTS) <= scripts, "the table names a script that is gone"
    assert not set(BAD_INPUT) & set(NO_ARGUMENTS)


@pytest.mark.parametrize("script,args", CASES, ids=[" ".join([s, *a]) for s, a in CASES])
def test_bad_input_gets_one_line_and_status_2(script, args, tmp_path):
    folder = copy_lesson_code(tmp_path / "lesson_code")
    before = listing(folder)
    env = {name: value for name, value in os.environ.items() if name != "LINE_PROFILE"}
    env["PYTHONDONTWRITEBYTECODE"] = "1"  # __pycache__ is Python's, not the script's, doing
    result = subprocess.run([sys.executable, script, *args], cwd=folder, env=env, text=True,
                            capture_output=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert re.match(rf"(usage: python {re.escape(script)}( |$)|{re.escape(script)}: )", line), line
    assert listing(folder) == before, "a refused command line must leave nothing behind"
