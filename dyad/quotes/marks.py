"""Quotation marks in raw text: which stretches of a paragraph are inside quotes.

Works on characters, not tokens, so it also sees quotes the tokenizer splits oddly. Handles
curly and straight double quotes, single quotes used as quotation marks (not apostrophes), a quote
left open at the end of a paragraph (the closing mark missing, or a quote that runs on into the
next paragraph, which opens with a fresh mark as English convention has it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "\u201c\u201e\u00ab"  # “ „ «
DOUBLE_CLOSE = "\u201d\u00bb"  # ” »
SINGLE_OPEN = "\u2018"  # ‘
SINGLE_CLOSE = "\u2019"  # ’
_OPEN_BEFORE = set(" \t\n([{\u2014\u2013-/:;,\u00a0\u2009\u202f")
_DOUBLE_CHARS = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')
_SINGLE_CHARS = re.compile("['\u2018\u2019]")
_WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")


@dataclass
class Marked:
    """One quoted stretch: ``start``/``end`` are the content offsets (marks excluded)."""

    start: int
    end: int
    closed: bool
    paragraph: int
    group: int = -1
    """Quotes that continue over several paragraphs share a group number."""

    def words(self, text: str) -> int:
        return len(_WORD.findall(text[self.start:self.end]))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line-separated paragraph."""
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _can_open(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_BEFORE or i == start) and not after.isspace()


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _scan_double(text: str, p_start: int, p_end: int, p_index: int) -> list[Marked]:
    found: list[Marked] = []
    open_at = -1
    for hit in _DOUBLE_CHARS.finditer(text, p_start, p_end):
        i = hit.start()
        ch = text[i]
        if ch in DOUBLE_OPEN or (ch == '"' and open_at < 0 and _can_open(text, i, p_start)):
            if open_at < 0:
                open_at = i
            continue
        if (ch in DOUBLE_CLOSE or ch == '"') and open_at >= 0:
            s, e = _trim(text, open_at + 1, i)
            if e > s:
                found.append(Marked(s, e, True, p_index))
            open_at = -1
    if open_at >= 0:
        s, e = _trim(text, open_at + 1, p_end)
        if e > s:
            found.append(Marked(s, e, False, p_index))
    return found


def _scan_single(text: str, p_start: int, p_end: int, p_index: int, taken: list[Marked]) -> list[Marked]:
    """Single quotes used as quotation marks, outside double-quoted stretches."""
    found: list[Marked] = []
    open_at = -1
    for hit in _SINGLE_CHARS.finditer(text, p_start, p_end):
        i = hit.start()
        ch = text[i]
        if any(m.start - 1 <= i <= m.end for m in taken):
            continue
        before = text[i - 1] if i > p_start else " "
        after = text[i + 1] if i + 1 < p_end else " "
        if open_at < 0:
            if ch != SINGLE_CLOSE and (before in _OPEN_BEFORE or i == p_start) and after.isalnum():
                open_at = i
            continue
        if ch != SINGLE_OPEN and not before.isspace() and not after.isalnum():
            s, e = _trim(text, open_at + 1, i)
            if e > s:
                found.append(Marked(s, e, True, p_index))
            open_at = -1
    return found


def find_quotes(text: str) -> list[Marked]:
    """Every quoted stretch of ``text``, in order, with multi-paragraph quotes grouped."""
    out: list[Marked] = []
    for p_index, (p_start, p_end) in enumerate(paragraphs(text)):
        doubles = _scan_double(text, p_start, p_end, p_index)
        singles = _scan_single(text, p_start, p_end, p_index, doubles)
        out.extend(sorted(doubles + singles, key=lambda m: m.start))
    group = 0
    for i, m in enumerate(out):
        prev = out[i - 1] if i else None
        if (prev is not None and not prev.closed and prev.paragraph == m.paragraph - 1
                and text[:m.start].rstrip()[-1:] in DOUBLE_OPEN + '"\u2018\''
                and _opens_paragraph(text, m)):
            m.group = prev.group
        else:
            group += 1
            m.group = group
    return out


def _opens_paragraph(text: str, m: Marked) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    return not text[line_start:m.start - 1].strip() if m.start > line_start else True
