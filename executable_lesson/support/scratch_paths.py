"""Paths inside the build's scratch copies of the lesson's files, as a learner would see them."""
import os
import re
import tempfile

SCRATCH_PREFIX = "lesson-scratch-"  # each scratch copy is a temporary folder named so


def without_scratch(text):
    """Text as a learner sees it in their own lesson folder: a path inside a scratch copy
    (a tool's "Wrote results to /tmp/lesson-scratch-.../..."), made relative."""
    return _SCRATCH_PATH.sub(lambda found: "" if found[1] else ".", text)


# Any scratch copy's path, with its trailing slash if it has one (the temporary folder may be
# reached through a link, as /tmp is on macOS: both spellings).
_TEMP = sorted({tempfile.gettempdir(), os.path.realpath(tempfile.gettempdir())}, key=len, reverse=True)
_SCRATCH_PATH = re.compile("(?:" + "|".join(map(re.escape, _TEMP)) + ")" + re.escape(os.sep)
                           + re.escape(SCRATCH_PREFIX) + r"\w+(" + re.escape(os.sep) + ")?")
