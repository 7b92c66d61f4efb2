# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= .dyad-demo/demo.duckdb

.PHONY: install demo test lint format bench clean real-corpus chromium screenshots

$(BIN)/dyad: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/dyad

install: $(BIN)/dyad

demo: install
	rm -f $(DEMO_DB) && mkdir -p $(dir $(DEMO_DB))
	$(BIN)/dyad run samples/ --db $(DEMO_DB)
	$(BIN)/dyad summary --db $(DEMO_DB)
	@echo "Browse it: $(BIN)/dyad serve --db $(DEMO_DB)   (then open http://127.0.0.1:8000/)"

# The browser tests drive Debian's chromium (never a downloaded browser): install it when it is
# missing and we can (root with apt); otherwise tests/test_web_browser.py skips with its reason.
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing chromium for the browser tests"; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
			|| echo "could not install chromium: the browser tests will skip"; \
	fi

test: install chromium
	$(BIN)/ruff check src tests bench fuzz
	$(BIN)/ruff format --check src tests bench fuzz
	$(BIN)/pytest

# The README's screenshots of the web app, taken by the browser tests on the demo articles.
screenshots: install chromium
	DYAD_SCREENSHOTS=docs/screenshots $(BIN)/pytest -q tests/test_web_browser.py

# The real-news corpus: verify the git-ignored cache, list what to fetch, build the eval gold files.
real-corpus: install
	$(BIN)/dyad corpus check

lint: install
	$(BIN)/ruff check src tests bench fuzz

format: install
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

clean:
	rm -rf $(VENV) .dyad-demo .pytest_cache .ruff_cache src/*.egg-info
