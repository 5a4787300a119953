"""Exercise: where does this script spend its time? Guess first, then look with a sampling
profiler (py-spy or pyinstrument).

Usage: python exercise_daily_temperatures.py N  (N: how many readings of a made-up sensor log)

It makes a log of N timestamped temperature readings, one a minute, works out the mean and the
median temperature of each day, and reports the warmest and the coldest day.
"""
import datetime
import random
import statistics
import sys

START = datetime.datetime(2026, 1, 1)


def make_log(n, seed=2016):
    rng = random.Random(seed)
    lines = []
    for minute in range(n):
        when = START + datetime.timedelta(minutes=minute)
        lines.append(f"{when.isoformat(sep=' ')} temperature={rng.uniform(-5, 30):.2f}")
    return lines


def parse(line):
    stamp, reading = line.rsplit(" ", 1)
    when = datetime.datetime.strptime(stamp, "%Y-%m-%d %H:%M:%S")
    return when, float(reading.removeprefix("temperature="))


def daily_summary(readings):
    days = {}
    for when, temperature in readings:
        days.setdefault(when.date(), []).append(temperature)
    return {day: (statistics.fmean(values), statistics.median(values))
            for day, values in sorted(days.items())}


def main(argv):
    try:
        n = int(argv[1]) if len(argv) == 2 else -1
    except ValueError:
        n = -1
    if n < 0:
        print(f"usage: python {argv[0]} N  (N: a whole number >= 0)", file=sys.stderr)
        sys.exit(2)
    summary = daily_summary(parse(line) for line in make_log(n))
    print(f"days of readings: {len(summary)}")
    if summary:
        by_mean = sorted(summary, key=lambda day: summary[day][0])
        for label, day in (("warmest", by_mean[-1]), ("coldest", by_mean[0])):
            mean, median = summary[day]
            print(f"{label}: {day}, mean {mean:.2f}, median {median:.2f}")

if __name__ == "__main__":
    main(sys.argv)
