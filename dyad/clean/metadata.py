"""Metadata found in the text itself (first cut: nothing)."""

from __future__ import annotations

from typing import Any

from dyad.clean.cleaner import Cleaned


def find_metadata(raw: str, cleaned: Cleaned) -> dict[str, Any]:
    return {}
