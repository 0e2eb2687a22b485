"""``dyad serve``: the REST API and the web UI over the corpus store.

==============  ============================================================================
module          owns
==============  ============================================================================
``app``         ``create_app(settings)``: the FastAPI app, middleware, routers, static UI
``queries``     plain read functions over the store (filters, pagination, totals)
``models``      pydantic response models (what ``/openapi.json`` promises)
``errors``      the one JSON error shape ``{"error": {"code", "message"}}`` and its handlers
``auth``        the bearer token that authorises writes
``deps``        request dependencies: the store, pagination, dates
``routes/``     one small router per resource (documents, actors, events, ...)
``static/``     the web UI: plain HTML, vanilla JS and CSS, no build step
==============  ============================================================================

Every route is a thin layer over ``dyad.extraction``, ``dyad.corpus`` and ``queries``: the CLI,
the API and the UI call the same functions and cannot disagree.
"""

from dyad.server.app import create_app

__all__ = ["create_app"]
