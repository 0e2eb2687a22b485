"""``dyad bench``: dyad's throughput and memory as ratios against bare spaCy, in one run.

The corpus is built from the bundled example articles: their clean paragraphs are recombined
into ``docs`` distinct articles (no two share the same paragraph sequence). In one run it
measures bare spaCy ``nlp.pipe`` over those texts with the same model, dyad's extraction in
process, extraction with one and with N worker processes (after each worker has built its
pipeline), each worker's peak RSS, and the store's insert rate. Ratios, not absolute timings,
are the targets: ``ratio_vs_spacy`` = dyad ÷ spaCy words/s, ``scaling`` = N ÷ 1 worker words/s.
"""

from __future__ import annotations

import hashlib
import random
import resource
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
    one_worker_words_per_s: float
    n_workers_words_per_s: float
    scaling: float
    peak_rss_mb: float
    store_docs_per_s: float | None

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
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _peak_rss_mb() -> tuple[int, float]:
    import os

    time.sleep(0.3)  # hold this worker so that each worker answers once
    return os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pool_rate(texts: list[str], settings: Settings) -> tuple[float, float]:
    """Words/s with ``settings.workers`` processes (timed after warm-up), and the peak worker RSS."""
    from dyad.engine.pool import make_pool, run_pool

    records = [InputRecord(id=i, text=t) for i, t in enumerate(texts)]
    with make_pool(settings) as pool:
        _warm_all(pool, settings.workers)
        seconds = _timed(lambda: sum(1 for _ in run_pool(records, settings, pool=pool)))
        peaks: dict[int, float] = {}
        for _ in range(3):
            for pid, mb in pool.map(_noarg_peak, range(settings.workers * 2)):
                peaks[pid] = max(peaks.get(pid, 0.0), mb)
    return count_words(texts) / seconds, max(peaks.values(), default=0.0)


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


def _bare_spacy_seconds(bare: Any, texts: list[str], batch_size: int) -> float:
    list(bare.pipe(texts[:4]))
    return _timed(lambda: list(bare.pipe(texts, batch_size=batch_size)))


def run_bench(docs: int, workers: int, settings: Settings,
              progress: Callable[[str], None] = lambda _: None) -> BenchResult:
    import spacy

    from dyad.extraction import extract_records
    from dyad.pipeline import load

    texts = build_corpus(docs)
    words = count_words(texts)
    progress(f"corpus: {docs} articles, {words} words")

    spacy_s = _bare_spacy_seconds(spacy.load(settings.model), texts, settings.batch_size)
    progress(f"bare spaCy: {words / spacy_s:,.0f} words/s")

    nlp = load(settings=settings)
    records_in = [InputRecord(id=i, text=t) for i, t in enumerate(texts)]
    list(extract_records(records_in[:4], nlp=nlp, settings=settings))
    out: list[dict[str, Any]] = []
    dyad_s = _timed(lambda: out.extend(extract_records(records_in, nlp=nlp, settings=settings)))
    progress(f"dyad in process: {words / dyad_s:,.0f} words/s")

    one, rss_one = _pool_rate(texts, settings.with_overrides(workers=1))
    progress(f"1 worker: {one:,.0f} words/s")
    many, rss_many = _pool_rate(texts, settings.with_overrides(workers=workers))
    progress(f"{workers} workers: {many:,.0f} words/s")
    store_rate = _store_rate([r for r in out if "error" not in r])
    return BenchResult(
        docs=docs, words=words, workers=workers, model=settings.model,
        spacy_words_per_s=words / spacy_s, dyad_words_per_s=words / dyad_s,
        ratio_vs_spacy=spacy_s / dyad_s, one_worker_words_per_s=one, n_workers_words_per_s=many,
        scaling=many / one if one else 0.0, peak_rss_mb=max(rss_one, rss_many), store_docs_per_s=store_rate,
    )
