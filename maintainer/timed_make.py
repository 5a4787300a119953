"""`make TARGET` in a folder, timed; the maintainer tools' one way to run and time the book."""
import subprocess
import sys
import time


def timed_make(folder, target, *variables):
    """Seconds `make target [NAME=value ...]` took in folder; on failure, exit with the end of
    its output."""
    start = time.perf_counter()
    result = subprocess.run(["make", "--no-print-directory", target, *variables], cwd=folder,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"make {' '.join([target, *variables])} failed in {folder}:\n{result.stdout[-3000:]}")
    return seconds
