"""Time whole commands, in turns: how long each takes from start to exit, run after run.

Each run is a whole process: starting Python, importing, the work and the exit. The commands take
turns (the first, the second, ..., then the first again), so that a slow spell of the machine
touches them all alike. The table reports each command's median run and its spread (fastest to
slowest run), so a part (starting Python alone, say) can be set beside a whole run that contains
it, both measured the same way at the same time.

Usage (from the folder that holds the lesson's scripts):
  python time_commands.py 'python -c "import numpy"' 'python sum_nexts_numpy_sum.py 10000'
  python time_commands.py --repeats 9 --json times.json 'python a.py' 'python b.py'
"""
import json
import sys
from pathlib import Path

from measure_profilers import run_once
from measure_variants import OneLineParser, summary

REPEATS = 7


def parse_args(argv):
    parser = OneLineParser(prog="time_commands.py", description=__doc__.splitlines()[0])
    parser.add_argument("commands", nargs="+", metavar="COMMAND", help="a command, quoted whole")
    parser.add_argument("--repeats", type=int, default=REPEATS, help=f"turns (default {REPEATS})")
    parser.add_argument("--json", type=Path, help="also save the measurements here")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if len(set(args.commands)) < len(args.commands):
        parser.error("a command is given twice: give each once")
    return args


def measure(commands, repeats, folder="."):
    """{command: [seconds of each run]}, the commands taking turns."""
    times = {command: [] for command in commands}
    for _ in range(repeats):
        for command in commands:
            times[command].append(run_once(command, folder))
    return times


def print_table(rows, repeats, out=sys.stdout):
    width = max(len("command"), *(len(row["command"]) for row in rows))
    print(f"whole process, {repeats} runs each, in turns", file=out)
    print(f"{'command':<{width}}{'median':>9}{'fastest':>10}{'slowest':>10}", file=out)
    for row in rows:
        print(f"{row['command']:<{width}}{row['median']:>8.3f}s{row['min']:>9.3f}s"
              f"{row['max']:>9.3f}s", file=out)


def main(argv):
    args = parse_args(argv)
    try:
        times = measure(args.commands, args.repeats)
    except RuntimeError as error:
        sys.exit(f"time_commands.py: {error}")
    rows = [{"command": command, **summary(runs), "times": runs} for command, runs in times.items()]
    print_table(rows, args.repeats)
    if args.json:
        data = {"repeats": args.repeats, "python": sys.version.split()[0], "rows": rows}
        args.json.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
