"""Per-document token table for the event coder: which tokens its sentence scans need to look at.

Reading ``doc[i].lemma_`` builds a new ``Token`` object every time, and the coder scans every token
of every sentence (trigger search, "said ... must" requests, "according to" cues). The table reads
the labels of all tokens with one ``Doc.to_array`` call, selects with array operations the few
tokens each scan can use, and keeps them by token index; the scans then build ``Token`` objects for
those tokens only. The coder builds one table per document and passes it down; it is not kept on the
``Doc``.
"""

from __future__ import annotations

from bisect import bisect_left

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, POS, SENT_START, TAG
from spacy.strings import get_string_id
from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc

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
