#!/usr/bin/env bash
# Installs one of Debian's packages with apt, once, for the tests: nothing to do if the
# program it provides is already there.
#   scripts/install-debian-package.sh <program (name or path)> <Debian package> <what it is for>
set -euo pipefail
program="$1" package="$2" purpose="$3"
if command -v "$program" > /dev/null || [ -x "$program" ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get > /dev/null; then
  echo "$program is missing: install Debian's $package package ($purpose)." >&2
  exit 1
fi
echo "Installing $package from Debian's packages for $purpose (first run only, about a minute)..."
start=$(date +%s)
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" > /dev/null
echo "$package installed in $(( $(date +%s) - start )) s."
