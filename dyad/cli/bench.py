"""``dyad bench``: throughput and memory against bare spaCy, printed as a table and written as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dyad.cli.common import err_console, settings_from


def register(app: typer.Typer) -> None:
    app.command("bench")(bench_command)


def bench_command(
    docs: Annotated[int, typer.Option(help="Distinct articles to build from the examples.")] = 200,
    workers: Annotated[int, typer.Option(help="Worker processes for the scaling measure.")] = 2,
    json_file: Annotated[Path | None, typer.Option("--json", help="Write the figures here as JSON.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy English pipeline to measure.")] = None,
    rounds: Annotated[int, typer.Option(min=1, help="Interleaved rounds per measure; the best counts.")] = 5,
) -> None:
    """Measure dyad against bare spaCy on the same corpus, in one run (ratios, not seconds)."""
    from dyad.bench import run_bench

    settings = settings_from(model=model)
    result = run_bench(docs, workers, settings, progress=lambda msg: err_console.print(f"[dim]{msg}[/]"),
                       rounds=rounds)
    table = Table("measure", "value", title=f"dyad bench: {result.docs} articles, {result.words} words")
    for key, value in result.to_dict().items():
        table.add_row(key, f"{value:,.3f}" if isinstance(value, float) else str(value))
    Console().print(table)
    if json_file:
        json_file.write_text(json.dumps(result.to_dict(), indent=2) + "\n", encoding="utf-8")
