"""The one JSON error shape of the API: ``{"error": {"code": "E404", "message": "[E404] ..."}}``.

``ApiError`` carries a catalogue code and an HTTP status; ``install(app)`` turns every error the
app can meet (ours, ``DyadError`` from the library, Starlette's HTTP errors, request validation,
anything unexpected) into that shape, so no 4xx or 5xx ever leaves in another form.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dyad.errors import DyadError, Errors

log = logging.getLogger("dyad.server")

STATUS_OF: dict[Errors, int] = {
    Errors.E401: 401, Errors.E402: 403, Errors.E403: 413, Errors.E404: 404, Errors.E405: 422, Errors.E406: 403,
    Errors.E407: 500, Errors.E302: 503, Errors.E303: 404, Errors.E305: 422,
}
"""HTTP status of each catalogue code the API reports; any other library error is a 422 E405."""


class ApiError(Exception):
    """An API error: ``ApiError(Errors.E404, what="document 'x'")``."""

    def __init__(self, code: Errors, status: int | None = None, headers: dict[str, str] | None = None,
                 **fields: Any) -> None:
        self.code = code
        self.status = status or STATUS_OF.get(code, 400)
        self.message = code.format(**fields)
        self.headers = headers
        super().__init__(self.message)


def body(code: Errors | str, message: str) -> dict[str, Any]:
    name = code.name if isinstance(code, Errors) else code
    return {"error": {"code": name, "message": message}}


def respond(code: Errors, message: str, status: int, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body(code, message), status_code=status, headers=headers)


def from_dyad_error(e: DyadError) -> ApiError:
    """A library error as the API reports it: unknown actor or document -> 404 E404, busy store -> 503,
    an API code as itself, any other (bad value, bad input) -> 422 E405 with the library's message."""
    detail = str(e).split("] ", 1)[-1]
    if e.code in (Errors.E404, Errors.E303):
        return ApiError(Errors.E404, what=detail[len("Not found: "):] if e.code == Errors.E404 else detail)
    if e.code == Errors.E302:
        return ApiError(Errors.E302, **e.fields)
    if e.code.name.startswith("E4"):
        return ApiError(e.code, **e.fields)
    return ApiError(Errors.E405, detail=str(e))


def _validation_detail(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{loc or 'request'}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return respond(exc.code, exc.message, exc.status, exc.headers)

    @app.exception_handler(DyadError)
    async def _dyad_error(_request: Request, exc: DyadError) -> JSONResponse:
        err = from_dyad_error(exc)
        return respond(err.code, err.message, err.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return respond(Errors.E405, Errors.E405.format(detail=_validation_detail(exc)), 422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return respond(Errors.E404, Errors.E404.format(what=f"path {request.url.path}"), 404)
        if exc.status_code == 405:
            return respond(Errors.E405, Errors.E405.format(detail=f"method {request.method} not allowed here"),
                           405, headers=dict(exc.headers or {}))
        if exc.status_code == 413:
            return respond(Errors.E403, Errors.E403.format(size="more", limit="the limit"), 413)
        code = Errors.E407 if exc.status_code >= 500 else Errors.E405
        return respond(code, code.format(detail=str(exc.detail)), exc.status_code, headers=dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return respond(Errors.E407, Errors.E407.format(detail=type(exc).__name__), 500)
