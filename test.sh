#!/usr/bin/env bash
# README command 2: installs what a fresh Debian machine lacks, then runs every test of every
# module (unit, @QuarkusTest on a real embedded PostgreSQL, SQLite, browser and end-to-end tests).
#   ./test.sh                 all tests
#   ./test.sh -pl playbooks   extra arguments go to Maven
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests need: Chromium for the Playwright browser tests, curl for the scripts,
# a Chinese font for the screenshots.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)
command -v curl >/dev/null 2>&1 || missing+=(curl)
# a CJK font, so that screenshots and printed PDFs of the zh-CN pages show characters, not boxes
# (installed means "install ok installed": a removed package can still answer dpkg -s with its config files)
dpkg-query -W -f='${Status}' fonts-wqy-microhei 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${missing[*]} (apt-get)…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: please install: ${missing[*]} (e.g. sudo apt-get install -y ${missing[*]})" >&2
    exit 1
  fi
fi

# Playwright must use Debian's Chromium, never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
exec ./mvnw -B verify "$@"
