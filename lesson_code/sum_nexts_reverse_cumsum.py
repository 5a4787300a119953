"""Step 5: a better algorithm. Every sum is a suffix sum, so one pass computes them all.

Usage: python sum_nexts_reverse_cumsum.py N [SEED]

For N random numbers x[0] .. x[N-1], sum_nexts computes, for every i,
the sum of the numbers that come after position i.
"""
import random
import sys

import numpy

try:  # kernprof -l defines `profile`; plain python does not.
    profile
except NameError:
    def profile(func):
        return func


def gen_data(n, seed):
    rng = random.Random(seed)  # the same numbers as the list versions
    return numpy.array([rng.random() for _ in range(n)])


@profile
def sum_nexts(numbers):
    sums = numpy.zeros(len(numbers))
    # Running totals from the right end: suffix[i] = x[i] + x[i+1] + ... + x[n-1].
    suffix = numpy.cumsum(numbers[::-1])[::-1]
    sums[:-1] = suffix[1:]  # sums[i] starts after i; the last sum stays 0
    return sums


def read_args(argv):
    """Return (n, seed) from the command line, or exit with a one-line usage message."""
    usage = f"usage: python {argv[0]} N [SEED]  (N and SEED: whole numbers >= 0)"
    try:
        values = [int(arg) for arg in argv[1:]]
    except ValueError:
        values = []
    if len(values) not in (1, 2) or min(values) < 0:
        print(usage, file=sys.stderr)
        sys.exit(2)
    return values[0], (values[1] if len(values) == 2 else 2016)


def main(argv):
    n, seed = read_args(argv)
    sums = sum_nexts(gen_data(n, seed))
    first = f"sums[0] = {sums[0]:.6f}" if len(sums) else "no sums[0]"
    print(f"{len(sums)} sums; {first}")


if __name__ == "__main__":
    main(sys.argv)
