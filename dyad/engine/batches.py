"""Cutting a stream of input items into batches, and the per-process worker function."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from dyad.io.readers import InputError, InputRecord
from dyad.settings import Settings

Item = InputRecord | InputError


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def extract_batch(batch: list[Item], settings: Settings, explain: bool = False) -> list[dict[str, Any]]:
    """Extract one batch in this process; the pipeline is built once per process and reused."""
    from dyad.extraction import extract_records
    from dyad.pipeline import load

    nlp = load(settings=settings)
    return list(extract_records(batch, nlp=nlp, settings=settings, explain=explain))


def failed_batch(batch: list[Item], error: BaseException) -> list[dict[str, Any]]:
    """Error records for every item of a batch whose worker failed (crashed or raised)."""
    from dyad.errors import DyadError, Errors
    from dyad.serialize import error_record

    err = DyadError(Errors.E201, stage="worker", detail=f"{type(error).__name__}: {error}")
    return [error_record(item.source, err) for item in batch]


def in_order(items: Iterable[Item], size: int, submit: Callable[[list[Item]], Any],
             window: int) -> Iterator[dict[str, Any]]:
    """Submit batches (``submit`` returns a future) with at most ``window`` in flight and yield
    their records in input order; a batch whose worker failed yields error records instead."""
    pending: deque[tuple[list[Item], Any]] = deque()
    for batch in batched(items, size):
        pending.append((batch, submit(batch)))
        while len(pending) >= window:
            yield from _collect(*pending.popleft())
    while pending:
        yield from _collect(*pending.popleft())


def _collect(batch: list[Item], future: Any) -> list[dict[str, Any]]:
    try:
        return list(future.result())
    except Exception as e:  # a crashed or lost worker costs its batch, never the run
        return failed_batch(batch, e)


def warm(settings: Settings) -> int:
    """Build the pipeline in this process now and run it once, so that the caches its stages
    fill on first use (gazetteer, actor knowledge) are ready; returns the process id."""
    import os

    from dyad.extraction import extract

    extract(WARM_TEXT, settings=settings, published="2024-06-19")
    return os.getpid()


WARM_TEXT = ("Russian President Vladimir Putin met North Korean leader Kim Jong Un in Pyongyang on Wednesday, "
             "KCNA said, and the two signed a partnership agreement worth $1 billion.")
