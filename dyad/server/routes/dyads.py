"""``/api/dyads/{a}/{b}``: one dyad's analysis, its timeline, and its briefing (md, json or html).

Both call ``dyad.corpus.analysis.analyse`` and ``dyad.corpus.brief.render``, the functions behind
``dyad dyad`` and ``dyad brief``.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from dyad.corpus import analysis, brief
from dyad.server.deps import StoreDep
from dyad.server.models import DyadAnalysis, DyadTimeline
from dyad.server.routes import ERRORS

router = APIRouter(prefix="/api/dyads", tags=["dyads"], responses=ERRORS)

Side = Annotated[str, Path(min_length=1, max_length=200, description="A country code (RUS) or a name (Russia).")]
MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
         "json": "application/json"}


@router.get("/{a}/{b}", response_model=DyadAnalysis, summary="A dyad: timeline, monthly score, ledger, ...")
async def dyad_analysis(store: StoreDep, a: Side, b: Side) -> dict[str, Any]:
    """Incidents, monthly cooperation/conflict, score, exchange ledger, disputes, statements, figures,
    summary and sources: the JSON of ``dyad dyad A B --json``."""
    return await run_in_threadpool(analysis.analyse, store, a, b)


@router.get("/{a}/{b}/timeline", response_model=DyadTimeline, summary="A dyad's incidents and monthly counts")
async def dyad_timeline(store: StoreDep, a: Side, b: Side) -> dict[str, Any]:
    result = await run_in_threadpool(analysis.analyse, store, a, b)
    return {"dyad": result["dyad"], "incidents": result["incidents"], "monthly": result["monthly"]}


@router.get("/{a}/{b}/brief", summary="The dyad's briefing", response_class=Response, responses={
    200: {"description": "The briefing.", "content": {
        "text/markdown": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
        "application/json": {"schema": {"type": "object"}}}}})
async def dyad_brief(store: StoreDep, a: Side, b: Side,
                     format: Annotated[Literal["md", "json", "html"], Query()] = "md") -> Response:
    """The briefing of ``dyad brief A B --format F``: every line carries its citations [article:sentence]."""
    result = await run_in_threadpool(analysis.analyse, store, a, b)
    return Response(brief.render(result, format), media_type=MEDIA[format])
