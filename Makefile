# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INPUT ?= $(if $(wildcard ../shared/seeds),../shared/seeds,)
DB ?= sqlite:///eventwire.db
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	./scripts/system-deps.sh base
	$(BIN)/pip install -q -c constraints.txt -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	./scripts/system-deps.sh test
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	@if [ -n "$(INPUT)" ]; then $(BIN)/eventwire ingest $(INPUT) --db $(DB) || [ $$? -eq 1 ]; fi
	@echo "eventwire: open http://$(HOST):$(PORT)/"
	$(BIN)/eventwire serve --db $(DB) --host $(HOST) --port $(PORT) $(if $(INPUT),,--create)

lint: install-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: install-dev
	$(BIN)/ruff check --fix src tests benchmarks
	$(BIN)/ruff format src tests benchmarks

test: lint
	$(BIN)/pytest

clean:
	rm -rf $(VENV) eventwire.db eventwire.db-wal eventwire.db-shm .pytest_cache
