"""Plural references to a pair of actors: "both (the) leaders", "the two countries", "the two sides".

Such a noun phrase names no actor itself; it refers back to the two actors (people or states, by the
noun, data file ``events/pairs.json``) most recently named together: in the same sentence before it,
else in one of the few sentences before. The pair gives one reciprocal event (source = the first
named, target = the second). Nothing is resolved when that sentence names more than two candidates
and no coordinated pair among them.

A possessive "their" on a reciprocal nominal event with no "with" partner ("after their meeting at
the cosmodrome, Kim said ...") also names a pair: the two people (else states) the sentence names
outside the event's own phrase, or the one it names and the nearest party of another country named
in the sentences before (the other side of the discourse), or, when the sentence names nobody, the
pair named in the sentences before.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from dyad.datafiles import packaged_json
from dyad.events.table import doc_values
from dyad.pipeline.children import children_of
from dyad.records import Actor, Mention

LOOK_BACK = 3  # sentences
Pair = tuple[tuple[Actor, Mention], tuple[Actor, Mention]]


@cache
def _nouns() -> tuple[dict[str, str], frozenset[str]]:
    data = packaged_json("events/pairs.json")
    kinds = {w: k for k in ("persons", "states", "any") for w in data[k]}
    return kinds, frozenset(data["quantifiers"])


@cache
def _reciprocal() -> tuple[frozenset[str], frozenset[str]]:
    data = packaged_json("events/pairs.json")
    return frozenset(data.get("reciprocal_events", ())), frozenset(data.get("possessors", ()))


def _pair_kind(tok: Token) -> str | None:
    """``persons``/``states``/``any`` when ``tok`` heads "both (the) Ns" / "the two Ns", else None."""
    if tok.tag_ not in ("NNS", "NNPS") and tok.lower_ != tok.lemma_.lower() + "s":
        return None
    kinds, quants = _nouns()
    kind = kinds.get(tok.lemma_.lower())
    if kind is None:
        return None
    for c in children_of(tok):
        low = c.lower_
        if low == "both" and c.dep_ in ("det", "predet", "preconj", "amod", "nummod", "quantmod"):
            return kind
        if low in quants and low != "both" and c.dep_ in ("nummod", "amod", "quantmod") and \
                any(d.dep_ == "det" and d.lower_ in ("the", "these", "those") for d in children_of(tok)):
            return kind
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "both":  # "both leaders" parsed flat
        return kind
    return None


def _candidates(doc: Doc, start: int, end: int, kind: str,
                hole: tuple[int, int] = (0, 0)) -> list[tuple[Actor, Mention]]:
    """The distinct fitting actors mentioned in ``[start, end)`` outside ``hole``, in text order (a
    person standing for their state when states are wanted)."""
    values = doc_values(doc)
    actors = values.actors
    out: list[tuple[Actor, Mention]] = []
    seen: set[str] = set()
    for m in values.mentions:
        if m.start < start or m.end > end or (hole[0] <= m.start < hole[1]):
            continue
        a = actors.get(m.actor_id)
        if a is None:
            continue
        if kind == "persons" and a.kind != "person":
            continue
        if a.kind not in ("state", "person"):
            continue
        if kind == "states" and a.kind == "person":
            state = actors.get(a.country or "")
            a = state if state is not None and state.kind == "state" else a  # a leader stands for his state
        key = a.country if kind != "persons" and a.country else a.id
        if key in seen:
            continue
        seen.add(key)
        out.append((a, m))
    return out


def _coordinated(doc: Doc, cands: list[tuple[Actor, Mention]]) -> Pair | None:
    """Two candidates whose mentions are conjuncts of each other ("Putin and Kim")."""
    toks = []
    for a, m in cands:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            toks.append((span.root, (a, m)))
    for i, (t1, c1) in enumerate(toks):
        for t2, c2 in toks[i + 1:]:
            if t2 in t1.conjuncts:
                return c1, c2
    return None


def _windows(tok: Token) -> list[tuple[int, int]]:
    """The sentences before ``tok``'s, nearest first, as character ranges."""
    doc = tok.doc
    out = []
    prev = tok.sent.start - 1
    for _ in range(LOOK_BACK):
        if prev < 0:
            break
        s = doc[prev].sent
        out.append((s.start_char, s.end_char))
        prev = s.start - 1
    return out


def _owner_pair(tok: Token) -> Pair | None:
    """The pair a possessive "their" on a reciprocal nominal event stands for ("after their meeting")."""
    nouns, possessors = _reciprocal()
    noun = tok.head
    if tok.lower_ not in possessors or tok.dep_ != "poss" or noun.lemma_.lower() not in nouns:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "with" for c in children_of(noun)):
        return None  # "their meeting with Xi": "their" is one side
    doc = tok.doc
    sent = tok.sent
    own = (noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge.text))  # places: "at ... in Russia's Far East"
    for kind in ("persons", "states"):
        here = _candidates(doc, sent.start_char, sent.end_char, kind, hole=own)
        if len(here) == 2:  # two of one country ("Putin and Lavrov") are one side, no pair
            return (here[0], here[1]) if here[0][0].country != here[1][0].country else None
        if len(here) > 2:
            return _coordinated(doc, here)
        if len(here) == 1:
            anchor = here[0]
            if not anchor[0].country:
                return None
            for start, end in _windows(tok):
                before = [c for c in _candidates(doc, start, end, kind) if c[0].country and c[0].country != anchor[0].country]
                if before:
                    return anchor, before[-1]
            return None
    for start, end in _windows(tok):
        for kind in ("persons", "states"):
            cands = _candidates(doc, start, end, kind)
            if len(cands) == 2 and cands[0][0].country != cands[1][0].country:
                return cands[0], cands[1]
        if _candidates(doc, start, end, "any"):
            return None
    return None


def pair_of(tok: Token) -> Pair | None:
    """The two actors a plural reference ``tok`` ("both leaders", "the two countries", "their" on a
    reciprocal event) stands for."""
    if tok.pos_ == "PRON":
        return _owner_pair(tok)
    kind = _pair_kind(tok)
    if kind is None:
        return None
    doc = tok.doc
    sent = tok.sent
    for start, end in [(sent.start_char, tok.idx), *_windows(tok)]:
        cands = _candidates(doc, start, end, kind)
        if len(cands) == 2:
            return cands[0], cands[1]
        if len(cands) > 2:
            return _coordinated(doc, cands)
    return None


def partner_of(tok: Token, actor_id: str) -> tuple[Actor, Mention] | None:
    """The other member of the pair ``tok`` refers to, given one member's actor id."""
    pair = pair_of(tok)
    if pair is None:
        return None
    first, second = pair
    if first[0].id == actor_id:
        return second
    if second[0].id == actor_id:
        return first
    return None
