"""Estimate a publication date from a text's own absolute dates when none is given or found.

The estimate is the latest absolute date the text writes (a full date, a month and year, or a
year), at the precision it is written, skipping dates the text places in the future ("by 2030",
"until 2025") and ranges' ends. Nothing is guessed when the text writes no absolute date.

That date is a floor. A bare month the text names after it, in a past-tense clause ("In March,
Russia vetoed ...", after "in November 2023"), is read as the story moving on: the article is no
earlier than that month's next occurrence after the floor, so the estimate becomes the earliest
month consistent with all of them (month precision). Only bare month names count (not "last
March", not months with a year or a day), and only when the floor has a month. A month that
starts an ongoing state ("has supplied shells since September", "from March", "as of June") is
the latest such month before the article, which the floor already allows: it moves nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dyad.temporal.grammar import TimeCandidate

_FORWARD = re.compile(r"(?:\bby|\buntil|\btill|\bbefore|\bthrough)\s+(?:the\s+end\s+of\s+)?$",
                      re.IGNORECASE)
# "has delivered shells since September", "from March", "as of June": the start of a state still
# going on names the latest such month before publication, so it cannot move the estimate on
_STATE_START = re.compile(r"\b(?:since|from|as\s+of)\s+$", re.IGNORECASE)
_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def latest_absolute(text: str, cands: list[TimeCandidate], future: Callable[[TimeCandidate], bool]) -> str | None:
    """The latest absolute date value among ``cands``, but those ``future`` says are in a clause
    about the future (asked only of a candidate that would be the latest so far)."""
    best: tuple[int, int, int] | None = None
    best_value: str | None = None
    for c in cands:
        if not c.absolute or c.type != "DATE" or c.value is None:
            continue
        m = _VALUE.match(c.value)
        if not m:
            continue
        before = text[max(0, c.start - 24):c.start]
        if _FORWARD.search(before) and not m.group(3):
            continue  # "by 2020", "until 2025": forward-looking years say nothing of the date
        key = (int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0))
        if (best is None or key > best) and not future(c):
            best, best_value = key, c.value
    return best_value


def narrative_floor(text: str, cands: list[TimeCandidate], latest: str, past: Callable[[TimeCandidate], bool],
                    months: dict[str, int]) -> str | None:
    """The earliest month (``YYYY-MM``) consistent with past-tense bare months written after the
    first mention of ``latest`` (``past``: is a candidate a bare month in a past-tense clause), or
    None."""
    m = _VALUE.match(latest)
    if not m or not m.group(2):
        return None
    year, month = int(m.group(1)), int(m.group(2))
    starts = [c.start for c in cands if c.absolute and c.value == latest]
    if not starts:
        return None
    first = min(starts)
    best: tuple[int, int] | None = None
    for c in cands:
        if c.absolute or c.start <= first or not past(c):
            continue
        named = months.get(text[c.start:c.end].strip().lower().rstrip("."))
        if named is None or named == month or _STATE_START.search(text, max(0, c.start - 12), c.start):
            continue  # "since September": an ongoing state's start, the last September before the article
        key = (year if named > month else year + 1, named)
        if best is None or key > best:
            best = key
    return None if best is None else f"{best[0]:04d}-{best[1]:02d}"
