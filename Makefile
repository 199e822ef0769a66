# Two entry points for a fresh clone: `make demo` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint typecheck unit docs bench real-pages fuzz tables snapshots mutants clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "scio-transcripts needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The editable install leaves the package's bytecode to be compiled on first import, which does not
# happen at all where PYTHONDONTWRITEBYTECODE is set; compile it here so a cold start is a cold start.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q scio_transcripts
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q scio_transcripts
	@touch $@ $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/python -m scio_transcripts.demo

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy

# pytest exits 5 when it collects nothing; that fails the target, as it should. `make test` runs
# the property tests under Hypothesis's `ci` profile; plain `pytest` uses the quick `dev` one.
unit: $(VENV)/.installed-dev
	HYPOTHESIS_PROFILE=$${HYPOTHESIS_PROFILE:-ci} $(BIN)/pytest

# The documentation site; --strict turns every warning (a broken link, a missing page) into a failure.
docs: $(VENV)/.installed-dev
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

test: lint typecheck unit docs

# Speed and memory against the baselines; prints a table, asserts nothing about time.
bench: $(VENV)/.installed-dev
	$(BIN)/python -m compileall -q scio_transcripts
	$(BIN)/python bench/run.py

# Score the parser on the real pages saved in bench/real-pages/texts/ (ignored by git) against the
# hand-written bench/real-pages/facts.jsonl; fetches nothing, and skips pages whose text is missing.
real-pages: $(VENV)/.installed
	$(BIN)/python bench/real-pages/score.py

# Coverage-guided fuzzing of the no-loss property, time-boxed; outside CI.
FUZZ_SECONDS ?= 120
fuzz: $(VENV)/.installed-dev
	$(BIN)/python -m pip install --quiet atheris
	mkdir -p .fuzz-corpus && cp tests/data/valid/*/*.txt .fuzz-corpus/
	$(BIN)/python tests/support/fuzz_no_loss.py -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=4096 .fuzz-corpus

# Rewrite the compiled parse tables after a grammar change (a test fails until you do).
tables: $(VENV)/.installed-dev
	$(BIN)/python -m scio_transcripts.engine

# Rewrite the regression snapshots after a deliberate change of output; review the diff, and check it
# against the hand-written facts files, before committing.
snapshots: $(VENV)/.installed-dev
	$(BIN)/python -m tests.support.regenerate

# Plant each bug of a fixed list in a scratch copy and run the suite on it; prints which were killed.
# Outside CI: it runs the suite once per planted bug.
mutants: $(VENV)/.installed-dev
	$(BIN)/python tests/support/mutants.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache .hypothesis .fuzz-corpus
