"""The ``dyad`` command: a thin Typer layer over dyad's plain functions.

Each command lives in its own module with a ``register(app)`` function; this file only
assembles them. Exit codes: 0 when at least one document succeeded (or the command did its
job), 2 when every document failed, 1 on a usage or configuration error.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="dyad",
    help="Who did what to whom, who said what, and which figures: structured knowledge from news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES = (
    "dyad.cli.extract",
    "dyad.cli.corpus",
    "dyad.cli.serve",
    "dyad.cli.bench",
    "dyad.cli.doctor",
    "dyad.cli.explain",
)


@app.callback(invoke_without_command=True)
def root(
    ctx: typer.Context,
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
) -> None:
    """Who did what to whom, who said what, and which figures: structured knowledge from news."""
    if version:
        from dyad import __version__

        typer.echo(f"dyad {__version__}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())


for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as _e:  # a command module not written yet
        if _e.name != _name:
            raise
        continue
    _module.register(app)


def main() -> None:
    app()
