# One entry point for people and CI. Every target sets up what it needs itself,
# starting from a machine that has only Python 3.11 and pip.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

CHROMIUM ?= /usr/bin/chromium
# apt-get needs root; use sudo when we are not root (a developer's machine).
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: build test lint typecheck unit docs browser-check bench clean

# The virtual environment, reinstalled whenever pyproject.toml changes.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## build: set everything up and run the main job on the bundled data (writes build/)
build: $(STAMP)
	$(BIN)/vntimeline build -o build

## test: set everything up and run the whole check (lint, types, tests, docs, browser)
test: lint typecheck unit docs browser-check

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks docs
	$(BIN)/ruff format --check src tests benchmarks docs

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

## docs: build the docs (warnings are errors, references checked) into docs/_build/html
docs: $(STAMP)
	$(BIN)/sphinx-build -W --keep-going -n -E -b html docs docs/_build/html

# Debian's Chromium, for the browser check (it never downloads a browser of its own).
$(CHROMIUM):
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

## browser-check: open the built front page in headless Chromium; writes docs/_build/screenshot.png
browser-check: docs $(CHROMIUM)
	$(BIN)/python docs/browser_check.py docs/_build/html --chromium $(CHROMIUM) \
		--screenshot docs/_build/screenshot.png

## bench: time every phase at 1k, 10k and 100k events against its floor; writes benchmarks/results.json
##        then load-test `vntimeline serve` on loopback against static floors; writes benchmarks/serve_results.json
##        and the interactive timeline's size and render times in Chromium; writes benchmarks/results-html.json
##        and date extraction against dateparser (gold of tests/extract/gold/); writes benchmarks/extract_results.json
bench: $(STAMP) $(CHROMIUM)
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/serve_load.py
	$(BIN)/python benchmarks/html_page.py
	$(BIN)/python benchmarks/extract_eval.py

clean:
	rm -rf build docs/_build .pytest_cache .mypy_cache .ruff_cache
