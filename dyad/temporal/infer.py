"""Estimate a publication date from a text's own absolute dates when none is given or found.

The estimate is the latest absolute date the text writes (a full date, a month and year, or a
year), at the precision it is written, skipping dates the text places in the future ("by 2030",
"until 2025") and ranges' ends. Nothing is guessed when the text writes no absolute date.
"""

from __future__ import annotations

import re

from dyad.temporal.grammar import TimeCandidate

_FORWARD = re.compile(r"(?:\bby|\buntil|\btill|\bbefore|\bthrough)\s+(?:the\s+end\s+of\s+)?$",
                      re.IGNORECASE)
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def latest_absolute(text: str, cands: list[TimeCandidate], future: set[int]) -> str | None:
    """The latest absolute date value among ``cands`` (``future``: starts of candidates whose clause
    is about the future, excluded)."""
    best: tuple[int, int, int] | None = None
    best_value: str | None = None
    for c in cands:
        if not c.absolute or c.type != "DATE" or c.value is None or c.start in future:
            continue
        m = _VALUE.match(c.value)
        if not m:
            continue
        before = text[max(0, c.start - 24):c.start]
        if _FORWARD.search(before) and not m.group(3):
            continue  # "by 2020", "until 2025": forward-looking years say nothing of the date
        key = (int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0))
        if best is None or key > best:
            best, best_value = key, c.value
    return best_value
