"""The one loader for dyad's knowledge files (``dyad/data/``) and users' own files.

Data files are JSON (``.json``) or JSON Lines (``.jsonl``, one object per line, ``#`` comment
lines allowed). A malformed file raises ``DyadError(E103)`` naming the file and line.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from dyad.errors import DyadError, Errors

DATA_PACKAGE = "dyad.data"


def data_path(name: str) -> Path:
    """Path of a packaged data file, e.g. ``data_path("actors/states.jsonl")``."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(name)))


def read_jsonl(path: Path | str) -> list[dict[str, Any]]:
    """All objects of a JSON Lines file (blank and ``#`` lines skipped)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise DyadError(Errors.E103, path=str(path), detail=e.strerror or str(e)) from e
    out: list[dict[str, Any]] = []
    for i, line in enumerate(lines, start=1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        try:
            obj = json.loads(s)
        except json.JSONDecodeError as e:
            raise DyadError(Errors.E103, path=str(path), detail=f"line {i}: {e.msg}") from e
        if not isinstance(obj, dict):
            raise DyadError(Errors.E103, path=str(path), detail=f"line {i}: expected an object")
        out.append(obj)
    return out


def read_json(path: Path | str) -> Any:
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise DyadError(Errors.E103, path=str(path), detail=e.strerror or str(e)) from e
    except json.JSONDecodeError as e:
        raise DyadError(Errors.E103, path=str(path), detail=f"line {e.lineno}: {e.msg}") from e


@cache
def packaged_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """A packaged JSON Lines file, parsed once per process."""
    return tuple(read_jsonl(data_path(name)))


@cache
def packaged_json(name: str) -> Any:
    """A packaged JSON file, parsed once per process."""
    return read_json(data_path(name))
