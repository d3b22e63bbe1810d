# Herald: `make run` starts everything on embedded defaults; `make test` runs every check CI runs.
#
# The requirements files are complete hashed locks (`make requirements` writes them): they are installed
# with --no-deps, so pip never resolves and a release upstream tomorrow cannot change what a clean clone
# gets. `pip check` (in `make lint`) proves each lock is complete and consistent.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.txt pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: setup run test lint deps-check install-check schema schema-check pds requirements clean

$(STAMP): requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --only-binary :all: \
		--require-hashes -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/herald dev

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

test: setup pds lint install-check
	$(BIN)/pytest

requirements: setup
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 --extra build \
		pyproject.toml -o requirements.txt
	$(BIN)/uv pip compile --quiet --generate-hashes --python-version 3.11 --extra build --extra dev \
		--extra embedded pyproject.toml -o requirements-dev.txt

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
