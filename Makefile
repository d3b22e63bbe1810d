# Herald: `make run` starts everything on embedded defaults; `make test` runs every check CI runs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements-dev.txt pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: setup run test lint schema schema-check pds requirements clean

$(STAMP): requirements-dev.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/herald dev

pds:
	scripts/install-pds.sh
	scripts/install-devenv.sh

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec compose.yaml
	$(MAKE) --no-print-directory schema-check

schema: setup
	$(BIN)/python -m schema > schema.graphql

schema-check: setup
	$(BIN)/python -m schema --check schema.graphql

test: setup pds lint
	$(BIN)/pytest

requirements:
	uv pip compile --quiet --generate-hashes --python-version 3.11 pyproject.toml -o requirements.txt
	uv pip compile --quiet --generate-hashes --python-version 3.11 --extra dev pyproject.toml -o requirements-dev.txt

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
