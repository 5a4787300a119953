"""Each lesson script is run by a learner as `python <script> <n> [seed]`."""
import subprocess
import sys

import pytest
from conftest import LESSON_CODE

SCRIPTS = sorted(p.name for p in LESSON_CODE.glob("sum_nexts_*.py"))


def run(*args):
    return subprocess.run([sys.executable, *args], cwd=LESSON_CODE, text=True,
                          capture_output=True, timeout=60)


@pytest.mark.parametrize("script", SCRIPTS)
@pytest.mark.parametrize("n", ["0", "1"])
def test_the_smallest_inputs_work(script, n):
    result = run(script, n)
    assert result.returncode == 0, result.stderr
    expected = 0 if script == "sum_nexts_original.py" or n == "0" else 1
    assert result.stdout.startswith(f"{expected} sums;")


@pytest.mark.parametrize("script", SCRIPTS)
def test_every_variant_prints_the_same_first_sum(script):
    result = run(script, "40", "7")
    reference = run("sum_nexts_preallocated.py", "40", "7").stdout.split(";")[1]
    assert result.returncode == 0
    assert result.stdout.split(";")[1] == reference


def test_a_seed_changes_the_data():
    assert run("sum_nexts_slice_sum.py", "40", "7").stdout != run("sum_nexts_slice_sum.py", "40", "8").stdout


def test_scripts_run_under_kernprof_without_editing(tmp_path):
    script = tmp_path / "sum_nexts_preallocated.py"
    script.write_text((LESSON_CODE / script.name).read_text())
    result = subprocess.run([sys.executable, "-m", "kernprof", "-l", "-v", script.name, "30"],
                            cwd=tmp_path, text=True, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Function: sum_nexts at line" in result.stdout
    assert (tmp_path / "sum_nexts_preallocated.py.lprof").exists()


def test_no_lesson_script_shadows_a_standard_library_module():
    names = {p.stem for p in LESSON_CODE.glob("*.py")}
    assert not names & sys.stdlib_module_names


def test_the_standalone_scripts_share_one_command_line():
    # Each script stands alone for a learner, so the command line is repeated in each: keep the
    # copies identical, so a fix to one is a fix to all.
    import ast

    def functions(path):
        tree = ast.parse(path.read_text())
        return {node.name: ast.unparse(node) for node in tree.body
                if isinstance(node, ast.FunctionDef) and node.name in {"read_args", "main"}}

    scripts = sorted(LESSON_CODE.glob("sum_nexts_*.py")) + sorted(
        LESSON_CODE.glob("exercise_suspect_*.py"))
    first = functions(scripts[0])
    assert set(first) == {"read_args", "main"}
    for script in scripts[1:]:
        assert functions(script) == first, script.name
