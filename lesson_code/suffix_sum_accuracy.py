"""Two one-pass ways to get every sum of the numbers after i, and how accurate each one is.

Usage: python suffix_sum_accuracy.py [N]

The data: one huge number first, x[0] = 1e16, then N - 1 numbers between 0 and 1.
No sums[i] contains x[0], yet one of the two methods lets it spoil every result.
"""
import math
import random
import sys

import numpy


def reverse_cumsum(numbers):
    sums = numpy.zeros(len(numbers))
    sums[:-1] = numpy.cumsum(numbers[::-1])[::-1][1:]
    return sums


def total_minus_cumsum(numbers):
    # sums[i] = (x[0] + ... + x[n-1]) - (x[0] + ... + x[i])
    return numbers.sum() - numpy.cumsum(numbers)


def main(argv):
    try:
        n = {1: lambda: 1000, 2: lambda: int(argv[1])}.get(len(argv), lambda: 0)()
    except ValueError:
        n = 0
    if n < 3:
        print(f"usage: python {argv[0]} [N]  (N: a whole number >= 3, default 1000)",
              file=sys.stderr)
        sys.exit(2)
    rng = random.Random(2016)
    numbers = numpy.array([1e16] + [rng.random() for _ in range(n - 1)])
    values = numbers.tolist()
    exact = [math.fsum(values[i + 1:]) for i in range(n)]

    print(f"n = {n}: x[0] = 1e16, then {n - 1} numbers between 0 and 1")
    print(f"{'method':24} {'worst relative error':>21} {'sums[n-2]':>12}  (exact {exact[-2]:.6f})")
    for name, method in [("reverse cumulative sum", reverse_cumsum),
                         ("total - cumulative sum", total_minus_cumsum)]:
        sums = method(numbers)
        worst = max(abs(s - e) / e for s, e in zip(sums[:-1], exact[:-1]))
        print(f"{name:24} {worst:>21.1e} {sums[-2]:>12.6f}")


if __name__ == "__main__":
    main(sys.argv)
