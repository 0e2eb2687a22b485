"""``/api/quotes``: quotes searched by text (full-text) and speaker."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from dyad.server import queries
from dyad.server.deps import StoreDep, Text, WindowDep
from dyad.server.models import QuotePage
from dyad.server.routes import ERRORS

router = APIRouter(prefix="/api/quotes", tags=["quotes"], responses=ERRORS)


@router.get("", response_model=QuotePage, summary="Search quotes")
def list_quotes(store: StoreDep, page: WindowDep, q: Text = None, speaker: Text = None,
                document: Text = None) -> dict[str, Any]:
    """Quotes, newest article first. ``q``: words that must all occur in the quote; ``speaker``: an actor id,
    a country code, or part of the speaker's name; ``document``: a document id or article number."""
    return queries.list_quotes(store, q=q, speaker=speaker, document=document, limit=page.limit,
                               offset=page.offset).to_dict()
