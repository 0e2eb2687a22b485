"""``/api/documents``: list and full-text search, one document with all its items, and ingest (POST)."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.concurrency import run_in_threadpool

from dyad.corpus.ingest import ingest_records
from dyad.errors import Errors
from dyad.server import queries
from dyad.server.auth import require_token
from dyad.server.deps import DateFrom, DateTo, StoreDep, Text, WindowDep
from dyad.server.errors import ApiError
from dyad.server.models import ArticleIn, DocumentOut, DocumentPage, ErrorResponse, IngestResult
from dyad.server.routes import ERRORS

router = APIRouter(prefix="/api/documents", tags=["documents"], responses=ERRORS)
_extract_lock = threading.Lock()

Key = Annotated[str, Path(min_length=1, max_length=200, description="Document id, or its article number.")]


@router.get("", response_model=DocumentPage, summary="List documents, or search their text")
def list_documents(store: StoreDep, page: WindowDep, q: Text = None, outlet: Text = None,
                   date_from: DateFrom = None, date_to: DateTo = None) -> dict[str, Any]:
    """Documents, newest first. ``q``: full-text search (every word must occur), best matches first,
    with a snippet. ``date_from``/``date_to`` filter the publication date."""
    return queries.list_documents(store, q=q, outlet=outlet, date_from=date_from, date_to=date_to,
                                  limit=page.limit, offset=page.offset).to_dict()


@router.get("/{key}", response_model=DocumentOut, summary="One document with its text and every item")
def get_document(store: StoreDep, key: Key) -> dict[str, Any]:
    """The article text, sentence offsets, actors with mentions, events with evidence spans, quotes,
    amounts, times and places."""
    return queries.get_document(store, key)


WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "A body that cannot be parsed (E405)."},
    401: {"model": ErrorResponse, "description": "No bearer token (E401)."},
    403: {"model": ErrorResponse, "description": "Wrong token (E402), or writes disabled (E406)."},
    413: {"model": ErrorResponse, "description": "Body too large (E403)."},
}


@router.post("", response_model=IngestResult, status_code=201, responses=WRITE_ERRORS,
             dependencies=[Depends(require_token)], summary="Extract an article and store it")
async def post_document(request: Request, article: ArticleIn) -> dict[str, Any]:
    """Runs the extraction pipeline (``dyad.extraction.extract``) over ``text`` or ``html`` and ingests
    the record (``dyad.corpus.ingest``). Posting the same article again changes nothing."""
    if not (article.text and article.text.strip()) and not (article.html and article.html.strip()):
        raise ApiError(Errors.E405, detail="give 'text' or 'html'")
    return await run_in_threadpool(_ingest, request, article)


def _ingest(request: Request, article: ArticleIn) -> dict[str, Any]:
    from dyad.extraction import extract
    from dyad.pipeline import load

    state = request.app.state
    meta = article.model_dump(exclude_none=True, exclude={"text", "html"})
    with _extract_lock:  # one pipeline per process, used by one request at a time
        nlp = load(settings=state.settings)
        record = extract(article.text, html=article.html, nlp=nlp, settings=state.settings, **meta)
    if "error" in record:
        raise ApiError(Errors.E405, detail=record["error"].get("message", "extraction failed"))
    report = ingest_records(state.store, [record])
    outcome = "grouped" if report.grouped else "added" if report.added else "unchanged"
    with state.store.session() as s:
        seq = queries.find_document(s, record["id"]).seq
    counts = {k: len(record.get(k) or []) for k in ("actors", "events", "quotes", "amounts", "times", "places")}
    return {"id": record["id"], "seq": seq, "outcome": outcome, "counts": counts}
