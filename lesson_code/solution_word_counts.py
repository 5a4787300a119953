"""Solution: exercise_word_counts.py with its hot function fixed.

Usage: python solution_word_counts.py N  (N: how many words of made-up text)

It makes the same N words, counts them in one pass with collections.Counter, and prints the same
five most common ones.
"""
import collections
import random
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po"]


def make_text(n, seed=2016):
    rng = random.Random(seed)
    words = ("".join(rng.choices(SYLLABLES, k=rng.randint(1, 4))) for _ in range(n))
    return " ".join(words)


def split_words(text):
    return text.split()


def count_words(words):
    return collections.Counter(words)  # one pass over the words, not one per distinct word


def most_common(counts, k=5):
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:k]


def main(argv):
    try:
        n = int(argv[1]) if len(argv) == 2 else -1
    except ValueError:
        n = -1
    if n < 0:
        print(f"usage: python {argv[0]} N  (N: a whole number >= 0)", file=sys.stderr)
        sys.exit(2)
    words = split_words(make_text(n))
    for word, count in most_common(count_words(words)):
        print(f"{word:8} {count}")


if __name__ == "__main__":
    main(sys.argv)
