# 邻里帮 — the two commands of the README, and the developers' helpers.
#   make run    set up everything and open the window
#   make test   set up everything the tests need and run them all

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test bench screenshots translations lint package clean system-run system-test

run: $(STAMP) system-run translations
	$(PY) main.py

test: $(STAMP) system-test translations
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest
	$(VENV)/bin/lint-imports --config pyproject.toml
	$(VENV)/bin/ruff check --quiet .

bench: $(STAMP) system-test
	# measured as the app runs for its users: from compiled bytecode (a first start writes it;
	# the packaged program ships it), not recompiling every module where PYTHONDONTWRITEBYTECODE is set
	$(PY) -m compileall -q volunteer_app >/dev/null
	QT_QPA_PLATFORM=offscreen $(PY) -m bench

screenshots: $(STAMP) system-test translations
	QT_QPA_PLATFORM=offscreen $(PY) build_scripts/screenshots.py docs/screenshots

translations: $(STAMP)
	$(PY) build_scripts/translations.py compile

# The one-folder build in dist/LinLiBang/ (run it on Windows for the office PCs).
package: $(STAMP) translations
	$(PY) -m pip install --quiet -e '.[build]'
	$(PY) -m PyInstaller --noconfirm --clean --distpath dist --workpath build build_scripts/linlibang.spec
	$(PY) build_scripts/smoke_frozen.py dist/LinLiBang

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --config pyproject.toml

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "邻里帮需要 Python 3.11 或更新版本：" + sys.version)'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-run:
	@sh build_scripts/system_deps.sh run

system-test:
	@sh build_scripts/system_deps.sh test

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis
