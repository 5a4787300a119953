"""The build's own infrastructure: where the lesson code is, the Pythons and pins it supports,
which profilers a learner's environment may use, and the build's logs.

It imports neither Sphinx, MyST-NB nor IPython, so that book_extension/ and maintainer/ use it
without the page API (cells/), and `make pins` runs without the book's packages.
"""
