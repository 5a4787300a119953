"""What the pages' hidden cells call: the machinery's page API (executable_lesson.kernel) with the
lesson's own scratch folder, checks, readers and measuring module.

Pages stay prose: each hidden cell is one or two calls into this module.
"""
from executable_lesson.kernel import (
    ClaimError,
    CommandError,
    Excerpt,
    Record,
    Run,
    at_least,
    at_most,
    claim,
    claim_above,
    claim_below,
    claim_between,
    claim_slower,
    publish,
)
from finding_bottlenecks.checks import check_variants, require_correct
from finding_bottlenecks.environment import environment_panel
from finding_bottlenecks.lesson_modules import measure_variants
from finding_bottlenecks.readers.text_output import (
    accuracy_errors,
    compare_agreement,
    cprofile_row,
    cprofile_summary,
    kernprof_table,
    time_report,
)
from finding_bottlenecks.scratch import Scratch
from finding_bottlenecks.settings import lesson_n

__all__ = [
    "ClaimError", "CommandError", "Excerpt", "Record", "Run", "Scratch",
    "accuracy_errors", "at_least", "at_most", "check_variants", "claim", "claim_above",
    "claim_below", "claim_between", "claim_slower", "compare_agreement", "cprofile_row",
    "cprofile_summary", "environment_panel", "kernprof_table", "lesson_n", "measure_variants",
    "publish", "require_correct", "time_report",
]
