#!/usr/bin/env bash
# Installs the pinned n8n that the end-to-end tests and the demo run, inside the repository
# (test/.n8n/<version>), once. It has its own package.json because n8n needs an xlsx
# override that n8n's community-package rules forbid in the package itself.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${N8N_TEST_VERSION:-2.8.4}"
dir="test/.n8n/$version"
marker="$dir/node_modules/.installed-ok"
if [ -f "$marker" ] && [ -f "$dir/node_modules/sqlite3/build/Release/node_sqlite3.node" ]; then
  exit 0
fi
echo "Installing n8n $version into $dir (first run only, about 3-5 minutes)..."
start=$(date +%s)
# --ignore-scripts: isolated-vm (n8n's new expression engine) has no build for Node 20; the
# tests run n8n with N8N_EXPRESSION_ENGINE=legacy. sqlite3 is then built explicitly.
# npm install (not ci) with the committed lock: the registry here does not serve every
# platform's optional packages, so the lock lists only Linux ones and npm ci rejects it.
(cd "$dir" && npm install --no-save --ignore-scripts --no-audit --no-fund --loglevel=error)
(cd "$dir" && npm rebuild sqlite3 --ignore-scripts=false --loglevel=error)
touch "$marker"
echo "n8n $version installed in $(( $(date +%s) - start )) s."
