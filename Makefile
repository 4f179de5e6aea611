# The two commands: `make run` and `make test`. Everything else is a helper for them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test install install-dev lint format messages clean

run: $(VENV)/.installed
	$(BIN)/balises run

test: $(VENV)/.installed-dev
	$(BIN)/python scripts/run_tests.py

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Balises demande Python 3.11 ou plus récent.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python requirements/base.lock pyproject.toml
	$(BIN)/pip install --quiet -r requirements/base.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements/dev.lock
	$(BIN)/pip install --quiet -r requirements/dev.lock
	touch $@

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy src

format: $(VENV)/.installed-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: $(VENV)/.installed-dev
	cd src/balises && BALISES_DATA_DIR=$(CURDIR)/var ../../$(BIN)/balises makemessages -l en --no-obsolete --add-location file
	cd src/balises && BALISES_DATA_DIR=$(CURDIR)/var ../../$(BIN)/balises compilemessages

clean:
	rm -rf $(VENV) var
