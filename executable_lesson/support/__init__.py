"""What both sides of the machinery (the Sphinx extension and the kernels) and a maintainer's
tools share: the build's context for the kernels, the learner's venv and environment, the lesson's
files, the progress log, pins and installed versions.

It imports neither Sphinx, MyST-NB nor IPython (but for reading a kernel's profile when one
runs), so that `make pins` runs without the book's packages.
"""
