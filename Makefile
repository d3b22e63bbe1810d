# Herald: `make run` starts everything on embedded defaults; `make test` runs every check CI runs.
#
# The requirements files are complete hashed locks (`make requirements` writes them): they are installed
# with --no-deps, so pip never resolves and a release upstream tomorrow cannot change what a clean clone
# gets. `pip check` (in `make lint`) proves each lock is complete and consistent.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.txt pyproject.toml | cksum | cut -d' ' -f1)

# The web console (web/): node_modules from the lockfile when it changed, dist rebuilt when any source
# under web/ is newer than it. Node >= 20.19 and npm come from the machine.
WEB_SOURCES := $(shell find web -path web/node_modules -prune -o -path web/dist -prune \
	-o -path web/test-results -prune -o -type f -print 2>/dev/null)
WEB_DEPS := web/node_modules/.package-lock.json
CHROMIUM ?= /usr/bin/chromium

.PHONY: setup run test lint deps-check install-check schema schema-check pds requirements clean \
	web web-check web-e2e chromium bench-web

$(STAMP): requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --only-binary :all: \
		--no-deps --require-hashes -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

# Without npm the API still starts; `/` then says how to build the console.
run: setup
	@if command -v npm > /dev/null; then $(MAKE) --no-print-directory web; \
	else echo "npm not found: starting without the web console (it needs Node >= 20.19 and npm)." >&2; fi
	$(BIN)/herald dev

$(WEB_DEPS): web/package.json web/package-lock.json
	@command -v npm > /dev/null || { echo "The web console needs Node >= 20.19 and npm (apt-get install nodejs npm)." >&2; exit 1; }
	cd web && npm ci --no-audit --no-fund
	touch $@

web/dist/index.html: $(WEB_DEPS) $(WEB_SOURCES)
	cd web && npm run build

web: web/dist/index.html

# Generated operation types up to date, types check, lint, unit tests.
web-check: $(WEB_DEPS)
	cd web && npm run codegen:check
	cd web && npm run typecheck
	cd web && npm run lint
	cd web && npm run test:unit

# The browser story against a real `herald dev` (Debian's Chromium; installed here when root).
web-e2e: setup pds web chromium
	cd web && CHROMIUM=$(CHROMIUM) HERALD_PYTHON=$(abspath $(BIN)/python) npm run e2e

# The console's performance figures (issue 11), printed against their targets; not part of `make test`.
bench-web: setup pds web chromium
	CHROMIUM=$(CHROMIUM) HERALD_PYTHON=$(abspath $(BIN)/python) node bench/web_console.mjs

chromium:
	@test -x $(CHROMIUM) || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -q && apt-get install -y -q chromium; \
		else echo "The web console's end-to-end test needs Chromium at $(CHROMIUM): run" \
			"'sudo apt-get install chromium' (or set CHROMIUM=/path/to/chromium)." >&2; exit 1; fi; }

pds:
	scripts/install-pds.sh
	scripts/install-devenv.sh

lint: setup deps-check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec compose.yaml
	$(MAKE) --no-print-directory schema-check

# Every import declared, nothing declared unused, and the installed set consistent.
deps-check: setup
	$(BIN)/python -m pip check --disable-pip-version-check
	$(BIN)/deptry .

# The production lock (what the Dockerfile installs) into a fresh venv, exactly as the image does.
install-check:
	scripts/install-check.sh

schema: setup
	$(BIN)/python -m schema > schema.graphql

schema-check: setup
	$(BIN)/python -m schema --check schema.graphql

test: setup pds lint install-check web-check web-e2e
	$(BIN)/pytest

requirements: setup
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 --extra build \
		pyproject.toml -o requirements.txt
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 --extra build --extra dev \
		--extra embedded pyproject.toml -o requirements-dev.txt

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache web/node_modules web/dist web/test-results
