"""``children_of``: a token's dependency children, kept per document while a stage runs.

``Token.children`` builds a new ``Token`` for every child at every call, and the quote and event
stages ask for the same tokens' children many times. Inside ``keeping_children(doc)`` each
token's children are built once; nothing stays on the ``Doc`` afterwards (``user_data`` must
remain serialisable). Outside it, ``children_of`` answers afresh.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from spacy.tokens import Doc, Token

_KEY = "dyad.children"


def children_of(tok: Token) -> tuple[Token, ...]:
    """``tuple(tok.children)``, once per token inside ``keeping_children``."""
    kept: dict[int, tuple[Token, ...]] | None = tok.doc.user_data.get(_KEY)
    if kept is None:
        return tuple(tok.children)
    kids = kept.get(tok.i)
    if kids is None:
        kids = kept[tok.i] = tuple(tok.children)
    return kids


@contextmanager
def keeping_children(doc: Doc) -> Iterator[None]:
    """Keep the children ``children_of`` finds in ``doc`` during the block (the parse must not
    change meanwhile); a scope already open for ``doc`` is left to its owner."""
    if _KEY in doc.user_data:
        yield
        return
    doc.user_data[_KEY] = {}
    try:
        yield
    finally:
        doc.user_data.pop(_KEY, None)
