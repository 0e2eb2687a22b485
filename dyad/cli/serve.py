"""``dyad serve``: the REST API and web UI (``dyad.server``) with uvicorn, on 127.0.0.1 by default."""

from __future__ import annotations

from typing import Annotated

import typer

from dyad.cli.common import err_console, fail, settings_from
from dyad.errors import DyadError

DB_HELP = "SQLAlchemy URL or SQLite file of the corpus (default: the 'db' setting, sqlite:///dyad.db)."


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)


def serve_command(
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    host: Annotated[str | None, typer.Option(help="Address to bind (default 127.0.0.1: this machine only).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8000).")] = None,
    cors_origin: Annotated[list[str] | None, typer.Option(
        "--cors-origin", help="Allow browser calls from this origin (repeatable); no CORS by default.")] = None,
) -> None:
    """Serve the corpus: JSON API under /api (schema at /openapi.json) and the web UI at /.

    Reads are open; POST /api/documents needs 'Authorization: Bearer <DYAD_TOKEN>'.
    """
    import uvicorn

    from dyad.server import create_app

    settings = settings_from(db=db, host=host, port=port)
    try:
        app = create_app(settings, cors_origins=cors_origin)
    except DyadError as e:
        fail(e)
        raise
    writes = "enabled (bearer token)" if settings.token else "disabled (set DYAD_TOKEN to enable)"
    err_console.print(f"dyad serve: {settings.db} on http://{settings.host}:{settings.port}/  writes {writes}")
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="info", server_header=False)
