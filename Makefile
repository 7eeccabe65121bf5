# Bake Planner — developer commands. `make run` and `make test` set everything up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-postgres lint bench bench-quick bench-instructions soak screenshots dist smoke-wheel clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,postgres]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py --demo

test: $(STAMP)
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(PY) -m pytest -n 2

# The suites that run on PostgreSQL as well (a throwaway server, tests/pg.py).
PG_SUITES := tests/test_pg_harness.py tests/services tests/migrations tests/reliability \
	tests/cli/test_cli_postgres.py tests/ui/test_plan_watch.py

test-postgres: $(STAMP)
	BAKE_PLANNER_TEST_PG=1 $(PY) -m pytest -n 2 -m postgres $(PG_SUITES)

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench main.py
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

bench: $(STAMP)
	$(PY) bench/run.py

bench-quick: $(STAMP)
	$(PY) bench/run.py --quick

# CPU work of a cold refresh, counted (needs valgrind); add COMPARE=<checkout> to compare.
bench-instructions: $(STAMP)
	$(PY) bench/instructions.py $(if $(COMPARE),--compare $(COMPARE))

soak: $(STAMP)
	BAKE_PLANNER_SOAK=1 $(PY) -m pytest tests/reliability -m "soak or not soak"

screenshots: $(STAMP)
	BAKE_PLANNER_SCREENSHOTS=1 $(PY) -m pytest -m screenshot -p no:randomly

# The wheel and sdist in dist/ (the wheel carries the migrations; see setup.py).
dist: $(STAMP)
	rm -rf dist build
	$(PY) -m build --outdir dist .

# Install the built wheel into a fresh venv outside the checkout and use it.
smoke-wheel: dist
	$(PY) tests/packaging/smoke_wheel.py dist/*.whl

clean:
	rm -rf $(VENV) build dist *.egg-info
