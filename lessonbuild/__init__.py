"""What the book's hidden cells use to run the lesson and turn its output into prose numbers.

Pages stay prose: each hidden cell is one call into this package.
"""
from .checks import ClaimError, check_variants, claim, compare_variant, load_variant, reference_sums
from .commands import CommandError, Run, Scratch, lesson_n
from .environment import environment_panel
from .timing import function_time
from .parse import cprofile_row, cprofile_summary, kernprof_table, time_report

__all__ = [
    "ClaimError", "CommandError", "Run", "Scratch", "check_variants", "claim", "compare_variant", "cprofile_row", "cprofile_summary",
    "environment_panel", "function_time", "kernprof_table", "lesson_n", "load_variant", "reference_sums", "time_report",
]
