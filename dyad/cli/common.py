"""What the CLI commands share: the stderr console, settings from options, error reporting."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console

from dyad.errors import DyadError
from dyad.settings import Settings, load_settings

err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def settings_from(**overrides: Any) -> Settings:
    """The settings with CLI overrides applied; a bad setting exits 1 with its catalogue message."""
    try:
        return load_settings(**overrides)
    except DyadError as e:
        fail(e)
        raise  # unreachable


def fail(error: DyadError | str, code: int = 1) -> None:
    err_console.print(f"[bold red]error[/] {error}", markup=True)
    raise typer.Exit(code)


def report_error(record: dict[str, Any]) -> None:
    """One clear stderr line for a document that failed."""
    src = record.get("source") or {}
    name = src.get("path") or src.get("id") or "-"
    err = record.get("error") or {}
    err_console.print(f"[red]{err.get('code', 'E???')}[/] {name}: {err.get('message', '')}", markup=True)
