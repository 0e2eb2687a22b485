"""``/api/health`` and ``/api/network``: the store's counts, and the actor network the UI draws."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from dyad.server import queries
from dyad.server.deps import MAX_LIMIT, StoreDep
from dyad.server.models import Health, Network
from dyad.server.routes import ERRORS

router = APIRouter(prefix="/api", tags=["corpus"], responses=ERRORS)


@router.get("/health", response_model=Health, summary="Version and row counts")
def health(request: Request, store: StoreDep) -> dict[str, Any]:
    from dyad import __version__

    return {"status": "ok", "version": __version__, "counts": store.count_rows(),
            "writes": bool(request.app.state.settings.token)}


@router.get("/network", response_model=Network, summary="The actor network")
def network(store: StoreDep,
            limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Most connected nodes kept.")] = 40,
            min_events: Annotated[int, Query(ge=1, le=1_000_000, description="Fewest events per edge.")] = 1,
            ) -> dict[str, Any]:
    """Countries (or actors without one) as nodes, the events between them as edges (with cooperation and
    conflict counts by quad class)."""
    return queries.network(store, limit=limit, min_events=min_events)
