#!/usr/bin/env bash
# Set up and run the whole test suite: unit and storage tests on SQLite and on the local
# PostgreSQL server (skipped with a visible reason if none answers), browser tests in
# headless Chromium, and the evaluation gate on the shared dev sets.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "could not install chromium: browser tests will be skipped with that reason"
fi
exec .venv/bin/python -m pytest "$@"
