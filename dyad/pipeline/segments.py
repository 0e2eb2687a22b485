"""The dyad_segments component: sentence starts the text's layout makes certain, set before the parser.

News text has two layouts the parser misreads: a paragraph that ends without a full stop (a
heading, an attribution line like ``..., told CNN``) runs into the next paragraph's sentence, and
a wire dateline (``HANOI, Vietnam (AP) —``, ``SEOUL (Reuters) -``, ``WASHINGTON —``) becomes the
subject of the first sentence. Marking the first token of each paragraph and the first token
after a dateline as sentence starts lets the parser (which respects preset boundaries) read the
sentences as written. The tokens up to the next sentence-final mark are marked as not
starting a sentence: a lone preset start makes the parser split the rest into fragments.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from dyad.pipeline.extensions import doc_text

# A dateline: an upper-case place (optionally ", Region"), an optional agency in brackets, a dash.
DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?P<line>[A-Z][A-Z .'\u2019-]{1,40}(?:,[ \t]+[A-Z][\w .'\u2019-]{1,40})?"
    r"(?:[ \t]*\([A-Za-z][\w .&/-]{0,30}\)[ \t]*[\u2014\u2013-]{1,2}|[ \t]*[\u2014\u2013]))[ \t]+(?=\S)"
)
PARAGRAPH = re.compile(r"\n[ \t]*\n\s*(?=\S)")
NOT_START = numpy.uint64(2**64 - 1)  # -1 as spaCy stores it: "not a sentence start"
FINAL = frozenset({".", "?", "!", "\u2026"})
_FINAL_PIECES = FINAL | {f"{mark} " for mark in FINAL}  # the mark with its trailing space
# Where a sentence-final mark or a whitespace token can start: a final mark, a whitespace character
# other than the space (spaCy's token separator), or a space after the space that ends a token.
_STOP_AT = re.compile(r"[.?!\u2026]|[^\S ]|(?<= ) ")


def sentence_starts(text: str) -> list[int]:
    """Character offsets where a sentence must start: paragraph (line) starts and after datelines."""
    starts = {m.end() for m in PARAGRAPH.finditer(text)}
    # a dateline starts the text or a line: try the pattern there only (it cannot span lines)
    pos = 0
    while pos >= 0:
        m = DATELINE.match(text, pos)
        if m is not None:
            starts.add(m.end())
        pos = text.find("\n", pos + 1)
    return sorted(s for s in starts if 0 < s < len(text))


def _first_stop(text: str, idx: list[int], first: int, end: int) -> int:
    """The first token from ``first`` (before ``end``) that is a sentence-final mark or whitespace,
    else ``end``. ``idx`` holds the token offsets, then the text length: a token's text with its
    trailing space is ``text[idx[j]:idx[j + 1]]``."""
    for m in _STOP_AT.finditer(text, idx[first], idx[end]):
        j = bisect_left(idx, m.start(), first, end)
        if idx[j] == m.start():
            piece = text[idx[j]:idx[j + 1]]
            if piece in _FINAL_PIECES or piece.isspace():
                return j
    return end


@Language.component("dyad_segments")
def segments(doc: Doc) -> Doc:
    n = len(doc)
    if n < 2 or doc.has_annotation("DEP"):  # already parsed: boundaries are settled
        return doc
    text = doc_text(doc)
    if "\n" not in text and not DATELINE.match(text):
        return doc
    offsets = sentence_starts(text)
    if not offsets:
        return doc
    # token offsets read once (doc[i] builds a Token object per call)
    idx = doc.to_array(IDX).tolist()
    idx.append(len(text))
    at = [bisect_left(idx, off) for off in offsets]
    starts = [i for i, off in zip(at, offsets, strict=True) if 0 < i < n and idx[i] == off]
    if not starts:
        return doc
    # one array write: setting Token.is_sent_start one by one re-checks the whole Doc each time
    values = numpy.zeros((n, 1), dtype="uint64")  # 0: the parser decides
    values[0, 0] = 1
    for k, i in enumerate(starts):
        values[i, 0] = 1
        end = starts[k + 1] if k + 1 < len(starts) else n
        stop = _first_stop(text, idx, i + 1, end)
        values[i + 1:stop, 0] = NOT_START
    doc.from_array([SENT_START], values)  # type: ignore[arg-type]  # numpy uint64 is what it reads
    return doc
