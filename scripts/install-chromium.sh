#!/usr/bin/env bash
# Debian's Chromium for the browser tests and the README screenshots (playwright-core brings
# no browser, and no browser download is reachable here). CHROMIUM_PATH names another one.
set -euo pipefail
cd "$(dirname "$0")"
bash install-debian-package.sh "${CHROMIUM_PATH:-/usr/bin/chromium}" chromium "the browser tests"
