# The two commands that do everything: `make book` builds the site, `make test` runs every check.
VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
AXE    := node_modules/axe-core/axe.min.js

.PHONY: book test bench lint check-data clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name python3 > /dev/null
	touch $(STAMP)

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $(AXE)

## book: validate data/, run every chapter through Papermill and build the site into _build/html
book: $(STAMP)
	$(PY) -m tradetalks build

## test: lint, unit tests, nbval on the committed chapters, then the browser tests on the built site
test: $(STAMP) $(AXE)
	$(PY) -m ruff check tradetalks tests
	$(PY) -m tradetalks check-data
	$(PY) -m pytest tests --ignore=tests/browser -q
	$(PY) -m pytest --nbval book --nbval-sanitize-with tests/nbval_sanitize.cfg -q -p no:cacheprovider
	$(PY) -m tradetalks build --no-execute --out _build/test-html
	$(PY) -m pytest tests/browser -q --site _build/test-html

## bench: time clean, baseline, no-op and one-change builds (medians of 3) and report page weights
bench: $(STAMP) $(AXE)
	$(PY) benchmarks/bench.py

lint: $(STAMP)
	$(PY) -m ruff check tradetalks tests
	$(PY) -m ruff format --check tradetalks tests

check-data: $(STAMP)
	$(PY) -m tradetalks check-data

clean:
	rm -rf _build
