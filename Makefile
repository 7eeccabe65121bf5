# Bake Planner — developer commands. `make run` and `make test` set everything up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench bench-quick soak screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py --demo

test: $(STAMP)
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -n 2

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench main.py
	$(VENV)/bin/lint-imports

bench: $(STAMP)
	$(PY) bench/run.py

bench-quick: $(STAMP)
	$(PY) bench/run.py --quick

soak: $(STAMP)
	BAKE_PLANNER_SOAK=1 $(PY) -m pytest tests/reliability -m "soak or not soak"

screenshots: $(STAMP)
	BAKE_PLANNER_SCREENSHOTS=1 $(PY) -m pytest -m screenshot -p no:randomly

clean:
	rm -rf $(VENV) build *.egg-info
