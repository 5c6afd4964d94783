#!/usr/bin/env python
"""Measure the system on the shared dev gold files and write the CI floors.

    .venv/bin/python scripts/update_eval_baseline.py [--margin 0.02] [--processes 2] [--dry-run] [--allow-lower]

For each gold file listed in GOLD_FILES (paths relative to ../shared/corpus), runs
``marsad.eval.evaluate`` with the real extraction pipeline and sets each metric's floor
to ``achieved - margin`` rounded down to 0.01 (``marsad.eval.floors_from``). The floors
go to ``eval_baseline.json`` at the repository root, which ``tests/test_eval_gate.py``
enforces. Run it after an accuracy improvement. A floor never goes down while its metric
still meets it (``marsad.eval.keep_floors``); when a metric fell below its floor, the
script names it and writes nothing unless ``--allow-lower`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from marsad.eval.shared import shared_dir

REPO = Path(__file__).resolve().parent.parent
CORPUS = shared_dir(REPO) / "corpus"
BASELINE = REPO / "eval_baseline.json"
GOLD_FILES = ("fakes-dev.jsonl", "hrds-dev.jsonl", "seed/ynet-syria-coast.gold.json")
#: gold files whose incident clusters are gated too (marsad eval --clusters)
CLUSTER_FILES = ("fakes-dev.jsonl",)
CLUSTER_METRICS = ("bcubed_precision", "bcubed_recall", "bcubed_f1")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--margin", type=float, default=0.02, help="floor = achieved - margin (default 0.02)")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--output", type=Path, default=BASELINE)
    ap.add_argument("--dry-run", action="store_true", help="print, do not write")
    ap.add_argument("--allow-lower", action="store_true",
                    help="write a floor that goes down (accuracy fell below it: say why in the commit)")
    args = ap.parse_args(argv)

    from marsad.config import load_settings
    from marsad.eval import evaluate, floors_from, keep_floors
    from marsad.eval.run import evaluate_clusters

    settings = load_settings()
    old = json.loads(args.output.read_text()) if args.output.is_file() else {}
    files: dict[str, dict[str, float]] = {}
    achieved: dict[str, dict[str, float | None]] = {}
    lowered: list[str] = []
    for name in GOLD_FILES:
        path = args.corpus / name
        if not path.is_file():
            print(f"missing gold file {path}", file=sys.stderr)
            return 1
        report = evaluate(path, settings=settings, processes=args.processes)
        achieved[name] = report["metrics"]
        before = (old.get("files") or {}).get(name, {})
        files[name], down = keep_floors(floors_from(report["metrics"], args.margin), before, report["metrics"])
        lowered += [f"{name} {d}" for d in down]
        for metric, value in report["metrics"].items():
            prev = before.get(metric)
            note = "" if prev is None else f"  (floor was {prev:.2f})"
            print(f"{name:36} {metric:18} {'-' if value is None else f'{value:.4f}':>7} -> floor "
                  f"{files[name].get(metric, '-')}{note}")
    clusters: dict[str, dict[str, float]] = {}
    for name in CLUSTER_FILES:
        report = evaluate_clusters(args.corpus / name, settings=settings, processes=args.processes)
        measured = {m: report["metrics"][m] for m in CLUSTER_METRICS}
        achieved[f"clusters:{name}"] = measured
        clusters[name], down = keep_floors(floors_from(measured, args.margin),
                                           (old.get("clusters") or {}).get(name, {}), measured)
        lowered += [f"clusters {name} {d}" for d in down]
        for metric, value in measured.items():
            print(f"clusters {name:27} {metric:18} {value:.4f} -> floor {clusters[name][metric]}")
    out = {
        "about": "Floors of the evaluation gate (tests/test_eval_gate.py): marsad eval on each shared "
                 "dev gold file must reach at least these values. Written by "
                 "scripts/update_eval_baseline.py as achieved - margin, rounded down; a floor never "
                 "goes down while it is still met.",
        "margin": args.margin,
        "files": files,
        "clusters": clusters,
        "achieved": achieved,
    }
    for line in lowered:
        print(f"floor goes DOWN: {line}", file=sys.stderr)
    if lowered and not args.allow_lower and not args.dry_run:
        print("accuracy fell below a floor: nothing written (--allow-lower writes it anyway)", file=sys.stderr)
        return 2
    if args.dry_run:
        print(json.dumps(out, indent=2))
    else:
        args.output.write_text(json.dumps(out, indent=2) + "\n")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
