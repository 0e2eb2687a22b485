"""What the parse says about a time expression: the tense of its clause and the tokens around it.

The grammar asks two questions of spaCy's analysis: does the clause that holds an expression
speak of the future or the past (so "on Friday" / "in June" / "April 7" pick the right
occurrence), and is a number a year or an amount (``2000 troops``). An untensed complement takes
the tense of a governor that puts it at its own time ("tried to enter ... on May 16" is past); a
planning participle under a past main verb ("canceled tariffs planned for Oct. 15") is "present":
the occurrence nearest the reference.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Token

from dyad.temporal.lexicon import Lexicon

_PAST_TAGS = frozenset({"VBD"})
_MAX_CLIMB = 8


def token_at(doc: Doc, char: int) -> Token | None:
    """The token that covers character ``char`` (or starts right after it)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span[0]


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


class TokenIndex:
    """The tokens of one doc by character offset, read once (``doc.to_array([IDX, LENGTH])``):
    ``at`` and ``within`` answer as ``token_at`` and ``tokens_in`` do, without building a Span
    per question."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] = []
        self.ends: list[int] = []  # where each token's text ends (its trailing space excluded)
        self.size = 0  # the length of the text: the tokens with their spaces cover it
        if len(doc):
            arr = doc.to_array([IDX, LENGTH])
            self.starts = arr[:, 0].tolist()
            self.ends = (arr[:, 0] + arr[:, 1]).tolist()
            last = doc[-1]
            self.size = last.idx + len(last.text_with_ws)

    def _covering(self, char: int) -> int:
        """The token whose text or trailing space holds ``char``, or -1 (spaCy's ``token_by_char``)."""
        if char < 0 or char >= self.size:
            return -1
        return bisect_right(self.starts, char) - 1

    def at(self, char: int) -> Token | None:
        """``token_at(doc, char)``."""
        i = self._covering(char)
        if i < 0 or char >= self.ends[i]:
            return None  # outside the text, or in the space after token i
        return self.doc[i]

    def within(self, start: int, end: int) -> range:
        """The indices of the tokens of ``tokens_in(doc, start, end)``."""
        first, last = self._covering(start), self._covering(end - 1)
        if first < 0 or last < 0:
            return range(0)
        if start == self.ends[first]:
            first += 1  # the space after a token is not that token
        if first > last + 1:  # an empty range in a space: char_span's own answer
            found = tokens_in(self.doc, start, end)
            return range(found[0].i, found[-1].i + 1) if found else range(0)
        return range(first, last + 1)


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb above ``tok`` in the dependency tree (itself included)."""
    cur = tok
    for _ in range(_MAX_CLIMB):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass"):
            return cur
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
    return None


def _is_future_verb(verb: Token, lex: Lexicon) -> bool:
    children = list(verb.children)
    for c in children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in lex.future_auxiliaries:
            return True
        if c.dep_ in ("aux", "auxpass") and c.lower_ == "to" and _infinitive_is_future(verb, lex):
            return True  # "Kim to visit Russia next week", "a program to run through June"
    if verb.lemma_ == "go" and any(c.dep_ == "xcomp" for c in children) and verb.tag_ == "VBG":
        return True  # "is going to"
    if verb.lemma_.lower() in lex.future_lemmas and verb.tag_ != "VBD" and not _has_past_aux(verb):
        return True  # "plans to visit", "is scheduled", "is due"
    head = verb.head
    if verb.dep_ in ("xcomp", "conj") and head.i != verb.i and not (verb.dep_ == "conj" and _own_aux(verb)):
        return _is_future_verb(head, lex)  # "wants to visit", "will meet and sign"
    if _untensed_adverbial(verb) and verb.i < head.i:
        # "Kicking off in June, the tour will ...": a clause before its verb; one after it may
        # hang on the wrong verb ('says the law will "make ...," pointing to a 2009 analysis')
        return _is_future_verb(head, lex)
    return False


def _untensed_adverbial(verb: Token) -> bool:
    """A participle clause without its own subject or auxiliary that modifies a verb ("Speaking
    on May 16, Putin said ...", "Kim, arriving on May 16, met ..."): it has that verb's tense."""
    return (verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and verb.head.i != verb.i
            and verb.head.pos_ in ("VERB", "AUX")
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children))


def _infinitive_is_future(verb: Token, lex: Lexicon) -> bool:
    """A to-infinitive looks ahead when it heads a headline, qualifies a noun or follows a verb of
    intention ("plans to", "is due to"); after other verbs ("managed to") it says nothing."""
    if verb.dep_ in ("ROOT", "advcl", "acl", "relcl"):
        return True  # headline, purpose clause ("to run through June"), "a program to end in May"
    head = verb.head
    if head.pos_ in ("NOUN", "PROPN", "PRON"):
        return True
    return head.lemma_.lower() in lex.future_lemmas


def _has_past_aux(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and (c.tag_ in _PAST_TAGS or c.lemma_ == "have") for c in verb.children)


def _own_aux(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _is_past_verb(verb: Token, lex: Lexicon) -> bool:
    if verb.tag_ in _PAST_TAGS:
        return True
    if _has_past_aux(verb):
        return True
    if verb.dep_ == "conj" and verb.head.i != verb.i and not _own_aux(verb):
        return _is_past_verb(verb.head, lex)  # "started ... and peaked": the first verb's tense
    if _same_time_complement(verb, lex) or _untensed_adverbial(verb):
        return _is_past_verb(verb.head, lex)  # "tried to enter California on May 16", "Speaking on May 16, X said"
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "relcl")


def _same_time_complement(verb: Token, lex: Lexicon) -> bool:
    """An untensed complement ("to enter", "shelling") of a verb that puts it at its own time
    ("tried to enter", "began shelling"): it has that verb's tense. Other governors look ahead
    from theirs ("agreed to meet on May 16" may still be to come)."""
    head = verb.head
    return (verb.dep_ == "xcomp" and verb.tag_ in ("VB", "VBG") and head.i != verb.i
            and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lex.same_time_lemmas)


def _planned_under_past(verb: Token, lex: Lexicon) -> bool:
    """A participle of planning that modifies a noun ("tariffs planned for Oct. 15", "talks
    scheduled for May") in a clause whose main verb is past: the plan is of the main clause's
    time, so its date is the occurrence nearest the reference, not the next one."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("acl", "amod") or _own_aux(verb):
        return False
    if verb.lemma_.lower() not in lex.future_lemmas or verb.head.i == verb.i:
        return False
    main = governing_verb(verb.head)
    return main is not None and main.i != verb.i and _is_past_verb(main, lex)


def clause_direction(doc: Doc, start: int, end: int, lex: Lexicon, index: TokenIndex | None = None) -> str:
    """``future``, ``past``, ``present`` or ``nearest`` (unknown) for the clause that holds
    ``[start, end)`` (``index``: the doc's, when the caller has it)."""
    if not doc.has_annotation("DEP"):
        return "nearest"
    toks = (index or TokenIndex(doc)).within(start, end)
    if not toks:
        return "nearest"
    span = doc[toks[0]: toks[-1] + 1]
    verb = governing_verb(span.root)
    if verb is None:
        sent = span.root.sent
        verb = governing_verb(sent.root) if sent is not None else None
        if verb is None:
            return "nearest"
    if _planned_under_past(verb, lex):
        return "present"  # "canceled tariffs planned for Oct. 15": around the reference time
    if _is_future_verb(verb, lex):
        return "future"
    if verb.lemma_.lower() in lex.deferral_lemmas and _preposition_before(doc, doc[toks[0]]) in ("until", "till", "to"):
        return "future"  # "postponed until Saturday"
    if _is_past_verb(verb, lex):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") and not _own_aux(verb):
        return "present"  # "the summit is in May", "Putin visits Pyongyang on Wednesday"
    # a noun clause hanging off a verb: "the summit next month" inside "said ... the summit ..."
    return "nearest"


def _preposition_before(doc: Doc, tok: Token) -> str:
    i = tok.i - 1
    while i >= 0 and doc[i].pos_ in ("NUM", "PROPN", "DET") and doc[i].ent_type_ in ("DATE", "TIME"):
        i -= 1
    return doc[i].lower_ if i >= 0 else ""


def previous_word(doc_text: str, start: int) -> str:
    """The word just before character ``start`` (lower case, punctuation stripped)."""
    i = start
    while i > 0 and doc_text[i - 1].isspace():
        i -= 1
    j = i
    while j > 0 and (doc_text[j - 1].isalpha() or doc_text[j - 1] == "'"):
        j -= 1
    return doc_text[j:i].lower()


def next_word(doc_text: str, end: int) -> str:
    i = end
    n = len(doc_text)
    while i < n and doc_text[i].isspace():
        i += 1
    j = i
    while j < n and (doc_text[j].isalpha() or doc_text[j] == "'"):
        j += 1
    return doc_text[i:j].lower()
