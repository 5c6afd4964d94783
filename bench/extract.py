"""Benchmark of extraction speed and memory (issue 3, "Speed and memory").

    .venv/bin/python bench/extract.py [--corpus PATH] [--processes 2] [--limit N]
                                      [--no-stages] [--profile]

On the reports of ``--corpus`` (default: the shared ``fakes-dev.jsonl``; the gold
annotations are stripped before anything runs), measures side by side, in one run and
after everything is loaded (models, gazetteer, dictionaries: loading is timed apart):

* **spaCy, bare model**: the spaCy pipeline marsad loads (``load_nlp(settings, None)``:
  the configured model with parser, tagger and lemmatizer excluded, plus the newline
  sentence rule) *without* the gazetteer entity ruler, over the raw texts with
  ``nlp.pipe(texts, n_process=N)``;
* **spaCy, as marsad runs it**: ``Pipeline.resources.nlp``, the same pipeline *with*
  the gazetteer entity ruler, the one the ``nlp`` stage calls, also with ``nlp.pipe``;
* **spaCy, bare model, fork pool** (batch mode only): the bare model over the texts in
  a fork pool distributed as ``run_many`` does (``imap`` over batches of
  ``BATCH_SIZE`` documents, one ``nlp.pipe`` call per batch), workers returning only a
  count. ``nlp.pipe(n_process=N)`` ships every Doc back to the parent
  (serialised), which the whole extraction does not do, so this is the like-for-like
  parallel baseline;
* **whole extraction**: ``Pipeline(settings).run_many(docs, processes=N)``, every stage
  from cleaning to events, results as ``marsad.extraction/1`` objects.

Each is run with N processes (batch mode) and with one process. Printed: documents/s,
the ratio whole / bare spaCy (target <= 1.5; against both spaCy variants), and the peak
memory of the process tree (main process + workers) during each measurement, sampled
from /proc every 50 ms: the sum of RSS (counts pages shared by forked workers once per
process, an upper bound) and the sum of PSS (shared pages divided among the processes
sharing them: what the tree really occupies). Also the lifetime peak RSS of the main
process and of the largest child from ``getrusage`` (target <= 1.5 GB).

CPU time (user + system, the main process and its workers) is printed beside the wall
time: on a loaded machine it is the steadier measure of the work done.

Then (unless ``--no-stages``), a per-stage timing harness runs the pipeline's
components one by one on :class:`marsad.extract.base.Context` objects (one document
at a time, as ``Pipeline.run`` does), in one process, and prints ms/document per stage, so the time
that is not spaCy's is located. ``--profile`` adds a cProfile of the non-spaCy stages
(top functions by own time).

The machine is shared: run it more than once and read the figures together.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

from marsad.eval.shared import shared_dir

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = shared_dir(ROOT) / "corpus" / "fakes-dev.jsonl"
DOC_KEYS = ("id", "text", "title", "published", "outlet", "url")


# -- memory of the process tree ----------------------------------------------------------
def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as f:
                    out.extend(int(c) for c in f.read().split())
            except OSError:
                pass
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(_children(p))
    return seen


def _rss_pss(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in bytes; (0, 0) when it is gone."""
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) * 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) * 1024
    except OSError:
        try:
            with open(f"/proc/{pid}/statm") as f:
                rss = pss = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return rss, pss


def _cpu_seconds() -> float:
    """User + system CPU time of this process and of its reaped children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _reap(timeout: float = 5.0) -> None:
    """Join finished worker processes so that their CPU time is counted."""
    import multiprocessing as mp

    end = time.monotonic() + timeout
    while mp.active_children() and time.monotonic() < end:
        time.sleep(0.02)


class TreeMemory:
    """Samples the memory of this process and its descendants in a thread; also the CPU
    time the tree used (less sensitive than wall time to a loaded machine)."""

    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.peak_rss = self.peak_pss = 0
        self.max_procs = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def sample(self) -> None:
        pids = _tree(os.getpid())
        rss = pss = 0
        for p in pids:
            r, s = _rss_pss(p)
            rss += r
            pss += s
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_pss = max(self.peak_pss, pss)
        self.max_procs = max(self.max_procs, len(pids))

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)

    def __enter__(self) -> "TreeMemory":
        _reap()
        self.cpu = 0.0
        self._cpu0 = _cpu_seconds()
        self.sample()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join()
        self.sample()
        _reap()
        self.cpu = _cpu_seconds() - self._cpu0


def mb(n: int) -> str:
    return f"{n / 2**20:,.0f} MB"


# -- measurements ------------------------------------------------------------------------
class Measure:
    def __init__(self, label: str, n_docs: int, seconds: float, mem: TreeMemory, extra: str = ""):
        self.label, self.n, self.seconds, self.mem, self.extra = label, n_docs, seconds, mem, extra

    @property
    def rate(self) -> float:
        return self.n / self.seconds if self.seconds else float("inf")

    def line(self) -> str:
        return (f"  {self.label:<34} {self.seconds:8.2f} s  {self.rate:7.1f} docs/s  "
                f"{1000 * self.seconds / self.n:7.1f} ms/doc  cpu {1000 * self.mem.cpu / self.n:6.1f} ms/doc"
                f"  peak tree RSS {mb(self.mem.peak_rss):>9}"
                f"  PSS {mb(self.mem.peak_pss):>9}  ({self.mem.max_procs} procs){self.extra}")


def time_spacy(nlp, texts: list[str], processes: int, batch_size: int, label: str) -> Measure:
    with TreeMemory() as mem:
        t0 = time.perf_counter()
        n = 0
        for doc in nlp.pipe(texts, n_process=processes, batch_size=batch_size):
            n += 1
        secs = time.perf_counter() - t0
    assert n == len(texts)
    return Measure(label, len(texts), secs, mem)


_POOL_NLP = None


def _pool_count(texts: list[str]) -> int:
    return sum(len(doc) for doc in _POOL_NLP.pipe(texts, batch_size=len(texts)))


def time_spacy_pool(nlp, texts: list[str], processes: int, label: str) -> Measure:
    """``nlp`` over ``texts`` in a fork pool exactly as ``Pipeline.run_many`` distributes
    documents (imap over batches of ``BATCH_SIZE``, one ``nlp.pipe`` call per batch),
    workers returning only the token count: the parallel baseline without spaCy's Doc
    serialisation."""
    import multiprocessing as mp

    from marsad.extract.pipeline import BATCH_SIZE

    global _POOL_NLP
    _POOL_NLP = nlp
    batches = [texts[i:i + BATCH_SIZE] for i in range(0, len(texts), BATCH_SIZE)]
    with TreeMemory() as mem:
        t0 = time.perf_counter()
        with mp.get_context("fork").Pool(processes) as pool:
            n = sum(len(b) for b, _ in zip(batches, pool.imap(_pool_count, batches)))
        secs = time.perf_counter() - t0
    _POOL_NLP = None
    assert n == len(texts)
    return Measure(label, len(texts), secs, mem)


def time_pipeline(pipeline, docs: list[dict], processes: int, label: str) -> tuple[Measure, list[dict]]:
    with TreeMemory() as mem:
        t0 = time.perf_counter()
        results = list(pipeline.run_many(docs, processes=processes))
        secs = time.perf_counter() - t0
    assert len(results) == len(docs)
    errors = sum(1 for r in results if r.get("error"))
    events = sum(len(r.get("events") or []) for r in results)
    return Measure(label, len(docs), secs, mem, f"  [{events} events, {errors} errors]"), results


def stage_times(pipeline, docs: list[dict], profile: bool = False) -> dict[str, float]:
    """Seconds per stage over ``docs``, running the components as ``Pipeline.run`` does."""
    from marsad.extract.base import Context
    from marsad.extract.pipeline import _document_meta, build_result

    totals = {c.name: 0.0 for c in pipeline.components}
    totals["build_result"] = 0.0
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
    clock = time.perf_counter
    for d in docs:
        ctx = Context(text=d["text"], meta=_document_meta(d), resources=pipeline.resources)
        for comp in pipeline.components:
            if ctx.skip:
                break
            on = prof is not None and comp.name != "nlp"
            t0 = clock()
            if on:
                prof.enable()
            comp.func(ctx)
            if on:
                prof.disable()
            totals[comp.name] += clock() - t0
        t0 = clock()
        build_result(ctx)
        totals["build_result"] += clock() - t0
    if prof is not None:
        import pstats

        print("\ncProfile of the non-spaCy stages (one process), top 30 by own time:")
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(30)
    return totals


def load_docs(path: Path, limit: int | None) -> list[dict]:
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            docs.append({k: row.get(k) for k in DOC_KEYS})  # gold and anything else stripped
            if limit and len(docs) >= limit:
                break
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL of reports (gold ignored).")
    ap.add_argument("--processes", type=int, default=2, help="Worker processes in batch mode (default 2).")
    ap.add_argument("--batch-size", type=int, default=16,
                    help="spaCy nlp.pipe batch size (small so that every worker gets work; default 16).")
    ap.add_argument("--limit", type=int, default=None, help="Only the first N reports.")
    ap.add_argument("--no-stages", action="store_true", help="Skip the per-stage timing.")
    ap.add_argument("--profile", action="store_true", help="cProfile the non-spaCy stages.")
    ap.add_argument("--stages-only", action="store_true",
                    help="Only the per-stage timing (no side-by-side measurement).")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    from marsad.config import load_settings
    from marsad.extract import EXTRACTOR_VERSION, Pipeline
    from marsad.extract.nlp import load_nlp

    if not args.corpus.is_file():
        print(f"error: no corpus at {args.corpus}", file=sys.stderr)
        return 1
    docs = load_docs(args.corpus, args.limit)
    texts = [d["text"] or "" for d in docs]
    chars = sum(len(t) for t in texts)
    settings = load_settings()
    print(f"marsad extractor {EXTRACTOR_VERSION}, spaCy model {settings.spacy_model}; "
          f"{len(docs)} reports ({chars:,} characters, {chars // max(1, len(docs)):,} per report) "
          f"from {args.corpus}")
    print(f"cpus: {os.cpu_count()}, load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    # -- warm up: everything loaded before timing ---------------------------------------
    t0 = time.perf_counter()
    pipeline = Pipeline(settings=settings)
    pipeline.warm()
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    bare = load_nlp(settings, None)
    t_bare_load = time.perf_counter() - t0
    marsad_nlp = pipeline.resources.nlp
    print(f"load: pipeline (model, gazetteer + entity ruler, dictionaries) {t_load:.2f} s; "
          f"bare model {t_bare_load:.2f} s")
    print(f"spaCy pipes: marsad {marsad_nlp.pipe_names}; bare {bare.pipe_names}")
    for warm_docs in (docs[:8],):  # first calls allocate; keep them out of the timing
        list(pipeline.run_many(warm_docs, processes=1))
        list(bare.pipe([d["text"] for d in warm_docs]))

    # -- side by side -------------------------------------------------------------------
    rows: dict[str, Measure] = {}
    for procs in [] if args.stages_only else ([args.processes, 1] if args.processes > 1 else [1]):
        tag = f"{procs} proc" + ("s" if procs > 1 else "")
        print(f"\n{tag}:")
        rows[f"bare{procs}"] = m = time_spacy(bare, texts, procs, args.batch_size, f"spaCy bare model ({tag})")
        print(m.line())
        rows[f"ruler{procs}"] = m = time_spacy(marsad_nlp, texts, procs, args.batch_size,
                                               f"spaCy + entity ruler ({tag})")
        print(m.line())
        if procs > 1:
            rows[f"pool{procs}"] = m = time_spacy_pool(bare, texts, procs, f"spaCy bare, fork pool ({tag})")
            print(m.line())
        rows[f"whole{procs}"], _ = time_pipeline(pipeline, docs, procs, f"whole extraction ({tag})")
        print(rows[f"whole{procs}"].line())
        w = rows[f"whole{procs}"].seconds
        print(f"  ratio whole / spaCy bare model      = {w / rows[f'bare{procs}'].seconds:.2f}  (target <= 1.5)")
        print(f"  ratio whole / spaCy + entity ruler  = {w / rows[f'ruler{procs}'].seconds:.2f}")
        if procs > 1:
            print(f"  ratio whole / spaCy bare, fork pool = {w / rows[f'pool{procs}'].seconds:.2f}")
        wc = rows[f"whole{procs}"].mem.cpu
        print(f"  CPU-time ratio whole / bare = {wc / rows[f'bare{procs}'].mem.cpu:.2f}"
              + (f" (nlp.pipe), {wc / rows[f'pool{procs}'].mem.cpu:.2f} (fork pool)" if procs > 1 else ""))

    if not args.stages_only:
        report(rows, args.processes)
    if args.stages_only or not args.no_stages:
        where_the_time_goes(pipeline, docs, args.profile)
    return 0


def report(rows: dict[str, "Measure"], n: int) -> None:
    self_max = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    child_max = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    peak_tree = max(m.mem.peak_rss for m in rows.values())
    peak_pss = max(m.mem.peak_pss for m in rows.values())
    print(f"\nmemory: peak tree RSS {mb(peak_tree)}, peak tree PSS {mb(peak_pss)} (target <= 1.5 GB; "
          f"both spaCy pipelines are loaded in this process, the whole extraction alone needs less); "
          f"getrusage max RSS: main {mb(self_max)}, largest child {mb(child_max)}")
    wn = rows[f"whole{n}"]
    print(f"summary: whole extraction {wn.rate:.1f} docs/s with {n} process(es) (target >= 20); "
          f"ratio whole / bare spaCy: {wn.seconds / rows[f'bare{n}'].seconds:.2f} (nlp.pipe)"
          + (f", {wn.seconds / rows[f'pool{n}'].seconds:.2f} (fork pool)" if n > 1 else "")
          + (f", {rows['whole1'].seconds / rows['bare1'].seconds:.2f} (one process)" if n > 1 else "")
          + " (target <= 1.5)")


def where_the_time_goes(pipeline, docs: list[dict], profile: bool) -> None:
    totals = stage_times(pipeline, docs, profile=profile)
    whole = sum(totals.values())
    print(f"\nper stage, one process ({len(docs)} reports, {whole:.2f} s):")
    for name, secs in totals.items():
        print(f"  {name:<13} {1000 * secs / len(docs):8.2f} ms/doc  {100 * secs / whole:5.1f} %")
    non = whole - totals.get("nlp", 0.0)
    print(f"  {'not spaCy':<13} {1000 * non / len(docs):8.2f} ms/doc  {100 * non / whole:5.1f} %")


if __name__ == "__main__":
    sys.exit(main())
