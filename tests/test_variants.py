"""Correct first: every variant computes the suffix sums of the same numbers."""
import math

import pytest

from lessonbuild import check_variants, compare_variant, load_variant, reference_sums
from conftest import LESSON_CODE

VARIANTS = ["sum_nexts_original.py", "sum_nexts_preallocated.py", "sum_nexts_slice_sum.py",
            "sum_nexts_numpy_builtin_sum.py", "sum_nexts_numpy_sum.py"]
COMPLETE = VARIANTS[1:]  # the original drops the last, empty, sum


def test_the_lesson_code_has_exactly_these_variants():
    assert sorted(p.name for p in LESSON_CODE.glob("sum_nexts_*.py")) == sorted(VARIANTS)


def test_reference_is_the_sum_of_the_numbers_after_each_position():
    assert reference_sums([1.0, 2.0, 4.0, 8.0]) == [14.0, 12.0, 8.0, 0.0]
    assert reference_sums([]) == []


@pytest.mark.parametrize("script", COMPLETE)
@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 250])
def test_complete_variants_agree_with_the_reference(script, n):
    module = load_variant(LESSON_CODE / script)
    numbers = module.gen_data(n, seed=5)
    comparison = compare_variant(script, module.sum_nexts(numbers), reference_sums(numbers))
    assert comparison.agrees, comparison.verdict()


@pytest.mark.parametrize("n", [1, 2, 7, 250])
def test_the_original_misses_only_the_last_sum(n):
    module = load_variant(LESSON_CODE / "sum_nexts_original.py")
    numbers = module.gen_data(n, seed=5)
    reference = reference_sums(numbers)
    sums = module.sum_nexts(numbers)
    assert len(sums) == n - 1
    assert all(math.isclose(a, b, rel_tol=1e-12) for a, b in zip(sums, reference))
    assert reference[-1] == 0.0


def test_all_variants_see_the_same_numbers_and_the_seed_matters():
    first = [float(x) for x in load_variant(LESSON_CODE / VARIANTS[0]).gen_data(20, 3)]
    for script in VARIANTS[1:]:
        assert [float(x) for x in load_variant(LESSON_CODE / script).gen_data(20, 3)] == first
    assert [float(x) for x in load_variant(LESSON_CODE / VARIANTS[0]).gen_data(20, 4)] != first


def test_the_build_check_reports_the_original_and_passes_the_rest():
    table = check_variants(LESSON_CODE, VARIANTS, 120)
    assert table.get("sum_nexts_original.py").verdict() == "1 value missing"
    assert all(table.get(script).agrees for script in COMPLETE)
    assert "| `sum_nexts_original.py` | 119 | 120 |" in table._repr_markdown_()


def test_the_check_catches_a_wrong_value_and_a_wrong_length():
    reference = reference_sums([0.5, 0.25, 0.125])
    off = compare_variant("off", [0.375, 0.125 * (1 + 1e-6), 0.0], reference)
    assert not off.agrees and off.first_disagreement == 1
    longer = compare_variant("longer", reference + [0.0], reference)
    assert not longer.agrees and longer.verdict() == "1 value too many"
