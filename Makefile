# The two commands: `make run` (the demo site on SQLite) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test fuzz bench bench-search install install-test messages system-test-deps clean

run: export WAGTAILADMIN_BASE_URL = http://$(HOST):$(PORT)
run: export DEBUG ?= 0
run: install messages
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo --if-empty
	$(MANAGE) set_site_address
	$(MANAGE) ensure_demo_editor
	@# The task worker (e-mail, report PDFs) runs beside the web server and stops with it.
	$(MANAGE) db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver --insecure $(HOST):$(PORT)

# The suite runs on TEST_WORKERS processes (pytest-xdist). `--dist load` hands out the tests in pytest-django's
# order (database tests, then those that flush the database), so no worker runs a test on a flushed database.
TEST_WORKERS ?= 2

# Then the fuzzing and the faults once more on the embedded default, SQLite (skipped when PYTEST_ARGS picks tests).
SQLITE_SUITE := tests/trust/test_fuzzing.py tests/trust/test_faults.py

test: system-test-deps install-test messages
	$(BIN)/python -m tests.postgres_server -- $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist load $(PYTEST_ARGS)
	$(if $(PYTEST_ARGS),,DATABASE_URL="sqlite://:memory:" $(BIN)/python -m pytest -n $(TEST_WORKERS) -q $(SQLITE_SUITE))

# The fuzz tests with 1,000 generated inputs per endpoint, on PostgreSQL and SQLite (`make test` runs 40 of
# them on each, always the same). CI runs it after `make test`, seeded by the commit (.ci/run).
fuzz: system-test-deps install-test messages
	FUZZ_EXAMPLES=$(or $(FUZZ_EXAMPLES),1000) $(BIN)/python -m tests.postgres_server -- \
	  $(BIN)/python -m pytest -n $(TEST_WORKERS) -q -m fuzz $(PYTEST_ARGS) tests/trust/test_fuzzing.py
	FUZZ_EXAMPLES=$(or $(FUZZ_EXAMPLES),1000) DATABASE_URL="sqlite://:memory:" \
	  $(BIN)/python -m pytest -n $(TEST_WORKERS) -q -m fuzz $(PYTEST_ARGS) tests/trust/test_fuzzing.py

bench: system-test-deps install-test messages
	@for program in wrk memcached; do \
	  command -v $$program >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq $$program >/dev/null; } || \
	  { echo "The benchmark needs $$program: sudo apt-get install $$program"; exit 1; }; \
	done
	$(BIN)/python -m benchmarks.run
	$(BIN)/python -m benchmarks.burst

# The decisions archive and the search at 100,000 decisions (BENCH_ROWS=10000 for a quicker run).
bench-search: system-test-deps install-test messages
	$(BIN)/python -m benchmarks.search_bench --rows $(or $(BENCH_ROWS),100000)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml package.json package-lock.json | $(BIN)/python
	$(PIP) install -e ".[test]"
	npm ci --no-audit --no-fund --loglevel=error
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

messages: $(VENV)/.installed
	$(BIN)/pybabel -q compile --use-fuzzy -d site/locale -D "django djangojs"

# Debian's PostgreSQL (the throwaway test server), Chromium (browser tests), npm (axe-core),
# DejaVu fonts (Cyrillic in PDF reports), poppler-utils (the tests read the PDFs' text) and
# Tesseract with its Bulgarian data (OCR of scanned documents for the search).
system-test-deps:
	@missing=""; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || missing="$$missing postgresql"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
	[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	command -v memcached >/dev/null || missing="$$missing memcached"; \
	tesseract --list-langs 2>&1 | grep -qx bul || missing="$$missing tesseract-ocr tesseract-ocr-bul"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing from Debian:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "The tests need Debian packages that are missing:$$missing"; \
	    echo "Install them with: sudo apt-get install$$missing   (or run make test as root)"; \
	    exit 1; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) node_modules var db.sqlite3
