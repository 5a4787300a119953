# Two commands on a fresh machine: `make html` builds the book, `make test` runs the tests.
# Both make their own virtual environment from requirements.txt first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SPHINXFLAGS := -b html -c . -E -a -n -W --keep-going -d _build/doctrees

.PHONY: html test clean venv

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

test: venv
	$(BIN)/python -m pytest

clean:
	rm -rf _build $(VENV) .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
