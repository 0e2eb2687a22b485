"""Token attributes of a parsed ``Doc``, read once per document for the quote finder's scans.

``doc[i]`` and iterating a ``Span`` build a new ``Token`` object per token, which made the scans
over whole sentences (cue verbs, relays, "according to") the quote finder's main cost. A
``TokenTable`` reads heads, lemmas, lower forms and parts of speech with one ``Doc.to_array`` call and
lists the few tokens each scan can match, so only those become ``Token`` objects.

``extract_quotes`` keeps one table in ``doc.user_data`` while it runs (``table_scope``) and removes
it afterwards; outside that scope ``table_of`` builds a fresh table per call.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property

import numpy
from spacy.attrs import HEAD, IS_ALPHA, LEMMA, LIKE_NUM, LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span

from dyad.pipeline.children import keeping_children
from dyad.quotes.lexicon import QuoteLexicon

TABLE_KEY = "dyad.quotes.token_table"
ATTRIBUTION_WORDS = ("according", "per", "as", "in")
"""Lower forms that can start an attribution ("according to X", "per X", "as per X", "in X's words")."""
RELAY_WORDS = ("by", "with", "to")
"""Lower forms of the prepositions a relay hangs on ("quoted by X", "in an interview with X")."""


def _ids(words: Iterable[str]) -> numpy.ndarray:
    """The sorted string ids spaCy stores for ``words`` (the ``LEMMA``/``LOWER`` values of such tokens)."""
    return numpy.array(sorted({get_string_id(w) for w in words}), dtype="uint64")


def _member(values: numpy.ndarray, ids: numpy.ndarray) -> numpy.ndarray:
    """``values[k] in ids`` for each ``k`` (``ids`` sorted, not empty)."""
    at = numpy.searchsorted(ids, values).clip(max=len(ids) - 1)
    return ids[at] == values


_ATTRIBUTION_IDS = _ids(ATTRIBUTION_WORDS)
_RELAY_WORD_IDS = _ids(RELAY_WORDS)
_LEXICON_IDS: dict[int, tuple[QuoteLexicon, numpy.ndarray, numpy.ndarray]] = {}


def _lexicon_ids(lex: QuoteLexicon) -> tuple[numpy.ndarray, numpy.ndarray]:
    """The ids of ``lex.cue_verbs`` and of the relay lemmas (``lex.relay_verbs`` and "tell")."""
    found = _LEXICON_IDS.get(id(lex))
    if found is None or found[0] is not lex:
        found = _LEXICON_IDS[id(lex)] = (lex, _ids(lex.cue_verbs), _ids({*lex.relay_verbs, "tell"}))
    return found[1], found[2]


class TokenTable:
    """Per-document token attributes as plain lists, and the token indices each scan can match."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)
        self._by_lexicon: dict[int, tuple[QuoteLexicon, list[int], list[int]]] = {}


    @cached_property
    def _rows(self) -> numpy.ndarray:
        """One ``to_array`` call for every attribute the table reads (one row each, in order)."""
        return self.doc.to_array([POS, LEMMA, LOWER, HEAD, IS_ALPHA, LIKE_NUM]).reshape(self.n, 6).T.copy()

    @cached_property
    def _pos(self) -> numpy.ndarray:
        return self._rows[0]

    @cached_property
    def _lemma(self) -> numpy.ndarray:
        return self._rows[1]

    @cached_property
    def _lower(self) -> numpy.ndarray:
        return self._rows[2]

    @cached_property
    def lemmas(self) -> list[int]:
        """``lemmas[i] == doc[i].lemma`` (the id of ``lemma_``)."""
        return self._lemma.tolist()

    @cached_property
    def heads(self) -> list[int]:
        """``heads[i] == doc[i].head.i``."""
        rel = self._rows[3].astype("int64")  # offsets to the head, stored unsigned
        return (rel + numpy.arange(self.n, dtype="int64")).tolist()

    def _lexical(self, lex: QuoteLexicon) -> tuple[QuoteLexicon, list[int], list[int]]:
        found = self._by_lexicon.get(id(lex))
        if found is None:
            cue_ids, relay_ids = _lexicon_ids(lex)
            verbal = (self._pos == VERB) | (self._pos == AUX)
            cues = numpy.flatnonzero(verbal & _member(self._lemma, cue_ids)).tolist()
            relay = _member(self._lemma, relay_ids) | _member(self._lower, _RELAY_WORD_IDS)
            found = self._by_lexicon[id(lex)] = (lex, cues, numpy.flatnonzero(relay).tolist())
        return found

    def cue_candidates(self, lex: QuoteLexicon) -> list[int]:
        """Verbs and auxiliaries with a cue lemma (``lex.cue_verbs``), in order: a superset of the
        tokens ``direct._is_cue_verb(tok, lex, first=False)`` accepts."""
        return self._lexical(lex)[1]

    def relay_candidates(self, lex: QuoteLexicon) -> list[int]:
        """Tokens with a relay lemma (``lex.relay_verbs``, "tell") or a lower form in ``RELAY_WORDS``."""
        return self._lexical(lex)[2]

    @cached_property
    def attribution_candidates(self) -> list[int]:
        """Tokens whose lower form is in ``ATTRIBUTION_WORDS``, in order."""
        return numpy.flatnonzero(_member(self._lower, _ATTRIBUTION_IDS)).tolist()

    @cached_property
    def _word_counts(self) -> list[int]:
        """``_word_counts[i]``: alphabetic or number-like tokens before token ``i``."""
        words = (self._rows[4] != 0) | (self._rows[5] != 0)
        return [0, *numpy.cumsum(words, dtype="int64").tolist()]

    def words(self, start: int, end: int) -> int:
        """How many tokens of ``doc[start:end]`` are alphabetic or like numbers."""
        return self._word_counts[end] - self._word_counts[start]

    @cached_property
    def sents(self) -> list[Span]:
        return list(self.doc.sents)

    @cached_property
    def _sent_starts(self) -> list[int]:
        return [s.start for s in self.sents]

    def sent_of(self, i: int) -> Span:
        """The sentence holding token ``i`` (equal to ``doc[i].sent``)."""
        return self.sents[bisect_right(self._sent_starts, i) - 1]

    @cached_property
    def ents(self) -> list[Span]:
        """``doc.ents`` (the property builds new spans on every access)."""
        return list(self.doc.ents)

    @cached_property
    def _ent_starts(self) -> list[int]:
        return [e.start for e in self.ents]

    def ent_of(self, i: int) -> Span | None:
        """The entity holding token ``i``, if any."""
        k = bisect_right(self._ent_starts, i) - 1
        return self.ents[k] if k >= 0 and i < self.ents[k].end else None


def within(indices: list[int], start: int, end: int) -> Iterator[int]:
    """The items of the sorted ``indices`` in ``[start, end)``, in order."""
    for k in range(bisect_left(indices, start), len(indices)):
        i = indices[k]
        if i >= end:
            return
        yield i


def table_of(doc: Doc) -> TokenTable:
    """The table ``table_scope`` keeps for ``doc``, else a fresh one."""
    table = doc.user_data.get(TABLE_KEY)
    if isinstance(table, TokenTable) and table.doc is doc:
        return table
    return TokenTable(doc)


@contextmanager
def table_scope(doc: Doc) -> Iterator[TokenTable]:
    """Keep one table for ``doc`` while the block runs (its parse must not change meanwhile)."""
    table = doc.user_data[TABLE_KEY] = TokenTable(doc)
    try:
        with keeping_children(doc):
            yield table
    finally:
        doc.user_data.pop(TABLE_KEY, None)
