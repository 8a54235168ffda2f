# The README's two commands: `make run` (set up, build the seed graph, serve it) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: setup run build test eval bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

build: setup
	$(BIN)/kg build
	$(BIN)/kg stats

run: build
	$(BIN)/kg serve

test: setup
	$(BIN)/pytest -q

eval: setup
	$(BIN)/kg eval --gold tests/gold

bench: setup
	$(BIN)/python bench/extraction.py

clean:
	rm -rf $(VENV) data/store
