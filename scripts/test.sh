#!/usr/bin/env bash
# Runs every test: unit, integration (real HTTP over real SQLite) and browser (Playwright + Debian's Chromium + axe).
# Browser tests need /usr/bin/chromium (apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test AreaPartnerships.sln --configuration Release --logger "console;verbosity=normal" "$@"
