"""``dyad extract``: documents in, ``dyad.document/1`` JSON Lines out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer

from dyad.cli.common import err_console, fail, report_error, settings_from
from dyad.errors import DyadError


def register(app: typer.Typer) -> None:
    app.command("extract")(extract_command)


def extract_command(
    files: Annotated[list[str] | None, typer.Argument(help="Text or HTML files, .jsonl files, or - for stdin.")] = None,
    jsonl: Annotated[list[str] | None, typer.Option("--jsonl", help="A JSON Lines file of input records.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (ISO) for plain files.")] = None,
    url: Annotated[str | None, typer.Option(help="Source URL for plain files.")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy English pipeline to use.")] = None,
    actors_file: Annotated[Path | None, typer.Option(help="Extra actors (JSON Lines).")] = None,
    lexicon_file: Annotated[Path | None, typer.Option(help="Extra event lexicon (JSON Lines).")] = None,
    explain: Annotated[bool, typer.Option(help="Add to each event why it was coded.")] = False,
    engine: Annotated[str | None, typer.Option(help="Batch engine: local or dask.")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes for the local engine.")] = None,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address, e.g. tcp://127.0.0.1:8786.")] = None,
) -> None:
    """Extract actors, events, quotes, amounts, times and places from articles."""
    from dyad.engine import run
    from dyad.io import iter_inputs
    from dyad.pipeline import load

    if not files and not jsonl:
        fail("give FILES, --jsonl FILE, or - for stdin")
    settings = settings_from(model=model, actors_file=actors_file, lexicon_file=lexicon_file, engine=engine,
                             workers=workers, scheduler=scheduler)
    if settings.engine == "local" and settings.workers == 1:
        try:
            load(settings=settings)  # fail early, with a clear message, on a bad model name
        except DyadError as e:
            fail(e)
    items = iter_inputs(files or [], jsonl or [], limit=settings.max_input_bytes, published=published, url=url)
    out: TextIO = output.open("w", encoding="utf-8") if output else sys.stdout
    ok = failed = 0
    try:
        for record in run(items, settings, explain=explain):
            if "error" in record:
                failed += 1
                report_error(record)
            else:
                ok += 1
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            out.flush()
    except DyadError as e:
        fail(e)
    finally:
        if output:
            out.close()
    if failed:
        err_console.print(f"{ok} documents extracted, {failed} failed")
    if ok == 0:
        raise typer.Exit(2)
