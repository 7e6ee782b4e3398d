# Every command creates .venv from pyproject.toml first, so each works on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: help run test lint format bench bench-broadcast clean

help:  ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# A token in the environment or in .env runs the bot; without one, the demo (README,
# "Try it without Telegram"), so a fresh clone shows something with no other step.
run: $(BIN)/.installed  ## Install, migrate and run the bot (reads .env); no token: the demo
	@if [ -n "$${BOT_TOKEN:-}" ] || grep -qsE "^[[:space:]]*(export[[:space:]]+)?BOT_TOKEN[[:space:]]*=[[:space:]]*[\"']?[0-9]" .env; then \
		$(BIN)/python -m bot; \
	else \
		$(BIN)/python -m bot demo; \
	fi

# Both cores; coverage of bot/ and handlers/ printed and enforced; the slowest tests named.
test: $(BIN)/.installed  ## Install and run the whole test suite (parallel, with coverage)
	$(BIN)/python -m pytest -n auto --dist loadfile --cov=bot --cov=handlers \
		--cov-report=term:skip-covered --cov-fail-under=90 --durations=10 -q

lint: $(BIN)/.installed  ## ruff (lint + format check) and mypy, as CI runs them
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .

format: $(BIN)/.installed  ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(BIN)/.installed  ## Handling throughput against a bare aiogram bot (not in CI)
	$(BIN)/python -m bench.handling

bench-broadcast: $(BIN)/.installed  ## A 10,000-recipient broadcast, with and without SIGKILL (~15 min)
	$(BIN)/python -m bench.broadcast

clean:  ## Remove the virtual environment and caches
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
