"""How the article holds an event: asserted, reported, alleged, speculated, planned, denied, negated.

Cues come from the trigger's own clause (negation, modals, adverbs such as "likely" or
"reportedly") and from the clauses above it (governors such as "avoided", "considering", nouns
such as "suspicions", reporting verbs such as "said", and "according to"). ``denied`` is set by
the coder when a denial governs the event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from dyad.events.arguments import Arg, np_actor, subject_of
from dyad.events.table import DocTable
from dyad.pipeline.children import children_of

FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})
HEDGE_AUX = frozenset({"may", "might", "could"})
HEDGE_ADV = frozenset({"likely", "probably", "possibly", "perhaps", "potentially", "maybe", "presumably"})
REPORTED_ADV = frozenset({"reportedly", "purportedly", "supposedly"})
ALLEGED_ADV = frozenset({"allegedly"})
NEG_GOV = frozenset({"avoid", "refrain", "fail", "unlikely", "cease"})
HEDGE_GOV = frozenset({"appear", "seem", "speculate", "likely", "rumor", "rumour", "possible", "probable"})
PLAN_GOV = frozenset({"plan", "intend", "consider", "mull", "weigh", "contemplate", "prepare", "aim", "seek", "hope",
                      "want", "expect", "propose", "decide", "pledge", "promise", "vow", "agree", "offer", "ready",
                      "willing", "prepared", "committed", "eager", "determined", "resolve", "schedule", "set"})
ALLEGE_NOUNS = frozenset({"suspicion", "allegation", "accusation", "claim", "charge", "evidence", "sign", "indication"})
SPECULATE_NOUNS = frozenset({"speculation", "rumor", "rumour", "possibility", "prospect", "fear", "concern", "risk"})
REPORT_NOUNS = frozenset({"report", "reporting", "statement"})
REPORTING = frozenset({"say", "tell", "report", "announce", "state", "add", "note", "confirm", "declare", "write",
                       "reiterate", "stress", "quote", "assert", "disclose", "reveal", "acknowledge", "admit", "explain",
                       "argue", "insist", "claim", "allege", "suggest", "indicate", "believe", "think", "estimate",
                       "conclude", "show", "warn"})
ALLEGE_VERBS = frozenset({"claim", "allege", "accuse", "charge", "suspect"})
BOUNDARY = frozenset({"relcl", "advcl", "parataxis"})
PRIORITY = ("negated", "denied", "planned", "speculated", "alleged", "reported", "asserted")


@dataclass
class StatusInfo:
    status: str = "asserted"
    reported_by: Arg | None = None
    speaker_token: Token | None = None
    cues: list[str] = field(default_factory=list)
    future: bool = False
    negated: bool = False
    flags: set[str] = field(default_factory=set)

    def add(self, flag: str, cue: str) -> None:
        self.flags.add(flag)
        self.cues.append(cue)

    def resolve(self) -> None:
        for s in PRIORITY:
            if s in self.flags:
                self.status = s
                return
        self.status = "asserted"


def _own_cues(tok: Token, info: StatusInfo) -> None:
    for c in children_of(tok):
        low, dep = c.lower_, c.dep_
        if dep == "neg" or (dep == "advmod" and low in ("never", "not")) or (dep == "det" and low == "no"):
            info.negated = True
            info.add("negated", c.text)
        elif dep in ("aux", "auxpass"):
            if low in FUTURE_AUX or c.lemma_.lower() in FUTURE_AUX:
                info.future = True
                info.add("planned", c.text)
            elif low in HEDGE_AUX:
                info.add("speculated", c.text)
        elif dep == "advmod":
            if low in HEDGE_ADV:
                info.add("speculated", c.text)
            elif low in REPORTED_ADV:
                info.add("reported", c.text)
            elif low in ALLEGED_ADV:
                info.add("alleged", c.text)
        elif dep == "acomp" and low == "unlikely":
            info.negated = True
            info.add("negated", c.text)


def _speaker(verb: Token) -> tuple[Arg | None, Token | None]:
    subj = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    arg = subject_of(verb)
    return arg, subj


def assess(trigger: Token, clause: Token | None, table: DocTable | None = None) -> StatusInfo:
    """Status cues for a trigger token; ``clause`` is the verb a nominal trigger hangs from; ``table``
    the document's token table (built here when not given)."""
    info = StatusInfo()
    _own_cues(trigger, info)
    start = trigger
    if clause is not None and clause != trigger:
        _own_cues(clause, info)
        start = clause
    tok = start
    head = tok.head
    seen = 0
    while head != tok and seen < 8:
        seen += 1
        via = tok.dep_
        to_clause = via == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(tok))
        if via in BOUNDARY and not to_clause:
            break
        lem = head.lemma_.lower()
        if lem in NEG_GOV or head.lower_ == "unlikely":
            info.negated = True
            info.add("negated", head.text)
        elif lem in HEDGE_GOV:
            info.add("speculated", head.text)
        elif lem in PLAN_GOV and via in ("xcomp", "dobj", "pobj", "prep", "acomp", "ccomp"):
            info.add("planned", head.text)
        head_pos = head.pos_
        if head_pos in ("NOUN", "PROPN"):
            if lem in ALLEGE_NOUNS:
                info.add("alleged", head.text)
            elif lem in SPECULATE_NOUNS and lem != "concern":
                info.add("speculated", head.text)
            elif lem in REPORT_NOUNS:
                info.add("reported", head.text)
        if head_pos in ("VERB", "AUX"):
            if via == "xcomp" or to_clause:
                _own_cues(head, info)
            if lem in REPORTING and via in ("ccomp", "xcomp", "dobj", "conj"):
                flag = "alleged" if lem in ALLEGE_VERBS else "reported"
                info.add(flag, head.text)
                if info.reported_by is None:
                    info.reported_by, info.speaker_token = _speaker(head)
            elif lem in ALLEGE_VERBS and via in ("ccomp", "pcomp", "prep", "xcomp"):
                info.add("alleged", head.text)
        tok = head
        head = tok.head
    root = tok
    for c in children_of(root):
        if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in REPORTING and c != start and c.i > start.i:
            flag = "alleged" if c.lemma_.lower() in ALLEGE_VERBS else "reported"
            info.add(flag, c.text)
            if info.reported_by is None:
                info.reported_by, info.speaker_token = _speaker(c)
    doc = trigger.doc
    for a in (table if table is not None else DocTable(doc)).according_in(trigger.i):
        t = doc[a]  # "according" as a preposition
        to = next((c for c in children_of(t) if c.lower_ == "to"), None)
        pobj = next((c for c in (children_of(to) if to is not None else children_of(t)) if c.dep_ == "pobj"), None)
        info.add("reported", "according to")
        if pobj is not None and info.reported_by is None:
            info.reported_by = np_actor(pobj, "according to")
            info.speaker_token = pobj
    info.resolve()
    return info
