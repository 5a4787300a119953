"""Readers of what the tools print and save: `time`'s report, cProfile's and kernprof's tables,
pstats and .lprof files, py-spy's flame graph and pyinstrument's call tree. They parse text and
files only: no command runs here."""
