"""Print the ten calls with the largest cumulative time from a saved cProfile file.

Usage: python show_profile.py FILE  (FILE written by python -m cProfile -o FILE ...)
"""
import pstats
import sys


def main(argv):
    if len(argv) != 2:
        print(f"usage: python {argv[0]} FILE", file=sys.stderr)
        sys.exit(2)
    try:
        stats = pstats.Stats(argv[1])
    except (OSError, TypeError, ValueError, EOFError) as err:
        print(f"{argv[0]}: cannot read {argv[1]!r} as cProfile output: {err}", file=sys.stderr)
        sys.exit(2)
    stats.sort_stats("cumulative").print_stats(10)


if __name__ == "__main__":
    main(sys.argv)
