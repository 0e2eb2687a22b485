"""``/api/actors``: actors known to the corpus, with mention counts, and one actor."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from dyad.server import queries
from dyad.server.deps import StoreDep, Text, WindowDep
from dyad.server.models import ActorOut, ActorPage
from dyad.server.routes import ERRORS

router = APIRouter(prefix="/api/actors", tags=["actors"], responses=ERRORS)


@router.get("", response_model=ActorPage, summary="List actors")
def list_actors(store: StoreDep, page: WindowDep, q: Text = None, kind: Text = None, country: Text = None,
                sort: Annotated[Literal["mentions", "name"], Query()] = "mentions") -> dict[str, Any]:
    """Actors, most mentioned first (``sort=name``: alphabetical). ``q`` matches the name, id or country code;
    ``kind``: state, person, organisation, ...; ``country``: a country code."""
    return queries.list_actors(store, q=q, kind=kind, country=country, sort=sort, limit=page.limit,
                               offset=page.offset).to_dict()


@router.get("/{actor_id}", response_model=ActorOut, summary="One actor")
def get_actor(store: StoreDep, actor_id: Annotated[str, Path(min_length=1, max_length=200)]) -> dict[str, Any]:
    return queries.get_actor(store, actor_id)
