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

import numpy
from spacy.attrs import SENT_START
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


def sentence_starts(text: str) -> list[int]:
    """Character offsets where a sentence must start: paragraph (line) starts and after datelines."""
    starts = {m.end() for m in PARAGRAPH.finditer(text)}
    starts.update(m.end() for m in DATELINE.finditer(text))
    return sorted(s for s in starts if 0 < s < len(text))


@Language.component("dyad_segments")
def segments(doc: Doc) -> Doc:
    if len(doc) < 2 or doc.has_annotation("DEP"):  # already parsed: boundaries are settled
        return doc
    text = doc_text(doc)
    if "\n" not in text and not DATELINE.match(text):
        return doc
    offsets = set(sentence_starts(text))
    starts = [t.i for t in doc if t.idx in offsets and t.i > 0]
    if not starts:
        return doc
    # one array write: setting Token.is_sent_start one by one re-checks the whole Doc each time
    values = numpy.zeros((len(doc), 1), dtype="uint64")  # 0: the parser decides
    values[0, 0] = 1
    forced = set(starts)
    for i in starts:
        values[i, 0] = 1
        j = i + 1
        while j < len(doc) and j not in forced:
            tok = doc[j]
            if tok.text in FINAL or tok.is_space:
                break
            values[j, 0] = NOT_START
            j += 1
    doc.from_array([SENT_START], values)  # type: ignore[arg-type]  # numpy uint64 is what it reads
    return doc
