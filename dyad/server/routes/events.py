"""``/api/events``: PLOVER events filtered by actor, dyad, type, status, date range and document."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from dyad.server import queries
from dyad.server.deps import DateFrom, DateTo, StoreDep, Text, WindowDep
from dyad.server.models import EventFacets, EventPage
from dyad.server.routes import ERRORS

router = APIRouter(prefix="/api/events", tags=["events"], responses=ERRORS)

Many = Annotated[list[str] | None, Query(max_length=20)]


@router.get("", response_model=EventPage, summary="List events")
def list_events(store: StoreDep, page: WindowDep, actor: Text = None, a: Text = None, b: Text = None,
                type: Many = None, status: Many = None, date_from: DateFrom = None, date_to: DateTo = None,
                document: Text = None) -> dict[str, Any]:
    """Events, newest first (undated last). ``actor``: an actor id, a country code or a name, on either
    side; ``a`` and ``b``: the two sides of a dyad, in either direction; ``type`` and ``status`` may repeat."""
    return queries.list_events(store, actor=actor, a=a, b=b, types=type, status=status, date_from=date_from,
                               date_to=date_to, document=document, limit=page.limit, offset=page.offset).to_dict()


@router.get("/facets", response_model=EventFacets, summary="Event types and statuses with counts")
def facets(store: StoreDep) -> dict[str, Any]:
    return queries.event_facets(store)
