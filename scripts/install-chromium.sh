#!/usr/bin/env bash
# Debian's Chromium for the browser tests and the README screenshots (playwright-core brings
# no browser, and no browser download is reachable here). Installed once, with apt.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get > /dev/null; then
  echo "Chromium is missing at $browser: install Debian's chromium package (or set CHROMIUM_PATH)." >&2
  exit 1
fi
echo "Installing Chromium from Debian's packages (first run only, about 1 minute)..."
start=$(date +%s)
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium > /dev/null
echo "Chromium installed in $(( $(date +%s) - start )) s: $("$browser" --version 2>/dev/null | head -n 1)"
