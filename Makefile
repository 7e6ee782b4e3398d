# Every command creates .venv first, so each works on a fresh machine: the versions pinned
# in requirements-dev.lock (reproducible), then the project itself, editable.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: help run test lint format lock bench bench-broadcast bench-throughput bench-burst bench-scale clean

help:  ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
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

# pyproject.toml keeps ranges; the locks pin the newest versions inside them, every
# package included. requirements.lock is what a server or the container installs.
LOCK_FLAGS := --quiet --no-emit-index-url --no-emit-find-links --strip-extras
lock:  ## Renew requirements.lock and requirements-dev.lock from pyproject.toml
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet pip-tools
	.lock-venv/bin/pip-compile $(LOCK_FLAGS) --upgrade --extra dev -o requirements-dev.lock pyproject.toml
	.lock-venv/bin/pip-compile $(LOCK_FLAGS) --upgrade -o requirements.lock pyproject.toml
	rm -rf .lock-venv

bench-throughput: $(BIN)/.installed  ## The issue-15 mix, 200 people at once, 3 runs each of two bare aiogram bots and the bot (~3 min)
	$(BIN)/python -m bench.throughput

bench-burst: $(BIN)/.installed  ## 100 updates/s of mixed input for 100 s, an admin working meanwhile (~3 min)
	$(BIN)/python -m bench.throughput --burst 100

bench-scale: $(BIN)/.installed  ## The mix, memory and startup at 1,000 and 100,000 volunteers (~5 min)
	$(BIN)/python -m bench.scale

clean:  ## Remove the virtual environment and caches
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
