"""What an amount counts, read from the dependency parse when the words right after the number do
not say it: the noun a percentage or sum modifies ("a 15 percent tariff", "a $400 billion gas
deal"), the thing a predicate sets at the figure ("raised tariffs to 25 percent", "the population is
estimated at 40,000"), and the people a passive verb of harm counts ("as many as 200 have been
killed").

Each helper returns the object as (first, last) token indices, or a phrase for the people case.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dyad.amounts.lexicon import AmountLexicon

_NOUNS = frozenset({"NOUN", "PROPN"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PREDICATE_PREPS = frozenset({"to", "at", "by", "from", "of"})


def phrase_root(doc: Doc, start: int, end: int) -> Token:
    """The token of ``doc[start:end]`` whose head lies outside it (the phrase's syntactic root)."""
    for k in range(end - 1, start - 1, -1):
        tok = doc[k]
        if not (start <= tok.head.i < end) or tok.head.i == tok.i:
            return tok
    return doc[end - 1]


def modified_noun(doc: Doc, root: Token, after: int, limit: int) -> int | None:
    """The noun right after a figure that the figure modifies ("a 15 percent tariff",
    "a $250 billion list"): its index, when every token between is a noun or adjective."""
    head = root.head
    if head.i < after or head.i >= limit or head.pos_ not in _NOUNS or root.dep_ not in (
            "compound", "nummod", "amod", "nmod", "quantmod"):
        return None
    if any(t.pos_ not in ("NOUN", "PROPN", "ADJ", "PUNCT") or t.text == "," for t in doc[after:head.i]):
        return None
    return head.i


def _noun_phrase(tok: Token) -> tuple[int, int]:
    """The noun ``tok`` with its adjective and compound modifiers (no determiners, no clauses)."""
    first = tok.i
    for child in tok.lefts:
        if child.dep_ in ("amod", "compound") and child.left_edge.i < first:
            first = child.left_edge.i  # "long-term debt"
    while first < tok.i and tok.doc[first].pos_ not in ("NOUN", "PROPN", "ADJ", "VERB"):
        first += 1
    return first, tok.i


def predicate_object(root: Token, lex: AmountLexicon, bare: bool) -> tuple[int, int] | None:
    """"increase exports to $30 billion", "raised tariffs to 25 percent", "exports rose by 12%",
    "the population is estimated at 40,000": the thing the verb sets at the figure (its object,
    else its subject). A bare number (no unit, currency or percent) needs a quantity noun there
    ("toll", "population"), so that "he scored 2" counts nothing."""
    if root.dep_ == "pobj" and root.head.lower_ == "for" and not bare:
        return _price_object(root.head.head, lex)
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN" \
            and root.head.head.i < root.i:
        owner = root.head.head  # "a budget of $449,000", "a death toll of 200"
        if bare and owner.lemma_.lower() not in lex.quantity_nouns:
            return None
        return _noun_phrase(owner)
    if root.dep_ == "pobj" and root.head.lower_ in _PREDICATE_PREPS:
        verb, verbs = root.head.head, lex.setting_verbs
        if verb.dep_ == "prep" and verb.lower_ in _PREDICATE_PREPS:
            verb = verb.head  # "rose from 0.9 percent to 1.2 percent": "to" hangs on "from"
    elif root.dep_ in ("dobj", "attr", "npadvmod") and not bare:
        verb, verbs = root.head, lex.measure_verbs  # "exports topped $5 billion"
    else:
        return None
    if verb.lower_ == "worth" and verb.dep_ != "acomp" and verb.head.pos_ == "NOUN" and verb.head.i < verb.i:
        return _noun_phrase(verb.head)  # "an arms package worth $2 billion"
    if verb.lower_ == "worth" and verb.dep_ == "acomp":
        verb = verb.head  # "the deal is worth $5 billion"
    elif verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in verbs:
        return None
    found: Token | None = None
    if root.dep_ == "pobj":
        found = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in _NOUNS), None)
    if found is None:
        found = _subject(verb)
    if found is None or found.i == root.i:
        return None
    if bare and found.lemma_.lower() not in lex.quantity_nouns:
        return None
    return _noun_phrase(found)


def _price_object(head: Token, lex: AmountLexicon) -> tuple[int, int] | None:
    """What a sum "for" pays: "the purchase of the paper for $500 million" (the noun), "bought
    the paper for $500 million" (the object of a verb of trade)."""
    if head.pos_ == "NOUN":
        return _noun_phrase(head)
    if head.pos_ == "VERB" and head.lemma_.lower() in lex.trade_verbs:
        found = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ in _NOUNS), None)
        return _noun_phrase(found) if found is not None else None
    return None


def _subject(verb: Token) -> Token | None:
    """The noun subject of ``verb``, or of the verb it is coordinated with ("has fluctuated and is
    estimated at 40,000")."""
    for v in (verb, verb.head) if verb.dep_ == "conj" else (verb,):
        found = next((c for c in v.children if c.dep_ in _SUBJECTS), None)
        if found is not None:
            return found if found.pos_ in _NOUNS else None
    return None


def people_affected(root: Token, lex: AmountLexicon) -> str | None:
    """"as many as 200 have been killed", "30 died", "the strike killed 12": a bare number that is
    the subject of a passive (or intransitive) verb of harm, or the object of an active one,
    counts people: "people killed"."""
    verb = root.head
    if verb.pos_ != "VERB" or verb.i == root.i:
        return None
    lemma = verb.lemma_.lower()
    harmed = root.dep_ in ("nsubjpass", "dobj") or (root.dep_ == "nsubj" and verb.tag_ == "VBN")
    if harmed and lemma in lex.harm_verbs:
        return "people " + _participle(verb, lex)
    if root.dep_ == "nsubj" and lemma in lex.people_intransitive:
        return "people " + verb.lower_
    return None


def _participle(verb: Token, lex: AmountLexicon) -> str:
    if verb.tag_ == "VBN" or verb.lower_.endswith("ed"):
        return verb.lower_
    return lex.harm_verbs[verb.lemma_.lower()]
