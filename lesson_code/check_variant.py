"""Check a version of sum_nexts against exactly rounded reference sums.

Usage: python check_variant.py SCRIPT [N]  (SCRIPT: a file with gen_data and sum_nexts; N: 1000)
"""
import sys
from pathlib import Path

from measure_variants import check, load_variant, reference_sums


def main(argv):
    try:
        n = int(argv[2]) if len(argv) == 3 else 1000
    except ValueError:
        n = -1
    if len(argv) not in (2, 3) or n < 0 or not Path(argv[1]).is_file():
        print(f"usage: python {argv[0]} SCRIPT [N]  (SCRIPT: an existing file; N >= 0)",
              file=sys.stderr)
        sys.exit(2)
    module = load_variant(Path(argv[1]))
    numbers = module.gen_data(n, 2016)
    print(f"{argv[1]}, n = {n}: {check(module.sum_nexts(numbers), reference_sums(numbers))}")


if __name__ == "__main__":
    main(sys.argv)
