#!/usr/bin/env bash
# Debian's Redis, for the queue-mode test (n8n's queue mode needs Redis); the test starts its
# own redis-server on a free port on 127.0.0.1 and stops it after.
set -euo pipefail
cd "$(dirname "$0")"
bash install-debian-package.sh redis-server redis-server "the queue-mode test"
