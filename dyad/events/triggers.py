"""Which tokens are events: verbal, nominal and light-verb triggers matched against the lexicon.

A trigger is a token plus the lexicon entry that fired. Verbs match on their lemma and, where the
entry asks for it, a particle, a preposition or an object ("imposed sanctions", "opened fire").
Nouns match alone ("Putin's visit") or only under a support verb ("expressed concern"). Lookups are
dictionary hits on lemmas: no regular expressions run over the text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dyad.events.lexicon import Entry, Lexicon
from dyad.events.table import DocTable
from dyad.pipeline.children import children_of
from dyad.pipeline.lookup import actor_at

OBJ_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
MOD_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss"})
# How far a noun may sit below the verb that governs it: "held talks", "launched its invasion of",
# "faces sanctions", "is under sanctions", "considering the possibility of exercises".
NOUN_UP_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "pobj", "conj", "appos", "nsubj"})


@dataclass
class Trigger:
    token: Token
    entry: Entry
    kind: str  # verb|noun|adj

    @property
    def type(self) -> str | None:
        return self.entry.type


def lemma_forms(tok: Token) -> set[str]:
    """The lemma plus cheap guesses from the surface form, for when the lemmatiser slips ("staged" -> "stag")."""
    return word_forms(tok.lemma_.lower(), tok.lower_)


def word_forms(lemma: str, low: str) -> set[str]:
    """``lemma_forms`` of a token given its lowercased lemma and form."""
    forms = {lemma, low}
    if low.endswith("ed"):
        forms.update((low[:-1], low[:-2]))
    elif low.endswith("ing"):
        forms.update((low[:-3], low[:-3] + "e"))
    elif low.endswith("s"):
        forms.add(low[:-1])
    return forms


def governing_verb(noun: Token, max_hops: int = 4) -> tuple[Token | None, list[str]]:
    """The verb (or adjective) a noun trigger hangs from, and the prepositions passed on the way."""
    preps: list[str] = []
    tok = noun
    for _ in range(max_hops):
        if tok.dep_ not in NOUN_UP_DEPS and not (tok.dep_ == "prep" and preps):
            return None, preps
        head = tok.head
        if head == tok:
            return None, preps
        if head.dep_ == "prep" or head.pos_ == "ADP":
            preps.append(head.lower_)
            tok = head
            head = tok.head
            if head == tok:
                return None, preps
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            return head, preps
        if tok.dep_ == "conj" and head.pos_ in ("NOUN", "PROPN"):
            tok = head
            continue
        if head.pos_ in ("NOUN", "PROPN", "PRON"):
            tok = head
            continue
        return None, preps
    return None, preps


def object_lemmas(tok: Token) -> set[str]:
    """Lemmas that can satisfy an entry's ``obj``: the object, its modifiers and its "of" phrase."""
    out: set[str] = set()
    for c in children_of(tok):
        if c.dep_ in OBJ_DEPS:
            heads = [c, *c.conjuncts]
            if c.pos_ == "PRON" and c.lower_ in ANAPHORS:
                heads += _antecedents(tok)  # "freed three prisoners and sent them to Qatar"
            for h in heads:
                out.add(h.lemma_.lower())
                out.add(h.lower_)
                for m in children_of(h):
                    if m.dep_ in ("compound", "amod"):
                        out.add(m.lemma_.lower())
                    elif m.dep_ == "prep" and m.lower_ == "of":
                        out.update(p.lemma_.lower() for p in children_of(m) if p.dep_ == "pobj")
    return out


ANAPHORS = frozenset({"them", "it", "him", "her"})


def _antecedents(verb: Token) -> list[Token]:
    """The object of the verb a verb is coordinated with: what an object pronoun of the second verb
    names ("freed three prisoners and sent them to Qatar")."""
    if verb.dep_ != "conj" or verb.head == verb or any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(verb)):
        return []
    return [c for c in children_of(verb.head) if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]


COMP_DEPS = frozenset({"oprd", "xcomp", "ccomp", "acomp", "attr", "advcl"})


def complement_lemmas(tok: Token) -> set[str]:
    """Lemmas of what a verb predicates of its object ("called the visit a provocation / illegal /
    an act of desperation / in desperation"): its complements, their modifiers and "of"/"in" phrases."""
    out: set[str] = set()
    heads = [c for c in children_of(tok) if c.dep_ in COMP_DEPS]
    heads += [p for c in children_of(tok) if c.dep_ == "prep" and c.lower_ in ("in", "as", "of", "out")
              for p in children_of(c) if p.dep_ == "pobj"]
    heads += [c for o in children_of(tok) if o.dep_ == "dobj" for c in children_of(o) if c.dep_ in ("appos", "amod", "oprd")]
    for h in heads:
        out.add(h.lemma_.lower())
        for m in children_of(h):
            if m.dep_ in ("amod", "compound", "acomp", "attr", "dobj"):
                out.add(m.lemma_.lower())
            elif m.dep_ == "prep" and m.lower_ in ("of", "in"):
                out.update(p.lemma_.lower() for p in children_of(m) if p.dep_ == "pobj")
    return out


def prep_object_lemmas(tok: Token, prep: str) -> set[str]:
    """Lemmas of the object of ``prep`` below ``tok`` and of its modifiers ("agreed to Beijing's demands",
    "bowed to US pressure"): the ``obj`` of an entry that also asks for that preposition."""
    out: set[str] = set()
    for c in children_of(tok):
        if c.dep_ in ("prep", "dative") and c.lower_ == prep:
            for p in children_of(c):
                if p.dep_ == "pobj":
                    for h in (p, *p.conjuncts):
                        out.add(h.lemma_.lower())
                        out.update(m.lemma_.lower() for m in children_of(h) if m.dep_ in ("compound", "amod"))
    return out


def _subject_lemmas(tok: Token) -> set[str]:
    out: set[str] = set()
    for c in children_of(tok):
        if c.dep_ in ("nsubj", "nsubjpass"):
            out.add(c.lemma_.lower())
            out.update(m.lemma_.lower() for m in children_of(c) if m.dep_ in ("compound", "amod"))
            for p in children_of(c):  # "the first patch of Bangladeshi troops"
                if p.dep_ == "prep" and p.lower_ == "of":
                    out.update(x.lemma_.lower() for x in children_of(p) if x.dep_ == "pobj")
    return out


def clause_with_mark(tok: Token, mark: str) -> Token | None:
    """A clause below ``tok`` introduced by ``mark`` ("pushing for the US [to] support ...")."""
    for c in children_of(tok):
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == mark for m in children_of(c)):
            return c
    return None


def _has_child(tok: Token, text: str, deps: tuple[str, ...]) -> bool:
    return any(c.dep_ in deps and c.lower_ == text for c in children_of(tok))


def _actor_clause(tok: Token) -> bool:
    """Whether a verb governs an infinitive clause done by another actor: "wants Trump to eliminate" (the
    parser makes the actor the clause's subject) or "wants Trump to" with the actor as object."""
    for c in children_of(tok):
        if c.dep_ in ("ccomp", "xcomp") and any(x.dep_ == "aux" and x.lower_ == "to" for x in children_of(c)):
            if any(x.dep_ == "nsubj" and actor_at(x) is not None for x in children_of(c)):
                return True
            if c.dep_ == "xcomp" and _object_actor(tok):
                return True
    return False


def _object_actor(tok: Token) -> bool:
    return any(c.dep_ in ("dobj", "dative", "nsubjpass") and actor_at(c) is not None for c in children_of(tok))


def _matches(tok: Token, e: Entry, kind: str) -> bool:
    if e.prt and not _has_child(tok, e.prt, ("prt", "prep", "advmod")):
        return False
    if e.prep and not (_has_child(tok, e.prep, ("prep", "prt", "dative", "agent")) or clause_with_mark(tok, e.prep)):
        return False
    if e.obj and not (e.obj & object_lemmas(tok)) and not (e.prep and e.obj & prep_object_lemmas(tok, e.prep)):
        return False
    if e.mods and not any(c.dep_ in MOD_DEPS and c.lemma_.lower() in e.mods for c in children_of(tok)):
        return False
    if e.support:
        verb, _ = governing_verb(tok)
        if verb is None or not (lemma_forms(verb) & e.support):
            return False
    if e.comp and not (e.comp & complement_lemmas(tok)):
        return False
    if e.actor_clause and not _actor_clause(tok):
        return False
    if e.intransitive and any(c.dep_ in ("dobj", "ccomp") for c in children_of(tok)):
        return False
    if e.require_object and not any(c.dep_ in ("dobj", "nsubjpass") for c in children_of(tok)):
        return False
    if e.subj or e.subj_not:
        subj = _subject_lemmas(tok)
        if e.subj and not (e.subj & subj):
            return False
        if e.subj_not and (e.subj_not & subj):
            return False
    return not ((e.require_actor_object or e.require_person_object) and not _object_actor(tok))


def token_kind(tok: Token) -> str | None:
    return word_kind(tok.pos_, tok.tag_, tok.dep_)


def word_kind(pos: str, tag: str, dep: str) -> str | None:
    """VERB, NOUN or ADJ: the lexicon part of speech a token with these labels is looked up as."""
    if pos == "VERB" or (pos == "AUX" and dep not in ("aux", "auxpass")):
        return "VERB"
    if pos == "NOUN" or (pos == "PROPN" and tag in ("NN", "NNS")):
        return "NOUN"
    if pos == "ADJ":
        return "ADJ"
    return None


def possessed_verb(tok: Token) -> bool:
    """A "verb" right after a subject that carries a possessive marker is a misparsed noun ("senior
    officials’ visit coincide with ...": "visit" is the officials' visit, not their act on the next word)."""
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    return prev.dep_ == "case" and prev.head.dep_ in ("nsubj", "nsubjpass") and prev.head.head == tok


def _candidates(tok: Token, pos: str, lexicon: Lexicon) -> list[Entry]:
    return candidates_of(tok.lemma_.lower(), tok.lower_, pos, lexicon)


def candidates_of(lemma: str, low: str, pos: str, lexicon: Lexicon) -> list[Entry]:
    """The lexicon entries for a word (lowercased lemma and form) of kind ``pos``: the lemma's, else
    those of the first of its ``word_forms`` that has some."""
    cands = lexicon.candidates(lemma, pos)
    if not cands:
        for form in word_forms(lemma, low):
            cands = lexicon.candidates(form, pos)
            if cands:
                break
    return cands


def _word_candidates(doc: Doc, lemma: int, low: int, pos: str, lexicon: Lexicon) -> list[Entry]:
    """``candidates_of`` by the hashes of the lemma and the lowercase form, cached in the lexicon
    (a pure function of the strings, which the hashes stand for in every vocabulary)."""
    key = (lemma, low, pos)
    cands = lexicon.form_cache.get(key)
    if cands is None:
        strings = doc.vocab.strings
        cands = candidates_of(strings[lemma].lower() if lemma else "", strings[low] if low else "", pos, lexicon)
        lexicon.form_cache[key] = cands
    return cands


def _kind(tok: Token, e: Entry) -> Entry:
    """The entry with the finer CAMEO code its ``kinds`` give for the object's words ("military aid": 1622)."""
    words = object_lemmas(tok) | {c.lemma_.lower() for c in children_of(tok) if c.dep_ in MOD_DEPS}
    if e.prep:
        words |= prep_object_lemmas(tok, e.prep)
    words |= {m.lemma_.lower() for h in (tok.head,) if tok.dep_ in MOD_DEPS for m in children_of(h) if m.dep_ in MOD_DEPS}
    code = next((c for w, c in e.kinds if w in words), None)
    return replace(e, cameo=code) if code else e


HALT_MODS = frozenset({"amod", "compound", "nmod", "acl"})


def _halted(tok: Token, e: Entry, lexicon: Lexicon) -> Entry | None:
    """An aid noun carrying a halting participle ("the frozen aid to X"; the parser's "The US froze[amod] aid
    to X") is the halt itself: the noun keeps its sides, the verb's entry gives type and code."""
    if e.type != "AID":
        return None
    lemma = tok.lemma_.lower()
    for c in children_of(tok):
        if c.dep_ not in HALT_MODS or c.tag_ not in ("VBN", "VBD"):
            continue
        for v in _candidates(c, "VERB", lexicon):
            if v.type == "SANCTION" and lemma in v.obj and not v.prt and not v.prep:
                return replace(e, id=f"{v.id}<{e.id}", type=v.type, mode=v.mode, cameo=v.cameo, kinds=v.kinds)
    return None


def find_triggers(sent: Span, lexicon: Lexicon, table: DocTable | None = None) -> list[Trigger]:
    """Every trigger in the sentence, at most one per token (the most specific entry wins).

    ``table`` is the document's token table (built here when not given): only tokens with lexicon
    entries become ``Token`` objects."""
    out: list[Trigger] = []
    doc = sent.doc
    words = (table if table is not None else DocTable(doc)).words_in(sent.start, sent.end)
    for i, pos, lemma, low in words:
        cands = _word_candidates(doc, lemma, low, pos, lexicon)
        if not cands:
            continue
        tok = doc[i]
        if pos == "VERB" and possessed_verb(tok):
            continue
        for e in cands:
            if _matches(tok, e, pos):
                if pos == "NOUN":
                    e = _halted(tok, e, lexicon) or e
                out.append(Trigger(tok, _kind(tok, e) if e.kinds else e, pos.lower()))
                break
    return out


# Acts that halt or end an ongoing relation, and the relations they halt or end: the act named below
# them is no occurrence of its own ("halted aid", "ended the trade war"; not "agreed to Beijing's demands").
ABSORBING = frozenset({"SANCTION", "CONCEDE"})
HALTED = frozenset({"AID", "COOPERATE", "SANCTION"})


def absorber(trig: Trigger, by_i: dict[int, Trigger]) -> Trigger | None:
    """The trigger that stops or ends the act a noun trigger names, if any: "withheld aid to X", "the hold
    on US aid to X", "aid cuts to X", "agreed to end the trade war between A and B". The noun is then no
    event of its own; its owner and recipient are the sides of the halt (one occurrence, one event)."""
    if trig.kind != "noun" or trig.type not in HALTED:
        return None
    tok, lemma = trig.token, trig.token.lemma_.lower()
    head = tok.head
    if head == tok:
        return None
    hops = [(head, tok.dep_ in MOD_DEPS | OBJ_DEPS)]
    over = by_i.get(head.head.i)
    if tok.dep_ == "pobj" and head.dep_ == "prep" and over is not None and over.entry.prep == head.lower_:
        hops.append((head.head, True))  # "the hold on aid", "put a hold on aid"
    for up, ok in hops:
        h = by_i.get(up.i)
        if not ok or h is None or h.type not in ABSORBING or h.type == trig.type:
            continue
        if lemma in h.entry.obj or lemma in h.entry.mods or (h.entry.kinds and trig.type == "AID"):
            return h
    return None
