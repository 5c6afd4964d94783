#!/usr/bin/env bash
# Set up marsad and run the main job on the embedded SQLite default: ingest the bundled
# demo reports (extracting events as they arrive) and show what was stored.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export MARSAD_DATA_DIR="${MARSAD_DATA_DIR:-$PWD/.marsad}"
.venv/bin/marsad ingest src/marsad/data/demo/
.venv/bin/marsad documents
.venv/bin/marsad stats
