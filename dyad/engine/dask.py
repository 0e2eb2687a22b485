"""The ``dask`` engine: batches run on a ``dask.distributed`` cluster; each worker builds the
pipeline once (the module-level cache of ``dyad.pipeline.load`` lives in the worker process)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dyad.engine.batches import Item, extract_batch, in_order
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
        yield from in_order(items, settings.batch_size,
                            lambda b: client.submit(extract_batch, b, settings, explain, pure=False),
                            window=2 * workers)
    finally:
        if own:
            client.close()
