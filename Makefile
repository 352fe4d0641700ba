# The two commands of the README: `make run` and `make test`. Both set up .venv first, and only when
# pyproject.toml or the setup script changed since (the stamp .venv/.installed), so that once set up they
# work offline and start at once.
.PHONY: setup run test lint

PORT ?= 8501
ADDRESS ?= localhost
STAMP := .venv/.installed

$(STAMP): pyproject.toml scripts/setup.sh
	./scripts/setup.sh

# The project's packages compiled to bytecode, again whenever a source changed: pip compiles what it
# installs but not an editable checkout, and with PYTHONDONTWRITEBYTECODE set (as on our machines) every
# start of the app or of a one-shot search would compile every module anew (~0.1 s each time).
PACKAGES := analyzers corpus indexer search ui
COMPILED := .venv/.compiled
$(COMPILED): $(STAMP) $(shell find $(PACKAGES) -name '*.py')
	.venv/bin/python -m compileall -q $(PACKAGES)
	touch $@

setup: $(COMPILED)

# `make run PORT=8600`: the address is printed once the server answers.
run: $(COMPILED)
	.venv/bin/lexsearch app --port $(PORT) --address $(ADDRESS)

test: $(COMPILED)
	./scripts/setup.sh --browser-only
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/python -m pytest

lint: $(STAMP)
	.venv/bin/ruff check . && .venv/bin/ruff format --check .
