"""``dyad explain``: for each event of each document, why it was coded.

Prints per event its type, mode, CAMEO code, actors, status and date, then the trigger, the lexicon
entry (pattern) that fired, the dependency paths to the source and target, and the status cues.
"""

from __future__ import annotations

from typing import Annotated

import typer

from dyad.cli.common import fail, report_error, settings_from
from dyad.errors import DyadError


def register(app: typer.Typer) -> None:
    app.command("explain")(explain_command)


def explain_command(
    files: Annotated[list[str], typer.Argument(help="Text or HTML files, .jsonl files, or - for stdin.")],
    published: Annotated[str | None, typer.Option(help="Publication date (ISO) for plain files.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy English pipeline to use.")] = None,
    lexicon_file: Annotated[str | None, typer.Option(help="Extra event lexicon (JSON Lines).")] = None,
) -> None:
    """Show why each event was coded: trigger, pattern, argument paths, status cues."""
    from dyad.events.explain import render
    from dyad.extraction import extract_records
    from dyad.io import iter_inputs
    from dyad.pipeline import load
    from dyad.records import Event, Span

    settings = settings_from(model=model, lexicon_file=lexicon_file)
    try:
        nlp = load(settings=settings)
    except DyadError as e:
        fail(e)
    items = iter_inputs(files, [], limit=settings.max_input_bytes, published=published)
    ok = 0
    for record in extract_records(items, nlp=nlp, settings=settings, explain=True):
        src = record.get("source") or {}
        name = src.get("path") or src.get("id") or "-"
        if "error" in record:
            report_error(record)
            continue
        ok += 1
        names = {a["id"]: f"{a['name']} ({a.get('country') or '-'})" for a in record.get("actors") or []}
        events = record.get("events") or []
        typer.echo(f"== {name}: {len(events)} events")
        for ev in events:
            evidence = ev.get("evidence") or {}
            event = Event(id=ev["id"], type=ev["type"], mode=ev.get("mode"), cameo=ev.get("cameo"),
                          source=ev.get("source"), target=ev.get("target"), date=ev.get("date"),
                          status=ev.get("status", "asserted"),
                          evidence=Span(evidence.get("start", 0), evidence.get("end", 0), evidence.get("text", "")),
                          explain=ev.get("explain") or {})
            typer.echo(render(event, names))
    if ok == 0:
        raise typer.Exit(2)
