#!/usr/bin/env bash
# Debian's Redis, for the queue-mode test (n8n's queue mode needs Redis). Installed once, with
# apt; the test starts its own redis-server on a free port on 127.0.0.1 and stops it after.
set -euo pipefail
if command -v redis-server > /dev/null; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get > /dev/null; then
  echo "redis-server is missing: install Debian's redis-server package." >&2
  exit 1
fi
echo "Installing Redis from Debian's packages (first run only, under a minute)..."
start=$(date +%s)
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server > /dev/null
echo "Redis installed in $(( $(date +%s) - start )) s: $(redis-server --version)"
