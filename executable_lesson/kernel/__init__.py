"""What a page's hidden cells call, inside the notebook kernel: run commands in a learner's scratch
copy (commands.py), check the prose's claims with their margins (claims.py), quote figures
(record.py) to the digits their spread supports (precision.py), publish files (publish.py). What
a page hands to the build leaves inside its executed notebook (send.py). No Sphinx here."""
from executable_lesson.kernel.claims import (
    ClaimError,
    claim,
    claim_above,
    claim_below,
    claim_between,
    claim_slower,
)
from executable_lesson.kernel.commands import CommandError, Run, Scratch, Shown
from executable_lesson.kernel.excerpt import Excerpt
from executable_lesson.kernel.precision import at_least, at_most, supported
from executable_lesson.kernel.publish import publish, publish_bytes, publish_file
from executable_lesson.kernel.record import NOT_MEASURED, Record
from executable_lesson.support.build_context import get as build_setting

__all__ = [
    "NOT_MEASURED", "ClaimError", "CommandError", "Excerpt", "Record", "Run", "Scratch", "Shown",
    "at_least", "at_most", "build_setting", "claim", "claim_above", "claim_below", "claim_between",
    "claim_slower", "publish", "publish_bytes", "publish_file", "supported",
]
