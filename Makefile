# Two commands on a fresh machine with python3, pip and make:  make run  /  make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
LOCALE := bot/locale

.PHONY: run test fuzz bench install compile extract update new-language lint-docker clean lock audit

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade 'pip>=25.3' 'setuptools>=78.1.1'
	$(BIN)/python -m pip install --quiet -e '.[dev,postgres]'
	touch $(STAMP)

install: $(STAMP)

# Interface strings: extract from the code, merge into every catalog, compile .mo files.
extract: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _ -k N_ --sort-by-file \
		--project=rightsbot --copyright-holder="rightsbot contributors" \
		-o $(LOCALE)/messages.pot .

update: extract
	$(BIN)/pybabel update -i $(LOCALE)/messages.pot -d $(LOCALE) -D messages --no-fuzzy-matching

compile: $(STAMP)
	$(BIN)/pybabel compile -d $(LOCALE) -D messages

# make new-language CODE=ar   (then translate bot/locale/ar/LC_MESSAGES/messages.po)
new-language: extract
	$(BIN)/pybabel init -i $(LOCALE)/messages.pot -d $(LOCALE) -D messages -l $(CODE)

run: compile
	$(BIN)/rightsbot serve

test: compile
	$(BIN)/python -m pytest

# 100,000 random events through the engine and 20,000 random Telegram updates through the bot.
fuzz: compile
	$(BIN)/python -m tests.ops.fuzz --events 100000 --updates 20000

bench: compile
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) data .pytest_cache bench/.work
	find . -name '*.mo' -path '*/locale/*' -delete

# requirements.lock: every package the image installs, pinned with its hash.
lock: $(STAMP)
	$(BIN)/python deps/lock.py

# Known advisories of the locked packages (exit 2, and says so, when OSV cannot be reached).
audit:
	$(PYTHON) deps/audit.py
