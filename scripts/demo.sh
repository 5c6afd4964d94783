#!/usr/bin/env bash
# Set up marsad and run the main job on the embedded SQLite default: ingest the bundled
# demo reports (events are extracted as they arrive), reconcile them into incidents,
# list the incidents and write a situation report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export MARSAD_DATA_DIR="${MARSAD_DATA_DIR:-$PWD/.marsad}"
m=.venv/bin/marsad
# the plain-text report carries no date of its own: give it, with its outlet (the
# directory's ingest then finds it stored and leaves it unchanged)
$m ingest --published 2025-03-08 --outlet Ynetnews src/marsad/data/demo/ynet-syria-coast.txt
$m ingest src/marsad/data/demo/
$m documents
$m reconcile
$m incidents --limit 15
$m report --format html --output "$MARSAD_DATA_DIR/report.html"
$m export --format acled-csv --output "$MARSAD_DATA_DIR/incidents.csv"
$m stats
echo "situation report: $MARSAD_DATA_DIR/report.html; ACLED-style CSV: $MARSAD_DATA_DIR/incidents.csv"
