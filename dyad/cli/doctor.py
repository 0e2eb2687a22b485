"""``dyad doctor``: is the install healthy? Exit 0 when every check passes, 1 otherwise."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dyad.cli.common import settings_from


def register(app: typer.Typer) -> None:
    app.command("doctor")(doctor_command)


def doctor_command(
    db: Annotated[str | None, typer.Option(help="Database URL to check.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to check.")] = None,
) -> None:
    """Check the install: Python, packages, model, pipeline, database, engine."""
    from dyad.doctor import run_checks

    checks = run_checks(settings_from(db=db, model=model))
    table = Table("check", "", "detail", "what to do", title="dyad doctor")
    for c in checks:
        table.add_row(c.name, "[green]ok[/]" if c.ok else "[red]FAIL[/]", c.detail, c.fix)
    Console().print(table)
    if not all(c.ok for c in checks):
        raise typer.Exit(1)
