"""Sentence numbers for citations: where each sentence of a clean article body starts.

A light rule splitter (no model needed, so stored documents can be re-cited without spaCy):
a sentence ends at a line break, or at ``.``/``!``/``?`` (optionally followed by closing quotes
or brackets) before whitespace and an upper-case letter, digit or opening quote. Common
abbreviations ("Dr.", "U.S.", "Sept.") do not end a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_END = re.compile(r"""[.!?]+["'”’»)\]]*(?=\s+["'“‘«(\[]?[A-Z0-9])|\n+""")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Adm|Gov|Sen|Rep|St|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec|vs|etc|Inc|Corp|Ltd|Co)|\b[A-Z](?:\.[A-Z])*)\.$"
)


def sentence_starts(text: str) -> list[int]:
    """Start offsets of the sentences of ``text`` (the first is the first non-space character)."""
    starts: list[int] = []
    pos = 0
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    if pos >= n:
        return [0]
    starts.append(pos)
    for m in _END.finditer(text):
        if m.group().startswith(".") and _ABBREV.search(text[max(0, m.start() - 12):m.start() + 1]):
            continue
        nxt = m.end()
        while nxt < n and text[nxt].isspace():
            nxt += 1
        if nxt < n and nxt > starts[-1]:
            starts.append(nxt)
    return starts


def sentence_of(starts: list[int], offset: int) -> int:
    """The 1-based number of the sentence holding character ``offset``."""
    return max(1, bisect_right(starts, offset))


def sentence_span(text: str, starts: list[int], number: int) -> tuple[int, int]:
    """Start and end offsets of sentence ``number`` (1-based), trailing space excluded."""
    i = max(0, min(number - 1, len(starts) - 1))
    start = starts[i]
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
