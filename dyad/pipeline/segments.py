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

from spacy.language import Language
from spacy.tokens import Doc

# A dateline: an upper-case place (optionally ", Region"), an optional agency in brackets, a dash.
DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?P<line>[A-Z][A-Z .'\u2019-]{1,40}(?:,[ \t]+[A-Z][\w .'\u2019-]{1,40})?"
    r"(?:[ \t]*\([A-Za-z][\w .&/-]{0,30}\)[ \t]*[\u2014\u2013-]{1,2}|[ \t]*[\u2014\u2013]))[ \t]+(?=\S)"
)
PARAGRAPH = re.compile(r"\n[ \t]*\n\s*(?=\S)")
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
    starts: list[int] = []
    for offset in sentence_starts(doc.text):
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            starts.append(span.start)
    forced = set(starts)
    for i in starts:
        doc[i].is_sent_start = True
        j = i + 1
        while j < len(doc) and j not in forced and doc[j].text not in FINAL and not doc[j].is_space:
            doc[j].is_sent_start = False
            j += 1
    return doc
