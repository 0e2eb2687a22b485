"""One router per resource; ``ROUTERS`` lists them in the order ``/openapi.json`` shows them."""

from __future__ import annotations

from typing import Any

from dyad.server.models import ErrorResponse

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Not found (E404)."},
    422: {"model": ErrorResponse, "description": "Invalid parameter (E405)."},
    500: {"model": ErrorResponse, "description": "Internal error (E407)."},
    503: {"model": ErrorResponse, "description": "The database is busy (E302)."},
}
"""Error responses every read route may give, all in the one error shape."""

ROUTER_MODULES = (
    "dyad.server.routes.documents",
    "dyad.server.routes.actors",
    "dyad.server.routes.events",
    "dyad.server.routes.incidents",
    "dyad.server.routes.quotes",
    "dyad.server.routes.amounts",
    "dyad.server.routes.dyads",
    "dyad.server.routes.meta",
)
