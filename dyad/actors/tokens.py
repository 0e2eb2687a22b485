"""Cheap token access for the per-document loops of ``dyad_actors`` (and ``dyad_places``).

``doc[i]`` and ``for t in doc`` build a new spaCy ``Token`` object on every access. The resolver
reads ``list(doc)`` once per document and indexes that list; a loop that looks for a few words
among all tokens asks the doc's array of string hashes instead (``positions``). ``span_text`` is
``doc[start:end].text`` read from such a list.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from dyad.pipeline.extensions import doc_text


def hashes(words: Iterable[str]) -> frozenset[int]:
    """The string hashes of ``words`` (as spaCy stores ``ORTH``, ``LOWER``), for ``positions``."""
    return frozenset(get_string_id(w) for w in words)


def positions(doc: Doc, attr: int, wanted: frozenset[int]) -> list[int]:
    """Indices of the tokens whose ``attr`` (a string attribute such as ``LOWER``) is in ``wanted``."""
    if len(doc) == 0 or not wanted:
        return []
    values: list[int] = doc.to_array(attr).tolist()
    return [i for i, value in enumerate(values) if value in wanted]


def span_text(toks: list[Token], start: int, end: int) -> str:
    """``doc[start:end].text`` for ``toks = list(doc)``: a slice of the document's text."""
    if end <= start:
        return ""
    first, last = toks[start], toks[end - 1]
    return doc_text(first.doc)[first.idx:last.idx + len(last)]
