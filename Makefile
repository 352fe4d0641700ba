# The two commands of the README: `make run` and `make test`. Both set up .venv first.
.PHONY: setup run test lint

setup:
	./scripts/setup.sh

run: setup
	.venv/bin/lexsearch app

test:
	./scripts/setup.sh --browser
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/python -m pytest

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .
