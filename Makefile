# The two commands that do everything: `make book` builds the site, `make test` runs every check.
VENV   ?= .venv
PYTHON ?= python3
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
AXE    := node_modules/axe-core/axe.min.js
WORKERS ?= 2

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

## test: lint, data checks, then one parallel pytest run: unit tests, nbval on the committed chapters,
## and the browser tests on a site built from them. Finds Chromium or Chrome (CHROMIUM, then the PATH,
## then Playwright's own); on Debian as root it installs Debian's chromium if there is none.
test: $(STAMP) $(AXE)
	$(PY) -m tradetalks browser --install
	$(PY) -m ruff check tradetalks tests benchmarks notebooks
	$(PY) -m ruff format --check tradetalks tests benchmarks notebooks
	$(PY) -m tradetalks check-data
	$(PY) -m tradetalks build --no-execute --out _build/test-html
	$(PY) -m pytest tests book -n $(WORKERS) --dist loadgroup -p no:cacheprovider -q --durations=15 \
	    --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg --site _build/test-html

## pdf: print the built site (after make book) into one PDF, _build/pdf/us-japan-auto-trade.pdf (and -ja.pdf for the Japanese
## edition when it is built), with Chromium as make test finds it
.PHONY: pdf
pdf: $(STAMP)
	$(PY) -m tradetalks browser --install
	$(PY) -m tradetalks pdf
	@if [ -f _build/html/ja/index.html ]; then $(PY) -m tradetalks pdf --lang ja; fi

## bench: build timings (medians of 3) and page weights; `make bench TEST=1` also times `make test` once
bench: $(STAMP) $(AXE)
	$(PY) benchmarks/bench.py $(if $(TEST),--with-make-test,)

lint: $(STAMP)
	$(PY) -m ruff check tradetalks tests benchmarks notebooks
	$(PY) -m ruff format --check tradetalks tests benchmarks notebooks
	$(PY) -m ruff format --check tradetalks tests benchmarks notebooks

check-data: $(STAMP)
	$(PY) -m tradetalks check-data

clean:
	rm -rf _build
