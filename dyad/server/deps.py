"""Request dependencies shared by the routers: the store, the pagination window, date parameters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Query, Request

from dyad.corpus.store import Store

MAX_LIMIT = 200
"""The largest page any list returns (a larger ``limit`` is refused with 422 E405)."""
MAX_OFFSET = 10_000_000
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
"""YYYY, YYYY-MM or YYYY-MM-DD: dates in the store have any of these precisions."""


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


@dataclass(frozen=True)
class Window:
    limit: int
    offset: int


def window(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (at most 200).")] = 50,
           offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")] = 0) -> Window:
    return Window(limit, offset)


StoreDep = Annotated[Store, Depends(get_store)]
WindowDep = Annotated[Window, Depends(window)]
DateFrom = Annotated[str | None, Query(pattern=DATE_PATTERN, description="Earliest date (YYYY[-MM[-DD]]).")]
DateTo = Annotated[str | None, Query(pattern=DATE_PATTERN, description="Latest date (YYYY[-MM[-DD]]).")]
Text = Annotated[str | None, Query(max_length=200)]
