# Two commands on a fresh machine: `make html` builds the book, `make test` runs the tests.
# Both make their own virtual environment from requirements.txt first.

# The oldest and newest Python the lesson supports ("3.11"), read from lesson_code/check_setup.py.
version_in = $(shell sed -n 's/^$(1) = [(]\([0-9]*\), *\([0-9]*\)[)].*/\1.\2/p' lesson_code/check_setup.py)
OLDEST := $(call version_in,OLDEST)
NEWEST := $(call version_in,NEWEST)

# `python -c PY_CHECK` prints "CPython 3.12.1 ok", or "old" (before OLDEST), or "new" (after
# NEWEST). It runs on any Python, 2.7 included, so that make can say what is wrong with it.
PY_CHECK := import platform, sys; v = sys.version_info[:2]; \
	oldest, newest = [tuple(map(int, s.split("."))) for s in ("$(OLDEST)", "$(NEWEST)")]; \
	print("%s %s %s" % (platform.python_implementation(), platform.python_version(), \
	"old" if v < oldest else "new" if v > newest else "ok"))

# The interpreter to build with: python3 if it is a CPython the lesson supports, else the newest
# supported python3.X on PATH. Choose another with `make html PYTHON=/path/to/python3.X`.
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell for p in python3 $$(seq -f 'python3.%g' $(word 2,$(subst ., ,$(NEWEST))) -1 \
	$(word 2,$(subst ., ,$(OLDEST)))); do \
	if [ "$$($$p -c '$(PY_CHECK)' 2>/dev/null | cut -d' ' -f1,3)" = "CPython ok" ]; then \
	echo $$p; exit; fi; done; echo python3)
endif
# What $(PYTHON) answers to PY_CHECK; empty when it is missing or does not run.
PYTHON_IS := $(shell $(PYTHON) -c '$(PY_CHECK)' 2>/dev/null)
PYTHON_USABLE := $(filter CPython_ok CPython_new,$(word 1,$(PYTHON_IS))_$(word 3,$(PYTHON_IS)))
PYTHON_REFUSED = PYTHON=$(PYTHON) $(if $(PYTHON_IS),is $(wordlist 1,2,$(PYTHON_IS)),was not \
	found or does not run), but the lesson needs CPython $(OLDEST) or newer: choose another, \
	e.g. `make html PYTHON=/path/to/python$(OLDEST)`
PYTHON_UNTESTED = PYTHON=$(PYTHON) is $(wordlist 1,2,$(PYTHON_IS)), newer than $(NEWEST), the \
	newest the lesson is tested on: if a package fails to install, choose Python $(NEWEST)

VENV := .venv
BIN := $(VENV)/bin
SPHINXFLAGS := -b html -c . -E -a -n -W --keep-going -d _build/doctrees

.PHONY: html test check pins clean venv site-tools preview serve

# Recreate the venv whenever requirements.txt or the interpreter changes. The interpreter is
# checked first, so a wrong PYTHON leaves an existing venv as it was; a venv whose making fails
# part way (or is interrupted) is removed, never left half-made.
venv:
	@$(if $(PYTHON_USABLE),,$(error $(PYTHON_REFUSED)))
	@$(if $(filter new,$(word 3,$(PYTHON_IS))),$(warning $(PYTHON_UNTESTED)))
	@want="$$($(PYTHON) -c 'import sys; print(sys.executable, sys.version)' | tr '\n' ' ') \
	$$(sha256sum requirements.txt | cut -c1-64)"; \
	if [ "$$(cat $(VENV)/.stamp 2>/dev/null)" != "$$want" ]; then \
	  echo "Creating $(VENV) with $(wordlist 1,2,$(PYTHON_IS)) ($(PYTHON)) from requirements.txt"; \
	  trap 'rm -rf $(VENV); exit 1' HUP INT TERM; \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV) && \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt && \
	  echo "$$want" > $(VENV)/.stamp || { rm -rf $(VENV); \
	    echo "Could not make $(VENV) with $(PYTHON) (see above); nothing was left" >&2; exit 1; }; \
	fi

# Build into a fresh folder and swap it in only when the build succeeded: a failed build never
# leaves a half-updated site in _build/html. What it did build, with its reports (the failed
# claim, every claim's margin), is kept apart in _build/html-failed for a maintainer to read.
# The build's output is also kept beside its site, in _build/html.log (or _build/html-failed.log),
# for the tests of the log (`make test`); sphinx-build's colours stay when make writes to a terminal.
html: venv
	rm -rf _build/html.new _build/html.new.log _build/html-failed _build/html-failed.log \
	  _build/doctrees _build/jupyter_execute
	@mkdir -p _build; if [ -t 1 ]; then color=--color; else color=; fi; \
	{ $(BIN)/sphinx-build $(SPHINXFLAGS) $$color docs _build/html.new 2>&1; \
	  echo $$? > _build/html.new.status; } | tee _build/html.new.log; \
	status=$$(cat _build/html.new.status); rm -f _build/html.new.status; \
	if [ "$$status" != 0 ]; then \
	  mv _build/html.new.log _build/html-failed.log; \
	  if mv _build/html.new _build/html-failed 2>/dev/null; then \
	    echo "The build failed (see above); the site it made, with its build report, is in" \
	      "_build/html-failed. _build/html is unchanged." >&2; \
	  else echo "The build failed (see above); _build/html is unchanged." >&2; fi; exit 1; fi
	rm -rf _build/html _build/html.log && mv _build/html.new _build/html && mv _build/html.new.log _build/html.log
	@echo "The site is in _build/html; open _build/html/index.html"

# Preview for writers: pages re-run only when their cells or what they run changed (see
# executable_lesson/build/preview.py); prose edits show in seconds. `make html` stays the real build.
PREVIEW := _build/preview
PREVIEWFLAGS := -b html -c . -n --keep-going -d $(PREVIEW)/doctrees -t preview
WATCH := --watch lesson_code --watch executable_lesson --watch finding_bottlenecks --watch conf.py --watch requirements.txt \
	--re-ignore '(__pycache__|\.lprof$$|\.cprofile$$|\.ipynb$$)'

preview: venv
	$(BIN)/sphinx-build $(PREVIEWFLAGS) docs $(PREVIEW)/html

serve: venv
	$(BIN)/sphinx-autobuild $(WATCH) --host 127.0.0.1 --port 8000 \
	  docs $(PREVIEW)/html $(PREVIEWFLAGS)

# The tests read the built site as readers do: in Debian's Chromium (driven by Playwright), with
# axe-core and the Nu HTML Checker from package.json (run with the machine's Java).
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
# Only what is missing: a machine whose npm comes with another Node.js (NodeSource's) must not be
# asked to install Debian's npm, which conflicts with it.
site-tools:
	@missing="$$(command -v chromium >/dev/null || echo chromium) \
	$$(command -v java >/dev/null || echo default-jre-headless) $$(command -v npm >/dev/null || echo npm)"; \
	if [ -n "$$(echo $$missing)" ]; then \
	  echo "Installing for the site tests:" $$missing; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi
	@$(MAKE) --no-print-directory node_modules/.stamp

node_modules/.stamp: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# `make test` builds the book (`make html`), then tests that very site, with the tests' own small
# builds beside it (a contributor's edit, failing builds, the preview, the instructor's kit).
# `make test SITE=_build/html` tests a site already built, without building it again: CI builds in
# its own step, then tests the site it uploads or publishes; one build per job.
# Once the book is built, the tests run in two workers, a test file to each (a file's tests share
# what its fixtures make): no timing build runs beside them.
SITE :=
test: venv site-tools $(if $(SITE),,html)
	$(BIN)/python -m pytest --numprocesses 2 --dist loadfile tests --built-site $(or $(SITE),_build/html)

# Quick checks for every commit (well under a minute): no build, no browser. The workflows are
# checked against GitHub's schema and by zizmor (offline), in place of actionlint, whose Python
# package downloads its binary from GitHub while it installs. Once the venv is made, it needs no
# network and no privilege: the tests that need either, or a build, or Pythons other than the
# venv's, are marked in tests/conftest.py and left to `make test`.
QUICK_TESTS := not slow and not network and not privileged and not other_pythons
check: venv
	$(BIN)/ruff check .
	$(BIN)/codespell
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/zizmor --offline --quiet .github/workflows
	$(BIN)/check-jsonschema --builtin-schema vendor.readthedocs .readthedocs.yaml
	$(BIN)/check-jsonschema --builtin-schema vendor.citation-file-format CITATION.cff
	$(BIN)/python -m pytest -q -m "$(QUICK_TESTS)"

# Resolve today's releases of requirements.in with uv, for every supported Python, into
# requirements.txt and lesson_code/requirements.txt (needs the package index).
pins: venv
	$(BIN)/python -m maintainer.refresh_pins

clean:
	rm -rf _build $(VENV) .pytest_cache node_modules
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
