"""Exercise: profile this script line by line with kernprof, then fix its slowest line.

Usage: python exercise_unique_values.py N  (N: how many random whole numbers)

It keeps the first occurrence of each value, in order, and prints how many there were.
"""
import random
import sys

try:  # kernprof -l defines `profile`; plain python does not.
    profile
except NameError:
    def profile(func):
        return func


def gen_data(n, seed=2016):
    rng = random.Random(seed)
    return [rng.randrange(n // 2 + 1) for _ in range(n)]


@profile
def unique_in_order(values):
    seen = []
    result = []
    for value in values:
        if value not in seen:
            seen.append(value)
            result.append(value)
    return result


def main(argv):
    try:
        n = int(argv[1]) if len(argv) == 2 else -1
    except ValueError:
        n = -1
    if n < 0:
        print(f"usage: python {argv[0]} N  (N: a whole number >= 0)", file=sys.stderr)
        sys.exit(2)
    print(f"{len(unique_in_order(gen_data(n)))} unique values out of {n}")


if __name__ == "__main__":
    main(sys.argv)
