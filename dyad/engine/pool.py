"""The local engine with ``workers > 1``: a process pool, one pipeline per worker process."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from dyad.engine.batches import Item, extract_batch, in_order, warm
from dyad.settings import Settings

_SETTINGS: Settings | None = None


def _init(settings: Settings) -> None:
    global _SETTINGS
    _SETTINGS = settings
    warm(settings)


def _work(batch: list[Item], explain: bool) -> list[dict[str, Any]]:
    if _SETTINGS is None:  # the initializer always runs first; this guards direct calls
        raise RuntimeError("pool worker used before its initializer ran")
    return extract_batch(batch, _SETTINGS, explain)


def make_pool(settings: Settings) -> ProcessPoolExecutor:
    """A pool of ``settings.workers`` processes that have each built the pipeline."""
    ctx = mp.get_context("spawn")
    return ProcessPoolExecutor(max_workers=settings.workers, mp_context=ctx, initializer=_init,
                               initargs=(settings,))


def run_pool(items: Iterable[Item], settings: Settings, explain: bool = False,
             pool: ProcessPoolExecutor | None = None) -> Iterator[dict[str, Any]]:
    """Records in input order; at most ``2 * workers`` batches are in flight at once."""
    own = pool is None
    executor = pool or make_pool(settings)
    try:
        yield from in_order(items, settings.batch_size, lambda b: executor.submit(_work, b, explain),
                            window=max(2, 2 * settings.workers))
    finally:
        if own:
            executor.shutdown(wait=True, cancel_futures=True)
