#!/usr/bin/env bash
# Installs the production lock into a brand-new venv exactly as the Dockerfile does, then proves it is
# complete (pip check), that Herald imports and starts its CLI from it, and that the embedded database
# (a `make run` extra) is not part of it. Run by `make test`; needs only python3 and the package index.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$PYTHON" -m venv "$work/venv"
pip=("$work/venv/bin/python" -m pip --disable-pip-version-check --quiet)
"${pip[@]}" install --no-deps --only-binary :all: --require-hashes -r requirements.txt
"${pip[@]}" check
# Herald itself, from a copy of the tree, so nothing is written into the checkout.
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$work" --one-top-level=src
"${pip[@]}" install --no-deps --no-build-isolation "$work/src"
"$work/venv/bin/herald" --help > /dev/null
(cd "$work" && "$work/venv/bin/python" -c 'import app.main, app.cli, workers.post, workers.analytics, workers.scheduler')
if "$work/venv/bin/python" -m pip show --quiet secantusdb 2> /dev/null; then
    echo "install-check: secantusdb is in the production lock; it belongs to the 'embedded' extra" >&2
    exit 1
fi
echo "install-check: requirements.txt installs into a fresh venv and Herald starts from it"
