"""Questions later stages ask about what earlier stages found: which actor a token refers to.

``dyad_actors`` fills ``doc._.mentions`` (sorted by start); these helpers index them by token
once per document (kept in ``doc.user_data``) so the quote and event coders can ask cheaply.
"""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, Token

from dyad.pipeline.extensions import doc_text
from dyad.records import Actor, Mention

_INDEX_KEY = "dyad.mention_index"


def _index(doc: Doc) -> dict[int, Mention]:
    index: dict[int, Mention] | None = doc.user_data.get(_INDEX_KEY)
    if index is not None:
        return index
    index = {}
    mentions = doc._.mentions or []
    if mentions:
        bounds = doc.to_array([IDX, LENGTH]).tolist()
        first = {start: i for i, (start, _) in enumerate(bounds)}
        last = {start + length: i for i, (start, length) in enumerate(bounds)}
    for m in mentions:
        # a mention on token boundaries (the usual case) without building a Span
        if m.start in first and m.end in last and first[m.start] <= last[m.end]:
            tokens: range = range(first[m.start], last[m.end] + 1)
        else:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            tokens = range(span.start, span.end)
        for i in tokens:
            index.setdefault(i, m)
    doc.user_data[_INDEX_KEY] = index
    return index


def reset(doc: Doc) -> None:
    """Forget the index (call after changing ``doc._.mentions``)."""
    doc.user_data.pop(_INDEX_KEY, None)


def mention_at(token: Token) -> Mention | None:
    """The actor mention covering ``token``, if any."""
    return _index(token.doc).get(token.i)


def mentions_in(span: Span | Doc) -> list[Mention]:
    """Mentions that lie inside ``span``, in text order, each once."""
    doc = span if isinstance(span, Doc) else span.doc
    start, end = (0, len(doc_text(doc))) if isinstance(span, Doc) else (span.start_char, span.end_char)
    return [m for m in doc._.mentions or [] if m.start >= start and m.end <= end]


def actor_of(doc: Doc, mention: Mention | None) -> Actor | None:
    if mention is None:
        return None
    actors = doc._.actors or {}
    return actors.get(mention.actor_id)


def actor_at(token: Token) -> Actor | None:
    """The actor ``token`` refers to, if any."""
    return actor_of(token.doc, mention_at(token))
