"""``dyad bench``: dyad's throughput and memory as ratios against bare spaCy, in one run.

The corpus is built from the bundled example articles: their clean paragraphs are recombined
into ``docs`` distinct articles (no two share the same paragraph sequence). In one run it
measures bare spaCy ``nlp.pipe`` over those texts with the same model, dyad's extraction in
process, extraction with one and with N worker processes (after each worker has built its
pipeline), each worker's peak RSS, and the store's insert rate. Ratios, not absolute timings,
are the targets: ``ratio_vs_spacy`` = dyad ÷ spaCy words/s, ``scaling`` = N ÷ 1 worker words/s.

Each measure is taken ``rounds`` times, interleaved (spaCy, dyad, spaCy, dyad, ...; 1 worker,
N workers, ...), and each side's fastest round counts, as ``timeit`` reports: another process
can only slow a run down, so the fastest is the truest. Ratios are taken between fastest rounds;
the per-round (paired) ratios and their median are printed too, as a check on the noise.

spaCy and dyad in one process are timed in CPU seconds of that process (``time.process_time``):
both run on one thread, so CPU time is their cost, and time the machine gave to other processes
(or that a virtual machine's host took) does not count against either side. Their wall-clock
ratio is reported too (``ratio_vs_spacy_wall``). Worker pools are timed on the wall clock: their
point is to finish sooner.
"""

from __future__ import annotations

import hashlib
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from dyad.io.readers import InputRecord
from dyad.settings import Settings

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"


@dataclass
class BenchResult:
    docs: int
    words: int
    workers: int
    model: str
    spacy_words_per_s: float
    dyad_words_per_s: float
    ratio_vs_spacy: float
    ratio_vs_spacy_wall: float
    one_worker_words_per_s: float
    n_workers_words_per_s: float
    scaling: float
    peak_rss_mb: float
    store_docs_per_s: float | None
    rounds: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {k: (round(v, 3) if isinstance(v, float) else v) for k, v in asdict(self).items()}


def example_paragraphs(folder: Path = EXAMPLES) -> list[str]:
    """The clean paragraphs of every example article (cleaned by dyad's own cleaner)."""
    from dyad.clean import clean_text

    paras: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        cleaned = clean_text(path.read_text(encoding="utf-8"))
        paras.extend(p for p in cleaned.text.split("\n\n") if len(p.split()) >= 6)
    return paras


def build_corpus(docs: int, paragraphs: list[str] | None = None, seed: int = 7) -> list[str]:
    """``docs`` distinct articles of 8–14 paragraphs drawn from the example paragraphs."""
    paras = paragraphs or example_paragraphs()
    rng = random.Random(seed)
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < docs:
        k = min(len(paras), rng.randint(8, 14))
        text = "\n\n".join(rng.sample(paras, k))
        key = hashlib.sha1(text.encode()).hexdigest()
        if key not in seen:
            seen.add(key)
            out.append(text)
    return out


def count_words(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _timed(fn: Callable[[], Any]) -> float:
    """Wall seconds spent running ``fn``."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _timed_cpu(fn: Callable[[], Any]) -> tuple[float, float]:
    """(CPU seconds of this process, wall seconds) spent running ``fn``."""
    cpu, wall = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - cpu, time.perf_counter() - wall


def _peak_rss_mb() -> tuple[int, float]:
    import os

    time.sleep(0.3)  # hold this worker so that each worker answers once
    return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Pool:
    """A warmed process pool kept open across rounds."""

    def __init__(self, settings: Settings) -> None:
        from dyad.engine.pool import make_pool

        self.settings = settings
        self.pool = make_pool(settings)
        _warm_all(self.pool, settings.workers)

    def seconds(self, records: list[InputRecord]) -> float:
        from dyad.engine.pool import run_pool

        return _timed(lambda: sum(1 for _ in run_pool(records, self.settings, pool=self.pool)))

    def peak_rss_mb(self) -> float:
        peaks: dict[int, float] = {}
        for _ in range(3):
            for pid, mb in self.pool.map(_noarg_peak, range(self.settings.workers * 2)):
                peaks[pid] = max(peaks.get(pid, 0.0), mb)
        return max(peaks.values(), default=0.0)

    def close(self) -> None:
        self.pool.shutdown()


def _noarg_peak(_: int) -> tuple[int, float]:
    return _peak_rss_mb()


def _warm_all(pool: ProcessPoolExecutor, workers: int) -> None:
    # every worker runs its initializer (builds the pipeline) before timing starts
    list(pool.map(_noarg_peak, range(workers * 2)))


def _store_rate(records: list[dict[str, Any]]) -> float | None:
    try:
        from dyad.corpus.ingest import ingest_records
        from dyad.corpus.store import Store
    except ImportError:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/bench.db").init()
        seconds = _timed(lambda: ingest_records(store, records))
        store.engine.dispose()
    return len(records) / seconds if seconds else None


def paired_ratio(base: list[float], other: list[float]) -> float:
    """The median over rounds of ``base[i] / other[i]``: each round's two runs met the same load."""
    return statistics.median(b / o for b, o in zip(base, other, strict=True) if o > 0)


def _in_process_seconds(texts: list[str], settings: Settings, rounds: int, out: list[dict[str, Any]],
                        progress: Callable[[str], None]) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """(CPU, wall) seconds of bare spaCy and of dyad over ``texts``, one pair per interleaved round."""
    import spacy

    from dyad.extraction import extract_records
    from dyad.pipeline import load

    bare = spacy.load(settings.model)
    nlp = load(settings=settings)
    records_in = [InputRecord(id=i, text=t) for i, t in enumerate(texts)]
    list(bare.pipe(texts[:4]))
    list(extract_records(records_in[:4], nlp=nlp, settings=settings))
    words = count_words(texts)
    spacy_runs: list[tuple[float, float]] = []
    dyad_runs: list[tuple[float, float]] = []
    for n in range(rounds):
        spacy_runs.append(_timed_cpu(lambda: list(bare.pipe(texts, batch_size=settings.batch_size))))
        out.clear()
        dyad_runs.append(_timed_cpu(lambda: out.extend(extract_records(records_in, nlp=nlp, settings=settings))))
        (s_cpu, s_wall), (d_cpu, d_wall) = spacy_runs[-1], dyad_runs[-1]
        progress(f"round {n + 1}: bare spaCy {words / s_cpu:,.0f} words/CPU s, dyad {words / d_cpu:,.0f} "
                 f"words/CPU s, ratio {s_cpu / d_cpu:.3f} (wall clock {s_wall / d_wall:.3f})")
    return spacy_runs, dyad_runs


def run_bench(docs: int, workers: int, settings: Settings,
              progress: Callable[[str], None] = lambda _: None, rounds: int = 5) -> BenchResult:
    rounds = max(1, rounds)
    texts = build_corpus(docs)
    records_in = [InputRecord(id=i, text=t) for i, t in enumerate(texts)]
    words = count_words(texts)
    progress(f"corpus: {docs} articles, {words} words; best of {rounds} interleaved rounds")

    out: list[dict[str, Any]] = []
    spacy_runs, dyad_runs = _in_process_seconds(texts, settings, rounds, out, progress)
    spacy_cpu, dyad_cpu = [c for c, _ in spacy_runs], [c for c, _ in dyad_runs]
    spacy_wall, dyad_wall = [w for _, w in spacy_runs], [w for _, w in dyad_runs]
    progress(f"median of the per-round ratios: {paired_ratio(spacy_cpu, dyad_cpu):.3f}")

    one_runs: list[float] = []
    many_runs: list[float] = []
    one_pool = _Pool(settings.with_overrides(workers=1))
    many_pool = _Pool(settings.with_overrides(workers=workers))
    try:
        for n in range(rounds):
            one_runs.append(one_pool.seconds(records_in))
            many_runs.append(many_pool.seconds(records_in))
            progress(f"round {n + 1}: 1 worker {words / one_runs[-1]:,.0f} words/s, "
                     f"{workers} workers {words / many_runs[-1]:,.0f} words/s, "
                     f"scaling {one_runs[-1] / many_runs[-1]:.3f}")
        rss = max(one_pool.peak_rss_mb(), many_pool.peak_rss_mb())
        progress(f"median of the per-round scalings: {paired_ratio(one_runs, many_runs):.3f}")
    finally:
        one_pool.close()
        many_pool.close()
    store_rate = _store_rate([r for r in out if "error" not in r])
    return BenchResult(
        docs=docs, words=words, workers=workers, model=settings.model,
        spacy_words_per_s=words / min(spacy_cpu), dyad_words_per_s=words / min(dyad_cpu),
        ratio_vs_spacy=min(spacy_cpu) / min(dyad_cpu), ratio_vs_spacy_wall=min(spacy_wall) / min(dyad_wall),
        one_worker_words_per_s=words / min(one_runs), n_workers_words_per_s=words / min(many_runs),
        scaling=min(one_runs) / min(many_runs), peak_rss_mb=rss, store_docs_per_s=store_rate, rounds=rounds,
    )
