"""An extra version, not a step of the episode: every sum is a suffix sum, so a running total
taken from the right end (itertools.accumulate over the reversed list) gives them all in one pass.

Usage: python sum_nexts_accumulate.py N [SEED]

For N random numbers x[0] .. x[N-1], sum_nexts computes, for every i,
the sum of the numbers that come after position i.
"""
import itertools
import random
import sys

try:  # kernprof -l defines `profile`; plain python does not.
    profile
except NameError:
    def profile(func):
        return func


def gen_data(n, seed):
    rng = random.Random(seed)
    numbers = []
    for _ in range(n):
        numbers.append(rng.random())
    return numbers


@profile
def sum_nexts(numbers):
    # suffix[k] = x[n-1-k] + ... + x[n-1]: running totals from the right end
    suffix = list(itertools.accumulate(reversed(numbers)))
    sums = suffix[-2::-1]  # sums[i] = suffix[n-2-i], the sum after position i
    return sums + [0.0] if numbers else sums


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
