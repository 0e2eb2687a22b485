"""``/api/amounts``: figures with unit, object, qualifier, rate and claimant."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from dyad.server import queries
from dyad.server.deps import StoreDep, Text, WindowDep
from dyad.server.models import AmountPage
from dyad.server.routes import ERRORS

router = APIRouter(prefix="/api/amounts", tags=["amounts"], responses=ERRORS)


@router.get("", response_model=AmountPage, summary="List amounts")
def list_amounts(store: StoreDep, page: WindowDep, q: Text = None, unit: Text = None, claimed_by: Text = None,
                 document: Text = None) -> dict[str, Any]:
    """Amounts, newest article first. ``q`` matches the counted object or the text; ``claimed_by`` part of
    the claimant's name."""
    return queries.list_amounts(store, q=q, unit=unit, claimed_by=claimed_by, document=document,
                                limit=page.limit, offset=page.offset).to_dict()
