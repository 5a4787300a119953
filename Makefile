# Two commands on a fresh machine: `make html` builds the book, `make test` runs the tests.
# Both make their own virtual environment from requirements.txt first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SPHINXFLAGS := -b html -c . -E -a -n -W --keep-going -d _build/doctrees

.PHONY: html test check pins clean venv site-tools preview serve

# Recreate the venv whenever requirements.txt or the interpreter changes.
venv:
	@want="$$($(PYTHON) -c 'import sys; print(sys.executable, sys.version)' | tr '\n' ' ') \
	$$(sha256sum requirements.txt | cut -c1-64)"; \
	if [ "$$(cat $(VENV)/.stamp 2>/dev/null)" != "$$want" ]; then \
	  echo "Creating $(VENV) from requirements.txt"; \
	  rm -rf $(VENV) && $(PYTHON) -m venv $(VENV) && \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt && \
	  echo "$$want" > $(VENV)/.stamp; \
	fi

# Build into a fresh folder and swap it in only when the build succeeded:
# a failed build never leaves a half-updated site in _build/html.
html: venv
	rm -rf _build/html.new _build/doctrees _build/jupyter_execute
	$(BIN)/sphinx-build $(SPHINXFLAGS) docs _build/html.new
	rm -rf _build/html && mv _build/html.new _build/html
	@echo "The site is in _build/html; open _build/html/index.html"

# Preview for writers: pages re-run only when their cells or what they run changed (see
# lessonbuild/preview.py); prose edits show in seconds. `make html` stays the real build.
PREVIEW := _build/preview
PREVIEWFLAGS := -b html -c . -n --keep-going -d $(PREVIEW)/doctrees
WATCH := --watch lesson_code --watch lessonbuild --watch conf.py --watch requirements.txt \
	--re-ignore '(__pycache__|\.lprof$$|\.cprofile$$|\.ipynb$$)'

preview: venv
	LESSON_PREVIEW=1 $(BIN)/sphinx-build $(PREVIEWFLAGS) docs $(PREVIEW)/html

serve: venv
	LESSON_PREVIEW=1 $(BIN)/sphinx-autobuild $(WATCH) --host 127.0.0.1 --port 8000 \
	  docs $(PREVIEW)/html $(PREVIEWFLAGS)

# The tests read the built site as readers do: in Debian's Chromium (driven by Playwright), with
# axe-core and the Nu HTML Checker from package.json (run with the machine's Java).
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
site-tools:
	@command -v chromium >/dev/null && command -v java >/dev/null && command -v npm >/dev/null || { \
	  echo "Installing Debian's chromium, a Java runtime and npm for the site tests"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) apt-get install -y -qq --no-install-recommends chromium default-jre-headless npm; }
	@$(MAKE) --no-print-directory node_modules/.stamp

node_modules/.stamp: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

test: venv site-tools
	$(BIN)/python -m pytest

# Quick checks for every commit (well under a minute): no build, no browser. The workflows are
# checked against GitHub's schema and by zizmor (offline), in place of actionlint, whose Python
# package downloads its binary from GitHub while it installs.
check: venv
	$(BIN)/ruff check .
	$(BIN)/codespell
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/zizmor --offline --quiet .github/workflows
	$(BIN)/check-jsonschema --builtin-schema vendor.readthedocs .readthedocs.yaml
	$(BIN)/check-jsonschema --builtin-schema vendor.citation-file-format CITATION.cff
	$(BIN)/python -m pytest -q -m "not slow"

# Resolve today's releases of requirements.in into requirements.txt (needs the package index).
pins:
	$(PYTHON) lessonbuild/refresh_pins.py

clean:
	rm -rf _build $(VENV) .pytest_cache node_modules
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
