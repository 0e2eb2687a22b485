"""``/api/incidents``: events merged across articles into incidents, and one incident with its events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from dyad.server import queries
from dyad.server.deps import DateFrom, DateTo, StoreDep, Text, WindowDep
from dyad.server.models import IncidentOut, IncidentPage
from dyad.server.routes import ERRORS

router = APIRouter(prefix="/api/incidents", tags=["incidents"], responses=ERRORS)

Many = Annotated[list[str] | None, Query(max_length=20)]


@router.get("", response_model=IncidentPage, summary="List incidents")
def list_incidents(store: StoreDep, page: WindowDep, actor: Text = None, a: Text = None, b: Text = None,
                   type: Many = None, status: Many = None, date_from: DateFrom = None,
                   date_to: DateTo = None) -> dict[str, Any]:
    """Incidents, newest first, with the filters of ``/api/events``."""
    return queries.list_incidents(store, actor=actor, a=a, b=b, types=type, status=status, date_from=date_from,
                                  date_to=date_to, limit=page.limit, offset=page.offset).to_dict()


@router.get("/{incident_id}", response_model=IncidentOut, summary="One incident with its events")
def get_incident(store: StoreDep,
                 incident_id: Annotated[str, Path(min_length=1, max_length=200)]) -> dict[str, Any]:
    return queries.get_incident(store, incident_id)
