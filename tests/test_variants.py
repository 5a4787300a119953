"""Correct first: every variant computes the suffix sums of the same numbers."""
import math

import pytest
from conftest import LESSON_CODE

from finding_bottlenecks.cells import check_variants
from finding_bottlenecks.cells import measure_variants as mv
from finding_bottlenecks.lesson_modules import VERSIONS

VARIANTS = list(mv.VARIANTS)
ORIGINAL = "sum_nexts_original.py"
COMPLETE = [v.script for v in VERSIONS if not v.defect]  # the original drops the last, empty, sum


def test_the_lesson_code_has_exactly_these_variants():
    assert sorted(p.name for p in LESSON_CODE.glob("sum_nexts_*.py")) == sorted(VARIANTS)
    assert COMPLETE == [script for script in VARIANTS if script != ORIGINAL]  # only it has a defect


def test_reference_is_the_sum_of_the_numbers_after_each_position():
    assert mv.reference_sums([1.0, 2.0, 4.0, 8.0]) == [14.0, 12.0, 8.0, 0.0]
    assert mv.reference_sums([]) == []


@pytest.mark.parametrize("script", COMPLETE)
@pytest.mark.parametrize("n", [0, 1, 2, 3, 7, 250])
def test_complete_variants_agree_with_the_reference(script, n):
    module = mv.load_variant(LESSON_CODE / script)
    numbers = module.gen_data(n, seed=5)
    assert mv.check(module.sum_nexts(numbers), mv.reference_sums(numbers)) == "agrees"


@pytest.mark.parametrize("n", [1, 2, 7, 250])
def test_the_original_misses_only_the_last_sum(n):
    module = mv.load_variant(LESSON_CODE / "sum_nexts_original.py")
    numbers = module.gen_data(n, seed=5)
    reference = mv.reference_sums(numbers)
    sums = module.sum_nexts(numbers)
    assert len(sums) == n - 1
    assert all(math.isclose(a, b, rel_tol=1e-12) for a, b in zip(sums, reference))
    assert reference[-1] == 0.0
    assert mv.check(sums, reference) == "1 value missing"


def test_all_variants_see_the_same_numbers_and_the_seed_matters():
    first = [float(x) for x in mv.load_variant(LESSON_CODE / ORIGINAL).gen_data(20, 3)]
    for script in COMPLETE:
        assert [float(x) for x in mv.load_variant(LESSON_CODE / script).gen_data(20, 3)] == first
    assert [float(x) for x in mv.load_variant(LESSON_CODE / ORIGINAL).gen_data(20, 4)] != first


def test_the_build_check_reports_the_original_and_passes_the_rest():
    table = check_variants(LESSON_CODE, VARIANTS, 120)
    assert table.get("sum_nexts_original.py")["check"] == "1 value missing"
    assert all(table.get(script)["check"] == "agrees" for script in COMPLETE)
    assert "| `sum_nexts_original.py` | 119 | 120 |" in table._repr_markdown_()


def test_the_check_catches_a_wrong_value_and_a_wrong_length():
    reference = mv.reference_sums([0.5, 0.25, 0.125])
    assert mv.check([0.375, 0.125 * (1 + 1e-6), 0.0], reference) == "differs from position 1"
    assert mv.check(reference + [0.0], reference) == "1 value too many"
    assert mv.check(reference[:1], reference) == "2 values missing"


def test_the_linear_variant_is_accurate_where_total_minus_cumsum_is_not():
    accuracy = mv.load_variant(LESSON_CODE / "suffix_sum_accuracy.py")
    numbers = accuracy.numpy.array([1e16] + [0.25] * 50)
    exact = mv.reference_sums(numbers)
    assert mv.check(accuracy.reverse_cumsum(numbers), exact) == "agrees"
    assert mv.check(accuracy.total_minus_cumsum(numbers), exact) != "agrees"
    linear = mv.load_variant(LESSON_CODE / "sum_nexts_reverse_cumsum.py")
    assert mv.check(linear.sum_nexts(numbers), exact) == "agrees"
