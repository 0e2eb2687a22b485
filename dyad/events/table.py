"""Per-document token table for the event coder: which tokens its sentence scans need to look at.

Reading ``doc[i].lemma_`` builds a new ``Token`` object every time, and the coder scans every token
of every sentence (trigger search, "said ... must" requests, "according to" cues). The table reads
the labels of all tokens with one ``Doc.to_array`` call, selects with array operations the few
tokens each scan can use, and keeps them by token index; the scans then build ``Token`` objects for
those tokens only. The coder builds one table per document and passes it down; it is not kept on the
``Doc``. ``DocValues`` holds the earlier stages' ``Doc._`` values while the coder runs on a document.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, POS, SENT_START, TAG
from spacy.strings import get_string_id
from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span

from dyad.pipeline.children import keeping_children
from dyad.records import Actor, Mention, Place, Quote, TimeX

_ATTRS = [POS, TAG, DEP, LEMMA, LOWER, SENT_START]
KINDS = ("VERB", "NOUN", "ADJ")
_ID = {x: get_string_id(x) for x in ("NN", "NNS", "VB", "aux", "auxpass", "ccomp", "prep", "must", "should", "according")}


class DocTable:
    """Token indices (in text order) for the coder's sentence scans of one ``Doc``.

    ``words``: (index, kind, lemma hash, lowercase form hash) of every token ``triggers.word_kind``
    gives a kind (VERB, NOUN, ADJ); ``musts``: tokens that may open a "said ... must" request (an
    auxiliary "must"/"should" or a bare verb heading a "that" clause); ``according``: "according"
    as a preposition."""

    def __init__(self, doc: Doc) -> None:
        self.words: list[tuple[int, str, int, int]] = []
        self.musts: list[int] = []
        self.according: list[int] = []
        self._sent_id: np.ndarray | None = None
        self._sent_start = np.zeros(0, dtype="uint64")
        if len(doc) == 0:
            return
        s = _ID
        arr = doc.to_array(_ATTRS)
        pos, tag, dep = arr[:, 0], arr[:, 1], arr[:, 2]
        is_nn = (tag == s["NN"]) | (tag == s["NNS"])
        verb = (pos == VERB) | ((pos == AUX) & (dep != s["aux"]) & (dep != s["auxpass"]))
        noun = (pos == NOUN) | ((pos == PROPN) & is_nn)
        kind = np.where(verb, 1, np.where(noun, 2, np.where(pos == ADJ, 3, 0)))
        at = np.flatnonzero(kind)
        self.words = list(zip(at.tolist(), [KINDS[k - 1] for k in kind[at].tolist()],
                              arr[at, 3].tolist(), arr[at, 4].tolist(), strict=True))
        lower = arr[:, 4]
        must = (dep == s["aux"]) & ((lower == s["must"]) | (lower == s["should"]))
        bare = (tag == s["VB"]) & (dep == s["ccomp"])
        self.musts = np.flatnonzero(must | bare).tolist()
        self.according = np.flatnonzero((lower == s["according"]) & (dep == s["prep"])).tolist()
        self._sent_start = arr[:, 5]

    def words_in(self, start: int, end: int) -> list[tuple[int, str, int, int]]:
        """``words`` with index in ``[start, end)``."""
        lo = bisect_left(self.words, (start,))
        hi = bisect_left(self.words, (end,), lo)
        return self.words[lo:hi]

    def musts_in(self, start: int, end: int) -> list[int]:
        return self.musts[bisect_left(self.musts, start):bisect_left(self.musts, end)]

    def according_in(self, i: int) -> list[int]:
        """The "according" tokens in the sentence of token ``i`` (as ``Token.sent`` bounds it)."""
        if not self.according:
            return []
        if self._sent_id is None:
            starts = self._sent_start == 1
            starts[0] = True
            self._sent_id = np.cumsum(starts)
        sid = self._sent_id
        return [a for a in self.according if sid[a] == sid[i]]


_VALUES_KEY = "dyad.events.values"


@dataclass
class DocValues:
    """The earlier stages' ``Doc._`` values the coder reads, read once per document (a ``Doc._``
    lookup builds an accessor object each time). Empty values are empty containers."""

    mentions: list[Mention]
    actors: dict[str, Actor]
    quotes: list[Quote]
    times: list[TimeX]
    places: list[Place]

    doc: Doc
    _spans: dict[tuple[int, int], Span | None] = field(default_factory=dict)

    @classmethod
    def read(cls, doc: Doc) -> DocValues:
        return cls(doc._.mentions or [], doc._.actors or {}, doc._.quotes or [], doc._.times or [], doc._.places or [],
                   doc)

    def spans(self, start: int, end: int) -> Span | None:
        """``doc.char_span(start, end, alignment_mode="expand")``, once per character range."""
        key = (start, end)
        if key in self._spans:
            return self._spans[key]
        span = self._spans[key] = self.doc.char_span(start, end, alignment_mode="expand")
        return span


def doc_values(doc: Doc) -> DocValues:
    """The values the coder holds for ``doc`` while it codes it (``holding``), else read afresh."""
    held: DocValues | None = doc.user_data.get(_VALUES_KEY)
    return held if held is not None else DocValues.read(doc)


@contextmanager
def holding(doc: Doc) -> Iterator[DocValues]:
    """Keep ``doc``'s values at hand for ``doc_values`` during the block (the stages before have
    finished, so they do not change); nothing is left on the ``Doc`` afterwards."""
    values = DocValues.read(doc)
    doc.user_data[_VALUES_KEY] = values
    try:
        with keeping_children(doc):
            yield values
    finally:
        doc.user_data.pop(_VALUES_KEY, None)
