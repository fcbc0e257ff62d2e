# Dugnad: everything a fresh machine needs is done by these targets (see README.md).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint bench smoke i18n clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Byte-compile the app, as an installed copy is: this environment sets PYTHONDONTWRITEBYTECODE,
# and without .pyc files every start would compile Dugnad's modules again.
.PHONY: compile
compile: $(STAMP)
	@$(PY) -m compileall -q app bench >/dev/null

## Start the app (creates .venv and, on first start, the database).
run: compile
	$(VENV)/bin/dugnad

## Run every test (offscreen; no display needed).
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

## Style and lint checks.
lint: $(STAMP)
	$(VENV)/bin/ruff check app tests bench
	$(VENV)/bin/ruff format --check app tests bench

## Start the window offscreen on demo data, take a screenshot, and exit.
smoke: compile
	QT_QPA_PLATFORM=offscreen $(PY) bench/smoke.py

## Performance figures, each beside its baseline from the same run.
bench: compile
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

## Refresh the translation catalogs from the source (msgids are Bokmål).
i18n: $(STAMP)
	$(VENV)/bin/pybabel extract --no-location --sort-output -k _ -k N_ -k ngettext:1,2 \
		-o app/i18n/dugnad.pot app
	for lang in nn en; do \
		$(VENV)/bin/pybabel update --no-fuzzy-matching --ignore-obsolete -D dugnad \
			-i app/i18n/dugnad.pot -d app/i18n/locale -l $$lang; \
	done
	$(PY) -m app.i18n.document_catalogs

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
