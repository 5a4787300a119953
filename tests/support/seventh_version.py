"""A seventh version of sum_nexts, for the tests that add one: a real one-pass algorithm
(itertools.accumulate from the right end), written the way CONTRIBUTING says, by taking an
existing version's script and changing its docstring and `sum_nexts`."""
from finding_bottlenecks.settings import LESSON_CODE

SCRIPT = "sum_nexts_accumulate.py"
ENTRY = f"""
[[version]]
script = "{SCRIPT}"
label = "itertools.accumulate from the end"
role = "extra"
growth = "linear"
data = "list"
"""
BASED_ON = "sum_nexts_slice_sum.py"
DOCSTRING = '''"""An extra version, not a step of the episode: every sum is a suffix sum, so a running total
taken from the right end (itertools.accumulate over the reversed list) gives them all in one pass.

Usage: python sum_nexts_accumulate.py N [SEED]

For N random numbers x[0] .. x[N-1], sum_nexts computes, for every i,
the sum of the numbers that come after position i.
"""
import itertools
'''
SUM_NEXTS = '''@profile
def sum_nexts(numbers):
    # suffix[k] = x[n-1-k] + ... + x[n-1]: running totals from the right end
    suffix = list(itertools.accumulate(reversed(numbers)))
    sums = suffix[-2::-1]  # sums[i] = suffix[n-2-i], the sum after position i
    return sums + [0.0] if numbers else sums
'''


def script_text(folder=LESSON_CODE):
    """The new version's script, made from BASED_ON's in `folder`."""
    text = (folder / BASED_ON).read_text(encoding="utf-8")
    _, _, rest = text.partition('"""\n')  # past the module's docstring
    start = rest.index("@profile\ndef sum_nexts(")
    end = rest.index("\n\n\n", start)
    return DOCSTRING + rest[:start] + SUM_NEXTS.rstrip("\n") + rest[end:]
