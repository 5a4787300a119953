"""This lesson's Python: what its pages' hidden cells call (cells.py), its versions of sum_nexts
(versions.py), the readers of what its profilers print and save (readers/), its charts
(charts.py), one module per page (pages/), and its own small Sphinx extension (book.py). The
machinery any executable lesson needs is executable_lesson/.
"""
