"""Batch engines: the same records, whichever runs the extraction.

``run(items, settings)`` dispatches on ``settings.engine``:

- ``local`` with ``workers == 1``: in this process (``dyad.extraction.extract_records``);
- ``local`` with ``workers > 1``: a process pool, each worker building the pipeline once;
- ``dask``: a ``dask.distributed`` cluster at ``settings.scheduler``, each worker building the
  pipeline once.

Output order is input order in every case.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dyad.errors import DyadError, Errors
from dyad.io.readers import InputError, InputRecord
from dyad.settings import Settings

Item = InputRecord | InputError


def run(items: Iterable[Item], settings: Settings, explain: bool = False) -> Iterator[dict[str, Any]]:
    """Documents for ``items`` in input order, by the engine the settings name."""
    if settings.engine == "dask":
        from dyad.engine.dask import run_dask

        return run_dask(items, settings, explain=explain)
    if settings.engine != "local":
        raise DyadError(Errors.E502, engine=settings.engine)
    if settings.workers > 1:
        from dyad.engine.pool import run_pool

        return run_pool(items, settings, explain=explain)
    from dyad.extraction import extract_records

    return extract_records(items, settings=settings, explain=explain)
