"""Direct quotes: is a quoted stretch speech or a label, and which cue verb introduces it.

A short quoted stretch ("comrade", a "no limits" partnership) is speech only when a speech verb
governs it; a label verb ("dubbed", "described as"), a label prefix ("so-called") or its use as
a noun modifier make it a name. Longer stretches are speech. The cue is looked for in the parse
first (a speech verb governing the quote, or attached to it), then in the quote's sentences. Of
nested speech verbs the outermost named speaker speaks, unless an utterance verb below it has a
named subject of its own ("Hill said Sondland told others '...'": Sondland, reported by Hill).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.pipeline.children import children_of
from dyad.quotes.lexicon import QuoteLexicon
from dyad.quotes.marks import Marked
from dyad.quotes.reported import attribution_source
from dyad.quotes.speakers import is_named, reports_utterance, subject_of
from dyad.quotes.tokens import table_of, within

_MAX_WALK = 8
_GENERIC_SUBJECTS = frozenset({"you", "one", "i", "we"})
_PREMODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod", "npadvmod", "poss"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_CLAUSE_BOUNDARY_DEPS = frozenset({"advcl", "relcl"})


@dataclass
class Cue:
    verb: Token
    subject: Token | None
    text: str
    governs: bool
    """The cue governs the quote in the parse (not merely shares its sentence)."""
    reporters: tuple[Token, ...] = ()
    """Subjects of the speech verbs above the cue that pass the words on, nearest first ("Hill said
    Sondland told others '...'": Sondland speaks, Hill reports)."""


def quote_span(doc: Doc, m: Marked) -> Span | None:
    return doc.char_span(m.start, m.end, alignment_mode="expand")


def _roots(span: Span) -> list[Token]:
    """The tokens of ``span`` whose head lies outside it (or that are their own head)."""
    heads, doc, start, end = table_of(span.doc).heads, span.doc, span.start, span.end
    return [doc[i] for i in range(start, end) if heads[i] == i or not start <= heads[i] < end]


def _is_relay(tok: Token, lex: QuoteLexicon) -> bool:
    return tok.lemma_ in lex.relay_verbs and any(c.dep_ == "agent" for c in children_of(tok))


def _is_cue_verb(tok: Token, lex: QuoteLexicon, first: bool) -> bool:
    if tok.pos_ not in ("VERB", "AUX") or _is_relay(tok, lex):
        return False
    return tok.lemma_ in lex.cue_verbs or (first and tok.lemma_ in lex.partial_quote_verbs)


def cue_text(verb: Token, lex: QuoteLexicon) -> str:
    """The cue phrase: the verb, with its generic audience ("told reporters")."""
    if verb.lemma_ == "tell":
        for child in children_of(verb):
            if child.dep_ in ("dobj", "dative") and child.lemma_.lower() in lex.generic_audiences:
                return verb.doc[verb.i:child.i + 1].text if child.i > verb.i else verb.text
    if verb.lower_ == "according":
        return "according to"
    return verb.text


def governing_cue(span: Span, lex: QuoteLexicon, inside: set[int]) -> Cue | None:
    """A speech verb above the quote in the parse ("said" in ``X said "..."``)."""
    fallback: Cue | None = None
    for root in _roots(span):
        chain: list[Cue] = []
        cur, first, steps = root, True, 0
        while cur.head.i != cur.i and steps < _MAX_WALK:
            cur = cur.head
            steps += 1
            if cur.i in inside:
                continue
            if _is_cue_verb(cur, lex, first):
                subj = subject_of(cur)
                cue = Cue(cur, subj, cue_text(cur, lex), True)
                if subj is not None and subj.i not in inside:
                    chain.append(cue)
                fallback = fallback or cue
            if cur.pos_ == "VERB":
                first = False
        if chain:
            first_cue = chain[0]
            if first_cue.verb.i == root.head.i and first_cue.verb.lemma_ in lex.partial_quote_verbs:
                return first_cue  # "Putin toasted the 'strengthening of cooperation'"
            # the outermost named speaker reports the words: "Pompeo said Washington had concluded '...'"
            outer = [c for c in chain if c.verb.lemma_ in lex.speech_verbs
                     and c.verb.lemma_ not in lex.relay_verbs
                     and c.subject is not None and (is_named(c.subject, lex) or c.subject.pos_ == "PRON")]
            chosen = outer[-1] if outer else first_cue
            return _reported_utterance(chain, chosen, span, lex) or chosen
    return fallback


def _reported_utterance(chain: list[Cue], chosen: Cue, span: Span, lex: QuoteLexicon) -> Cue | None:
    """Nested reported speech: the outermost utterance verb below ``chosen`` with a named subject of
    its own speaks the quote; the speakers above it become its reporters. The inner verb introduces
    the quote (comes before it): a trailing '"...", Peskov told reporters' misparsed under "Putin
    said" is an attribution, not nested speech."""
    top = chain.index(chosen)
    for k in range(top - 1, -1, -1):
        inner = chain[k]
        if inner.verb.i > span.start:
            continue
        if reports_utterance(inner.verb, inner.subject, lex) and inner.subject is not None \
                and chosen.subject is not None and inner.subject.i != chosen.subject.i:
            reporters = tuple(c.subject for c in chain[k + 1:top + 1]
                              if c.subject is not None and c.subject.i != inner.subject.i)
            return Cue(inner.verb, inner.subject, inner.text, True, reporters)
    return None


def attached_cue(span: Span, lex: QuoteLexicon, inside: set[int]) -> Cue | None:
    """A speech verb hanging off a token inside the quote (``"...," he said`` as parataxis)."""
    table = table_of(span.doc)
    sent, heads = span.sent, table.heads
    for i in within(table.cue_candidates(lex), sent.start, sent.end):
        if i in inside or not (span.start <= heads[i] < span.end):
            continue
        tok = span.doc[i]
        if _is_cue_verb(tok, lex, False):
            return Cue(tok, subject_of(tok), cue_text(tok, lex), True)
    return None


def nearby_cue(sents: list[Span], span: Span, lex: QuoteLexicon, inside: set[int],
               para: tuple[int, int] | None = None) -> Cue | None:
    """The speech verb with a subject nearest the quote in ``sents`` (outside every quote, and
    inside the paragraph ``para`` when given)."""
    best: tuple[int, Cue] | None = None
    doc = span.doc
    candidates = table_of(doc).cue_candidates(lex)
    for sent in sents:
        for i in within(candidates, sent.start, sent.end):
            tok = doc[i]
            if i in inside or not _is_cue_verb(tok, lex, False):
                continue
            if para is not None and not para[0] <= tok.idx < para[1]:
                continue
            subj = subject_of(tok)
            if subj is None or subj.i in inside or subj.lower_ in _GENERIC_SUBJECTS:
                continue
            dist = span.start - tok.i if tok.i < span.start else tok.i - span.end
            if best is None or dist < best[0]:
                best = (dist, Cue(tok, subj, cue_text(tok, lex), False))
    return best[1] if best else None


def attribution_cue(sents: list[Span], lex: QuoteLexicon, inside: set[int]) -> Cue | None:
    """"according to X" / "per X" next to a quote: X is the speaker."""
    if not sents:
        return None
    doc = sents[0].doc
    candidates = table_of(doc).attribution_candidates  # "according", "per", "as", "in"
    for sent in sents:
        for i in within(candidates, sent.start, sent.end):
            if i in inside:
                continue
            tok = doc[i]
            source = attribution_source(tok, lex)
            if source is not None and source.i not in inside:
                return Cue(tok, source, tok.doc[tok.i:source.left_edge.i].text.strip() or tok.text, False)
    return None


def _preceding_words(doc: Doc, start_char: int, n: int) -> tuple[str, ...]:
    span = doc.char_span(0, start_char, alignment_mode="contract") if start_char > 0 else None
    if span is None:
        return ()
    toks = [t for t in span[-(n + 2):] if not t.is_punct and not t.is_space]
    return tuple(t.lower_ for t in toks[-n:])


def _is_clause(span: Span) -> bool:
    """The quoted words form a sentence of their own ("Our patience has limits.")."""
    return any(t.dep_ in ("nsubj", "nsubjpass") and span.start <= t.head.i < span.end
               and t.head.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span) or any(
        t.tag_ == "MD" for t in span)


def is_label(doc: Doc, m: Marked, span: Span, words: int, lex: QuoteLexicon, inside: set[int]) -> bool:
    """A quoted title, or a short quoted name or scare-quoted word: not speech."""
    before = _preceding_words(doc, m.start, 4)
    for prefix in lex.title_prefixes:
        if len(prefix) <= len(before) and before[-len(prefix):] == prefix:
            return True
    if words > lex.scare_quote_max_words:
        return False
    for prefix in lex.label_prefixes:
        if len(prefix) <= len(before) and before[-len(prefix):] == prefix:
            return True
    if _is_clause(span):
        return False
    roots = [r for r in _roots(span) if r.dep_ != "punct"]
    if roots and all(r.dep_ in _PREMODIFIER_DEPS and r.head.i >= span.end for r in roots):
        return True
    # a quoted noun inside a subordinate clause ("when the 'reset' proved ...") is the writer's
    # scare quote, not the words of a speaker whose verb sits above that clause
    nominal = bool(roots) and all(r.pos_ in _NOMINAL_POS for r in roots)
    for root in roots:
        cur, steps = root, 0
        while cur.head.i != cur.i and steps < _MAX_WALK:
            if nominal and cur.i not in inside and cur.dep_ in _CLAUSE_BOUNDARY_DEPS:
                return True
            cur = cur.head
            steps += 1
            if cur.i in inside:
                continue
            if cur.lemma_ in lex.label_verbs and cur.pos_ == "VERB":
                return True
            if _is_cue_verb(cur, lex, steps == 1):
                return False
    return True
