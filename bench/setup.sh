#!/usr/bin/env bash
# Installs what `make bench` needs, skipping what is there: Debian hugo, cmark, sqlite3 and time
# (for /usr/bin/time -v), and matplotlib from PyPI into bench/.venv.
set -euo pipefail
cd "$(dirname "$0")"
missing=""
for p in hugo cmark sqlite3 time; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  echo "Installing$missing"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi
if ! .venv/bin/python -c 'import matplotlib' >/dev/null 2>&1; then
  echo "Installing matplotlib into bench/.venv"
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check matplotlib
fi
