"""Who claims an amount: the speaker of the quote it sits in, the source of "according to X" /
"per X", or the subject of the verb of saying that governs it ("analysts say ..."). A source that
is no actor is named by its noun phrase when its head names a source ("Washington-based analysts").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from dyad.amounts.lexicon import AmountLexicon
from dyad.pipeline.extensions import doc_text
from dyad.pipeline.lookup import actor_at, mentions_in
from dyad.quotes.lexicon import QuoteLexicon
from dyad.quotes.reported import attribution_source
from dyad.quotes.speakers import subject_of


@cache
def _source_heads(qlex: QuoteLexicon) -> frozenset[str]:
    return qlex.unnamed_source_heads | qlex.title_heads | qlex.institution_heads | qlex.document_heads


def _actor_in(span: Span) -> str | None:
    """The actor a source phrase names: its head, else a named body in it ("Russian news agency
    TASS" -> TASS), else the first actor mentioned ("a US statement" -> USA)."""
    head = span.root
    actor = actor_at(head)
    if actor is not None:
        return actor.id
    actors = span.doc._.actors or {}
    found = [m for m in mentions_in(span) if not _located(span.doc, m.end)]
    for m in found:
        a = actors.get(m.actor_id)
        if a is not None and a.kind != "state":
            return a.id
    return found[0].actor_id if found else None


def _located(doc: Doc, end_char: int) -> bool:
    """A mention that only says where the source is based ("Washington-based analysts")."""
    rest = doc_text(doc)[end_char:end_char + 8].lower()
    return rest.startswith(("-based", " based", "\u2013based"))


def _source(tok: Token, qlex: QuoteLexicon) -> str | None:
    """Who a source phrase names: its actor, else the common noun phrase itself when its head names
    a source ("Washington-based analysts", "state media"; not "his health")."""
    found = _actor_in(_subtree(tok))
    heads = _source_heads(qlex)
    if found or tok.pos_ != "NOUN" or not (tok.lemma_.lower() in heads or tok.lower_ in heads):
        return found  # "media" has the lemma "medium"
    first = min((c.left_edge.i for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "nummod")),
                default=tok.i)
    return tok.doc[first:tok.i + 1].text


def _subtree(tok: Token) -> Span:
    return tok.doc[tok.left_edge.i:tok.right_edge.i + 1]


SentenceCues = tuple[list[tuple[Token, Token]], list[Token]]


def _sentence_cues(doc: Doc, sent: Span, qlex: QuoteLexicon, lex: AmountLexicon,
                   cache: dict[int, SentenceCues]) -> SentenceCues:
    """The "according to X" sources and parenthetical speech verbs of a sentence, found once per
    sentence (a giant sentence with many figures stays linear)."""
    found = cache.get(sent.start)
    if found is None:
        sources: list[tuple[Token, Token]] = []
        asides: list[Token] = []
        for t in sent:  # one pass: a Token object per word
            if t.lower_ in ("according", "per", "as") and not (
                    t.i + 1 < len(doc) and doc[t.i + 1].lower_ in lex.rate_nouns):  # "60 frames per second"
                source = attribution_source(t, qlex)
                if source is not None:
                    sources.append((t, source))
            if t.dep_ == "parataxis" and t.lemma_ in qlex.cue_verbs and t.pos_ == "VERB":
                asides.append(t)
        found = cache[sent.start] = (sources, asides)
    return found


def claimed_by(doc: Doc, tok: Token, sent: Span, qlex: QuoteLexicon, lex: AmountLexicon,
               cache: dict[int, SentenceCues] | None = None) -> str | None:
    """Who the sentence says claims the figure: a quote's speaker, "according to X", "X said".
    ``cache`` keeps each sentence's cues between the figures of one doc."""
    for q in doc._.quotes or []:
        if q.speaker and q.start <= tok.idx < q.end:
            return str(q.speaker)
    sources, asides = _sentence_cues(doc, sent, qlex, lex, {} if cache is None else cache)
    for _, source in sources:
        if not (source.left_edge.i <= tok.i <= source.right_edge.i):
            found = _source(source, qlex)
            if found:
                return found
    for t in asides:
        if t.head.left_edge.i <= tok.i < t.left_edge.i:
            subj = subject_of(t)
            found = _source(subj, qlex) if subj is not None else None
            if found:
                return found
    cur = tok
    for _ in range(12):
        if cur.head.i == cur.i:
            break
        child, cur = cur, cur.head
        if cur.lemma_ in qlex.cue_verbs and cur.pos_ == "VERB" and child.dep_ in ("ccomp", "dobj", "xcomp"):
            subj = subject_of(cur)
            if subj is not None:
                found = _source(subj, qlex)
                if found:
                    return found
    return None
