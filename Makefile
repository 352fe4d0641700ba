# The two commands of the README: `make run` and `make test`. Both set up .venv first, and only when
# pyproject.toml or the setup script changed since (the stamp .venv/.installed), so that once set up they
# work offline and start at once.
.PHONY: setup run test lint

PORT ?= 8501
ADDRESS ?= localhost
STAMP := .venv/.installed

$(STAMP): pyproject.toml scripts/setup.sh
	./scripts/setup.sh

setup: $(STAMP)

# `make run PORT=8600`: the address is printed once the server answers.
run: $(STAMP)
	.venv/bin/lexsearch app --port $(PORT) --address $(ADDRESS)

test: $(STAMP)
	./scripts/setup.sh --browser-only
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/python -m pytest

lint: $(STAMP)
	.venv/bin/ruff check . && .venv/bin/ruff format --check .
