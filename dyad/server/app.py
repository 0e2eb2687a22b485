"""``create_app(settings)``: the FastAPI app of ``dyad serve``: the JSON API under ``/api``, its OpenAPI
schema at ``/openapi.json`` and the web UI at ``/`` (static files, no build step, nothing from a CDN).

Safe by default: reads are open, writes need the bearer token, request bodies are capped
(``max_body_bytes``, 413 E403), pages are capped (``limit`` <= 200), no CORS headers unless
``cors_origins`` are given, and the UI pages carry a strict Content-Security-Policy.
"""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable, MutableMapping
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from dyad.corpus.store import Store
from dyad.errors import Errors
from dyad.server import errors
from dyad.server.routes import ROUTER_MODULES
from dyad.settings import Settings, load_settings

STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY_BYTES = 5_000_000
UI_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
          "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes with 413 E403, by Content-Length or while streaming."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await self._refuse(send, length.decode("latin-1"))
            return
        seen = 0
        too_large = False
        replaced = False

        async def limited_receive() -> Message:
            nonlocal seen, too_large
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    too_large = True
                    raise _TooLarge()
            return message

        async def guarded_send(message: Message) -> None:
            # whatever the app makes of a cut-off body, the client hears 413
            nonlocal replaced
            if not too_large:
                await send(message)
            elif not replaced:
                replaced = True
                await self._refuse(send, f"over {self.limit}")

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _TooLarge:
            if not replaced:
                await self._refuse(send, f"over {self.limit}")

    async def _refuse(self, send: Send, size: str) -> None:
        response = errors.respond(Errors.E403, Errors.E403.format(size=size, limit=self.limit), 413)
        await send({"type": "http.response.start", "status": 413, "headers": response.raw_headers})
        await send({"type": "http.response.body", "body": response.body})


class _TooLarge(Exception):
    pass


class SecurityHeaders:
    """``nosniff`` everywhere; a strict CSP and no framing on the UI pages."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        ui = not scope.get("path", "").startswith("/api")

        async def add_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                if ui:
                    headers.append((b"content-security-policy", UI_CSP.encode()))
                    headers.append((b"x-frame-options", b"DENY"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, add_headers)


def create_app(settings: Settings | None = None, *, store: Store | None = None,
               cors_origins: list[str] | None = None, max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The app over the store at ``settings.db`` (or ``store``); ``cors_origins`` opens CORS to those origins."""
    from dyad import __version__

    settings = settings or load_settings()
    app = FastAPI(title="dyad", version=__version__, docs_url=None, redoc_url=None,
                  description="Who did what to whom, who said what, and which figures: the dyad corpus as an API. "
                              "Errors always read {\"error\": {\"code\": \"E4xx\", \"message\": \"...\"}}.")
    app.state.settings = settings
    app.state.store = store or Store(settings.db).init()
    errors.install(app)
    for name in ROUTER_MODULES:
        app.include_router(importlib.import_module(name).router)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    return app
