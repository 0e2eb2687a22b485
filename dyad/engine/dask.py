"""The ``dask`` engine: batches run on a ``dask.distributed`` cluster; each worker builds the
pipeline once (the module-level cache of ``dyad.pipeline.load`` lives in the worker process)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dyad.engine.batches import Item, batched, extract_batch, failed_batch
from dyad.errors import DyadError, Errors
from dyad.settings import Settings


def connect(address: str | None, timeout: float = 10.0) -> Any:
    from distributed import Client

    if not address:
        raise DyadError(Errors.E501, address=address, detail="no scheduler address (--scheduler / DYAD_SCHEDULER)")
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise DyadError(Errors.E501, address=address, detail=str(e)) from e


def run_dask(items: Iterable[Item], settings: Settings, explain: bool = False,
             client: Any = None) -> Iterator[dict[str, Any]]:
    """Records in input order from a Dask cluster; a bounded number of batches in flight."""
    own = client is None
    client = client or connect(settings.scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        window = 2 * workers
        pending: list[tuple[list[Item], Any]] = []

        def collect(batch: list[Item], fut: Any) -> list[dict[str, Any]]:
            try:
                result: list[dict[str, Any]] = fut.result()
                return result
            except Exception as e:  # a lost worker costs its batch, never the run
                return failed_batch(batch, e)

        for batch in batched(items, settings.batch_size):
            pending.append((batch, client.submit(extract_batch, batch, settings, explain, pure=False)))
            while len(pending) >= window:
                yield from collect(*pending.pop(0))
        for batch, fut in pending:
            yield from collect(batch, fut)
    finally:
        if own:
            client.close()
