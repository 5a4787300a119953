"""A program that both waits and works: it waits for its numbers, as a program waits for a
server or a disk, then computes their sums with the preallocated sum_nexts.

Here time.sleep stands in for the server: like a real wait, it keeps the program busy for that
long without using the processor. Profile it in wall-clock mode and in CPU mode and compare.

Usage: python wait_then_sum.py N SECONDS
  N        how many numbers, e.g. 4000
  SECONDS  how long the numbers take to arrive, e.g. 1.5
"""
import random
import sys
import time

from sum_nexts_preallocated import sum_nexts


def receive_numbers(n, seconds, seed=2016):
    """n random numbers, after waiting `seconds` for them to arrive."""
    time.sleep(seconds)
    rng = random.Random(seed)
    return [rng.random() for _ in range(n)]


def read_args(argv):
    """Return (n, seconds) from the command line, or exit with a one-line usage message."""
    usage = (f"usage: python {argv[0]} N SECONDS  (N: a whole number >= 0;"
             " SECONDS: a number of seconds >= 0, e.g. 1.5)")
    try:
        n, seconds = int(argv[1]), float(argv[2])
    except (IndexError, ValueError):
        n, seconds = -1, -1.0
    if len(argv) != 3 or n < 0 or not 0 <= seconds < float("inf"):
        print(usage, file=sys.stderr)
        sys.exit(2)
    return n, seconds


def main(argv):
    n, seconds = read_args(argv)
    started = time.perf_counter()
    numbers = receive_numbers(n, seconds)
    waited = time.perf_counter() - started
    sums = sum_nexts(numbers)
    worked = time.perf_counter() - started - waited
    print(f"waited {waited:.2f} s for {n} numbers, then summed them in {worked:.2f} s")
    print(f"{len(sums)} sums; " + (f"sums[0] = {sums[0]:.6f}" if sums else "no sums[0]"))


if __name__ == "__main__":
    main(sys.argv)
