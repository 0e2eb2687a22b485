"""The JSON Schema of ``dyad.document/1``, shipped with the package, and checks against it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def document_schema() -> dict[str, Any]:
    text = resources.files("dyad.schema").joinpath("document.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validation_errors(record: dict[str, Any]) -> list[str]:
    """Schema violations plus offset violations (``text[start:end]`` must equal each span's text)."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(document_schema())
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(record)]
    return errors + offset_errors(record)


def offset_errors(record: dict[str, Any]) -> list[str]:
    text = record.get("text")
    if not isinstance(text, str):
        return []
    out: list[str] = []

    def check(where: str, span: dict[str, Any]) -> None:
        s, e, t = span.get("start"), span.get("end"), span.get("text")
        if not isinstance(s, int) or not isinstance(e, int) or not (0 <= s <= e <= len(text)) or text[s:e] != t:
            out.append(f"{where}: text[{s}:{e}] != {t!r}")

    for i, a in enumerate(record.get("actors") or []):
        for j, m in enumerate(a.get("mentions") or []):
            check(f"actors/{i}/mentions/{j}", m)
    for i, p in enumerate(record.get("places") or []):
        for j, m in enumerate(p.get("mentions") or []):
            check(f"places/{i}/mentions/{j}", m)
    for key in ("quotes", "amounts", "times"):
        for i, item in enumerate(record.get(key) or []):
            check(f"{key}/{i}", item)
    for i, ev in enumerate(record.get("events") or []):
        check(f"events/{i}/evidence", ev.get("evidence") or {})
        if ev.get("trigger"):
            check(f"events/{i}/trigger", ev["trigger"])
    return out
