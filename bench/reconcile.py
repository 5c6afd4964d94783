"""Benchmark of reconciliation on generated archives (issue 4).

    .venv/bin/python bench/reconcile.py [--sizes 10000,50000,100000] [--seed 7]

For each size, a synthetic archive is generated into a fresh temporary SQLite store and
``reconcile(store, settings, full=True)`` is timed. The archive is realistic in shape:
five countries with eight governorates each and a few towns per governorate; incident
dates spread over two years; each true incident is covered by 1 to 8 reports (most by
one or two) from monitors, agencies, outlets relaying a monitor, and governments, with
noise on the figures (x0.6-1.3, some "at least"), the dates (a day late, or a
week-long period), the place (town or governorate-level only) and the sub-type (a
compatible one); some reports carry a second event of another incident.

The archive is written straight into the ``documents``, ``extractions``, ``events`` and
``claims`` tables with bulk inserts (executemany in one transaction) rather than through
``Store.save_extraction`` one report at a time, which would make the set-up, not the
reconciliation, the slow part. The rows are the ones ``save_extraction`` writes.

Prints, per size: events, incidents, seconds, events/s, and B-cubed F1 against the
generating incidents; then the growth ratio = (time per event at the largest size) /
(time per event at the smallest): about 1 means linear.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

COUNTRIES = {
    "SY": (35.0, 38.0), "IQ": (33.0, 44.0), "YE": (15.0, 45.0), "SD": (13.0, 30.0), "UA": (48.5, 35.0),
}
SUBS = [("explosions_remote_violence", "air_drone_strike", 30), ("explosions_remote_violence",
        "shelling_artillery_missile_attack", 25), ("battles", "armed_clash", 25),
        ("violence_against_civilians", "attack", 12), ("explosions_remote_violence",
        "remote_explosive_landmine_ied", 5), ("explosions_remote_violence", "chemical_weapon", 1),
        ("protests", "peaceful_protest", 2)]
COMPATIBLE = {"air_drone_strike": "shelling_artillery_missile_attack",
              "shelling_artillery_missile_attack": "air_drone_strike"}
WORDS = ("market hospital school convoy checkpoint bakery mosque camp bridge village village "
         "neighbourhood barracks airport highway farm clinic district square factory").split()
SOURCES = [("Monitor {c}", "monitor"), ("Rights Network {c}", "monitor"), ("United Nations", "international_org"),
           ("Health Ministry {c}", "government"), ("State Agency {c}", "state_media"),
           ("Reuters", "media"), ("AFP", "media"), ("Local Post {c}", "media"), ("Witness", "witness")]
OUTLETS = ["Reuters", "AFP", "AP", "Al Jazeera", "BBC", "Anadolu", "Local Post", "Daily Star", "Gazette"]


def geography(rng: random.Random):
    places = {}
    for c, (lat, lon) in COUNTRIES.items():
        for a in range(8):
            alat, alon = lat + rng.uniform(-2, 2), lon + rng.uniform(-2, 2)
            towns = [(f"{c}town{a}_{k}", alat + rng.uniform(-0.4, 0.4), alon + rng.uniform(-0.4, 0.4))
                     for k in range(12)]
            places[(c, f"{c}-{a:02d}")] = ((alat, alon), towns)
    return places


def generate(n_events: int, seed: int):
    """Yield (document, [events]) and the true incident of every event."""
    rng = random.Random(seed)
    places = geography(rng)
    keys = sorted(places)
    day0 = dt.date(2023, 1, 1).toordinal()
    docs, truth = [], {}
    n_ev, inc = 0, 0
    pending_second = []
    while n_ev < n_events:
        inc += 1
        block = keys[rng.randrange(len(keys))]
        (alat, alon), towns = places[block]
        town = towns[rng.randrange(len(towns))]
        etype, sub, _ = rng.choices(SUBS, weights=[w for *_, w in SUBS])[0]
        date = day0 + rng.randrange(730)
        toll = max(0, int(rng.paretovariate(1.3) * 3) - 2)
        words = rng.sample(WORDS, 2)
        n_reports = rng.choices(range(1, 9), weights=[35, 25, 14, 9, 7, 5, 3, 2])[0]
        for r in range(n_reports):
            if n_ev >= n_events:
                break
            d = date + (1 if rng.random() < 0.15 else 0)
            prec, d_end = 1, d
            if rng.random() < 0.05:
                prec, d_end = 2, d + 3
            precise = rng.random() < 0.7
            s = COMPATIBLE.get(sub, sub) if rng.random() < 0.1 else sub
            src_name, src_type = SOURCES[rng.randrange(len(SOURCES))]
            src_name = src_name.format(c=block[0])
            outlet = OUTLETS[rng.randrange(len(OUTLETS))]
            killed = int(toll * rng.uniform(0.6, 1.3)) if toll else None
            text = f"{src_name} said {killed or 'several'} people were killed at the {words[0]} near " \
                   f"the {words[1]} in {town[0]}."
            claim = {"source": {"name": src_name, "type": src_type}, "stance": "asserts", "start": 0,
                     "end": len(text), "text": text}
            fat = {}
            if killed is not None:
                open_ = rng.random() < 0.4
                claim["figures"] = [{"outcome": "killed", "group": "total", "low": killed, "best": killed,
                                     "high": None if open_ else killed, "text": str(killed), "derived": False}]
                fat = {"total": {"low": killed, "best": killed, "high": None if open_ else killed,
                                 "text": str(killed)}}
            lat, lon = (town[1] + rng.uniform(-0.01, 0.01), town[2] + rng.uniform(-0.01, 0.01)) if precise \
                else (alat, alon)
            ev = {"type": etype if s == sub else "explosions_remote_violence", "sub_type": s,
                  "date": {"start": dt.date.fromordinal(d).isoformat(),
                           "end": dt.date.fromordinal(d_end).isoformat(), "precision": prec, "text": "x"},
                  "location": {"name": town[0] if precise else block[1], "country": block[0],
                               "admin1_iso": block[1], "lat": lat, "lon": lon,
                               "precision": 1 if precise else 3, "text": town[0]},
                  "actors": [], "fatalities": fat, "injured": {}, "claims": [claim]}
            if pending_second and rng.random() < 0.15:
                # this report also covers another incident
                other_inc, other_ev = pending_second.pop()
                docs.append((outlet, [ev, other_ev]))
                truth[(len(docs) - 1, 0)], truth[(len(docs) - 1, 1)] = inc, other_inc
                n_ev += 2
            else:
                docs.append((outlet, [ev]))
                truth[(len(docs) - 1, 0)] = inc
                n_ev += 1
            if r == 0 and rng.random() < 0.1:
                pending_second.append((inc, ev))
    return docs, truth


def insert(store, docs) -> dict[int, tuple[int, int]]:
    """Bulk insert; returns events.id -> (document index, rank)."""
    import sqlalchemy as sa

    from marsad.store import schema as t

    now = dt.datetime.now(dt.timezone.utc)
    doc_rows, ext_rows, ids = [], [], []
    for n, (outlet, evs) in enumerate(docs):
        text = f"synthetic report {n}"
        did = hashlib.sha256(text.encode()).hexdigest()
        ids.append(did)
        doc_rows.append({"id": did, "text": text, "raw": text.encode(), "raw_sha256": did,
                         "outlet": outlet, "via": "stdin", "ingested_at": now})
        ext_rows.append({"id": n + 1, "document_id": did, "extractor_version": "bench", "created_at": now,
                         "status": "ok", "result": {"schema": "marsad.extraction/1", "events": evs,
                                                    "statements": []}, "is_current": True})
    ev_rows, cl_rows, back = [], [], {}
    eid = 0
    for n, (outlet, evs) in enumerate(docs):
        for rank, ev in enumerate(evs):
            eid += 1
            back[eid] = (n, rank)
            ev = dict(ev, id=f"e{rank + 1}")
            loc, date = ev["location"], ev["date"]
            ev_rows.append({"id": eid, "extraction_id": n + 1, "document_id": ids[n], "key": ev["id"],
                            "rank": rank, "type": ev["type"], "sub_type": ev["sub_type"],
                            "date_start": date["start"], "date_end": date["end"],
                            "date_precision": date["precision"], "country": loc["country"],
                            "admin1_iso": loc["admin1_iso"], "location_name": loc["name"],
                            "lat": loc["lat"], "lon": loc["lon"], "geo_precision": loc["precision"],
                            "fatalities_best": (ev["fatalities"].get("total") or {}).get("best"),
                            "data": ev})
            for c in ev["claims"]:
                cl_rows.append({"event_id": eid, "document_id": ids[n], "source_name": c["source"]["name"],
                                "source_type": c["source"]["type"], "stance": c["stance"],
                                "start": c["start"], "end": c["end"], "text": c["text"]})
    with store.engine.begin() as conn:
        for table, rows in ((t.documents, doc_rows), (t.extractions, ext_rows), (t.events, ev_rows),
                            (t.claims, cl_rows)):
            for i in range(0, len(rows), 5000):
                conn.execute(table.insert(), rows[i:i + 5000])
        assert conn.execute(sa.select(sa.func.count()).select_from(t.events)).scalar_one() == len(ev_rows)
    return back


def bcubed(truth: dict, pred: dict) -> float:
    from collections import Counter

    pairs = Counter((truth[k], pred[k]) for k in truth)
    tsize, psize = Counter(truth.values()), Counter(pred[k] for k in truth)
    p = sum(n * n / psize[pc] for (tc, pc), n in pairs.items()) / len(truth)
    r = sum(n * n / tsize[tc] for (tc, pc), n in pairs.items()) / len(truth)
    return 2 * p * r / (p + r)


def run(size: int, seed: int) -> dict:
    import sqlalchemy as sa

    from marsad.config import load_settings
    from marsad.reconcile import reconcile
    from marsad.store import Store
    from marsad.store import schema as t

    docs, truth = generate(size, seed)
    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        store = Store.open(f"sqlite:///{Path(tmp) / 'bench.sqlite'}")
        try:
            back = insert(store, docs)
            t0 = time.perf_counter()
            s = reconcile(store, load_settings(env={}), full=True)
            secs = time.perf_counter() - t0
            with store.engine.connect() as conn:
                links = conn.execute(sa.select(t.incident_events.c.event_id, t.incident_events.c.incident_id)).all()
        finally:
            store.close()
    pred = {back[e]: i for e, i in links}
    return {"events": s.events, "incidents": s.incidents, "true_incidents": len(set(truth.values())),
            "seconds": secs, "bcubed_f1": bcubed(truth, pred)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,50000,100000")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    sizes = [int(x) for x in args.sizes.split(",")]
    print(f"{'events':>8} {'incidents':>9} {'true':>7} {'seconds':>8} {'events/s':>9} {'B3 F1':>6}")
    results = []
    for n in sizes:
        r = run(n, args.seed)
        results.append(r)
        print(f"{r['events']:>8} {r['incidents']:>9} {r['true_incidents']:>7} {r['seconds']:>8.2f} "
              f"{r['events'] / r['seconds']:>9.0f} {r['bcubed_f1']:>6.3f}", flush=True)
    if len(results) > 1:
        a, b = results[0], results[-1]
        ratio = (b["seconds"] / b["events"]) / (a["seconds"] / a["events"])
        print(f"growth ratio (time per event at {b['events']} / at {a['events']}): {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
