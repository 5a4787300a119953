"""What the book's hidden cells use to run the lesson and turn its output into prose numbers.

Pages stay prose: each hidden cell is one call into this package.
"""
from build_support.lesson_modules import measure_variants
from readers.text_output import (
    accuracy_errors,
    compare_agreement,
    cprofile_row,
    cprofile_summary,
    kernprof_table,
    time_report,
)

from .checks import check_variants, require_correct
from .claims import ClaimError, claim, claim_above, claim_below, claim_between, claim_slower
from .commands import CommandError, Run, Scratch, lesson_n
from .environment import environment_panel
from .publish import publish
from .record import Record

__all__ = [
    "ClaimError", "CommandError", "Record", "Run", "Scratch",
    "accuracy_errors", "check_variants", "claim", "claim_above", "claim_below", "claim_between",
    "claim_slower", "compare_agreement", "cprofile_row",
    "cprofile_summary", "environment_panel", "kernprof_table", "lesson_n", "measure_variants",
    "publish", "require_correct", "time_report",
]
