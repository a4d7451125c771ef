# newsfacts: `make run` serves the API, `make test` runs the suite; both install first.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.lock | cksum | cut -d' ' -f1)

.PHONY: install run test lint format lock bench fuzz image-check clean

install: $(STAMP)

$(STAMP): requirements-dev.lock
	@command -v $(PYTHON) >/dev/null || { echo "needs $(PYTHON) (set PYTHON=...)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements-dev.lock
	rm -f $(VENV)/.installed-*
	touch $@

# A local development key for the routes that write (see README); set your own to replace it.
run: install
	NEWSFACTS_API_KEYS="$${NEWSFACTS_API_KEYS:-local-dev-key}" $(PY) -m app serve

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check app tests bench devtools
	$(VENV)/bin/ruff format --check app tests bench devtools
	$(VENV)/bin/mypy app tests bench devtools

format: install
	$(VENV)/bin/ruff check --fix app tests bench devtools
	$(VENV)/bin/ruff format app tests bench devtools

# Re-pin every dependency with hashes after editing pyproject.toml (needs uv).
lock:
	uv pip compile pyproject.toml --generate-hashes --python-version 3.11 -o requirements.lock
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements-dev.lock

bench: install
	$(PY) -m bench

# Schemathesis, every check, against a live `make run` on NEWSFACTS_PORT (default 8000).
fuzz: install
	scripts/fuzz-live.sh

image-check:
	../shared/tools/image-check.sh 8000 /readyz /docs \
		/v1/articles/putin-takes-hard-line-on-japan-island-dispute-before-abes-visit-a64210/facts

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
