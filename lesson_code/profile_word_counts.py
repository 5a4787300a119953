"""Profile exercise 1's count_words line by line with plain `python`, no kernprof.

Usage: LINE_PROFILE=1 python profile_word_counts.py N
       python -m line_profiler profile_output.lprof    (the tables, from the saved results)

line_profiler's own `profile` decorator profiles only when the environment variable
LINE_PROFILE is 1; otherwise it does nothing, so the script runs as usual. In your own script
you would write `from line_profiler import profile` and put `@profile` above the functions to
profile. Here exercise 1's script stays as it is: its count_words is wrapped from outside.
"""
import sys

import exercise_word_counts
from line_profiler import profile

exercise_word_counts.count_words = profile(exercise_word_counts.count_words)

if __name__ == "__main__":
    exercise_word_counts.main(sys.argv)
