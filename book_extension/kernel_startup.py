"""What each notebook kernel of a build does first (ipython_kernel_config.py runs install).

`%prun` and line_profiler's `%lprun` hand their report to IPython's pager. JupyterLab shows a
pager's text under the cell; a build's kernel would drop it, so here it is printed instead, and
the page shows what a learner in JupyterLab sees. Paths are shown relative to the folder the
notebook runs in, as a learner's own lesson folder would show them, not the build's scratch copy.
"""
import os


def show_under_cell(shell, data, start=0, screen_lines=0):
    text = data["text/plain"] if isinstance(data, dict) else data
    print(text.replace(os.getcwd() + os.sep, ""))


def install(shell):
    shell.set_hook("show_in_pager", show_under_cell, priority=10)  # before ipykernel's (99)
