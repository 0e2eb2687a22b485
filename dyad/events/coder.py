"""The event coder: triggers + arguments + status + dating -> ``Event`` records, sentence by sentence.

Rules that combine triggers (all from the PLOVER codebook):
- an *intent* governor with a cooperative act below it ("agreed to supply", "ready to send") is one
  AGREE event; with a material-conflict act ("threatened to impose", "prepared to impose") one
  THREATEN event; a cooperative act in the future tense is AGREE, a conflictual one THREATEN;
- an *absorbing* governor (demand, reject, threaten) codes its content as its own recipient, not as
  a separate event; a *denial* is a REJECT by the denier and marks the denied act ``denied``;
- a refused or negated promise ("will not accept") is a REJECT;
- "X said that Y must ..." is a REQUEST from X to Y.
Recipients come from the parse; failing that, from the nearest actor among the trigger's objects
and complements (``fallback``), from a coordinated partner (a reciprocal event), or, for an unnamed
group of the source's own people or an unplaced person ("police arrested demonstrators"), the
source's own state (``domestic``, the convention of the PLOVER gold standard).
An event needs a source actor placed in a state, IGO or bloc (an actor with a country code) and a
recipient, except RETREAT ("X resigned") and denials ("Pyongyang denied any such handover").
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from dyad.events import explain as explain_mod
from dyad.events.arguments import (
    Arg,
    fallback_target,
    noun_arguments,
    np_actor,
    quote_speaker,
    reciprocal,
    subject_of,
    verb_arguments,
)
from dyad.events.dating import event_date, event_location, is_past
from dyad.events.lexicon import COOPERATIVE, MATERIAL_CONFLICT, Entry, Lexicon
from dyad.events.status import BOUNDARY, REPORTING, StatusInfo, assess
from dyad.events.table import DocTable, doc_values, holding
from dyad.events.triggers import Trigger, absorber, find_triggers, lemma_forms, object_lemmas
from dyad.pipeline.children import children_of
from dyad.pipeline.extensions import doc_text
from dyad.pipeline.lookup import actor_at
from dyad.records import Event, Mention
from dyad.records import Span as TextSpan

GOVERNOR_CLIMB = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "acomp", "attr", "acl", "conj", "nsubjpass",
                            "oprd", "appos", "advcl"})
MUST = frozenset({"must", "should"})
PROTEST_WORDS = frozenset({"protest", "rally", "demonstration", "demonstrate", "strike", "riot", "march", "boycott"})
GATHERINGS = PROTEST_WORDS | {"gathering", "vigil", "sit-in"}
# Types coded without a recipient (PLOVER's own examples: resignations, unilateral ceasefires).
UNTARGETED = frozenset({"RETREAT"})
# Acts between partners: never coded with the source's own side as recipient ("Esper met leaders").
NEVER_DOMESTIC = frozenset({"CONSULT", "AID", "COOPERATE", "SUPPORT"})
# Actors that are a side of their own state: never its recipient ("the Cabinet ... Israel").
OWN_STATE_KINDS = frozenset({"person", "organization"})
LABELLING = frozenset({"as"})  # "denounced as a crime Serbia's suppression", "welcomed X as proof of"
CANCELLING = frozenset({"REJECT", "SANCTION", "CONCEDE", "RETREAT", "COERCE", "THREATEN", "REQUEST"})
# Attacks aimed at a place ("fired shells at targets in Jericho") hit the state the place lies in.
PLACE_TARGETS = frozenset({"ASSAULT"})
PLACE_PHRASE = frozenset({"prep", "pobj", "compound", "amod", "nmod", "appos", "poss", "conj"})
# Acts that two coordinated subjects do side by side, not to each other, unless the text says so
# ("Egypt and Jordan condemned the decision" is no accusation between them).
ONE_WAY = frozenset({"ACCUSE", "REQUEST", "THREATEN", "SANCTION", "PROTEST", "COERCE", "AID"})
# Unnamed people a visitor meets on behalf of their host state.
HOSTS = frozenset({"official", "leader", "minister", "counterpart", "president", "premier", "authority", "government",
                   "delegation", "diplomat", "lawmaker", "parliamentarian", "envoy", "king", "emir", "prince",
                   "chancellor", "commander", "general", "officer"})
# Nouns a governor may reach an act through: "considering the possibility of exercises".
TRANSPARENT_NOUNS = frozenset({"possibility", "prospect", "idea", "option", "plan", "intention", "way", "chance"})


@dataclass
class Candidate:
    trig: Trigger
    type: str
    mode: str | None
    cameo: str | None
    source: Arg | None
    target: Arg | None
    clause: Token | None
    info: StatusInfo
    suppressed: bool = False
    embedded: str | None = None
    rule: str | None = None
    notes: list[str] = field(default_factory=list)
    governor: Token | None = None  # the promise or threat verb an embedded act was converted under


def _governor(trig: Trigger, by_i: dict[int, Trigger]) -> Trigger | None:
    tok = trig.token
    through_event = False
    for _ in range(8):
        if tok.head == tok or tok.dep_ not in GOVERNOR_CLIMB:
            return None
        if tok.dep_ == "conj" and tok.head.i in by_i:
            return None
        if tok.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(tok)) and not (
                tok.head.i in by_i and by_i[tok.head.i].entry.prep
                and any(m.dep_ == "mark" and m.lower_ == by_i[tok.head.i].entry.prep for m in children_of(tok))):
            return None  # "pushing for the US [to] support": the clause is what is pushed for
        tok = tok.head
        g = by_i.get(tok.i)
        if g is not None and (g.entry.role in ("intent", "absorb", "deny") or g.type == "ACCUSE"):
            if not (through_event and g.entry.role == "intent"):
                return g
            continue  # an intent above another event noun is that noun's, not this one's; a refusal above still absorbs
        if g is not None and tok.dep_ in BOUNDARY:
            return None
        if g is None and tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in TRANSPARENT_NOUNS:
            return None
        if g is not None and g.kind == "noun":
            through_event = True  # "vowed a response to the killing of ...": the killing is not what is vowed
    return None


DOMESTIC_STATEMENTS = frozenset({"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE"})
"""Statements between actors of one state (a spokeswoman accusing the opposition, a party urging
the public): domestic politics, not relations between states. Dropped unless the
``domestic_statements`` setting keeps them; a state's threats, refusals and material acts
against its own people (protests, arrests, attacks, concessions) are always kept, and so is
what passes between a government and armed or organised opposition."""
ARMED_OPPOSITION = frozenset({"REB", "INS", "SEP", "UAF", "OPP"})


def _domestic_statement(doc: Doc, e: Event) -> bool:
    if e.type not in DOMESTIC_STATEMENTS or e.target is None or e.mode == "investigate":
        return False  # an investigation is an act of the state's organs, not a statement
    actors = doc_values(doc).actors
    source = actors.get(e.source) if e.source is not None else None
    target = actors.get(e.target)
    if source is None or target is None or source.country is None or source.country != target.country:
        return False
    return not ({source.role, target.role} & ARMED_OPPOSITION)  # talks with rebels are kept


def _lend_sides(host: Candidate, part: Candidate) -> None:
    """``part`` names the sides of ``host``'s act: its source and target fill ``host``'s empty
    sides, never putting one actor on both ends."""
    if host.source is None and part.source is not None and (host.target is None or host.target.actor.id != part.source.actor.id):
        host.source = part.source
    if host.target is None and part.target is not None and (host.source is None or host.source.actor.id != part.target.actor.id):
        host.target = part.target


class EventCoder:
    """Codes the events of a ``Doc`` whose earlier stages have run."""

    def __init__(self, lexicon: Lexicon, max_sentence_tokens: int = 200, domestic_statements: bool = False) -> None:
        self.lexicon = lexicon
        self.max_sentence_tokens = max_sentence_tokens
        self.domestic_statements = domestic_statements

    def __call__(self, doc: Doc) -> list[Event]:
        events: list[Event] = []
        if not doc._.mentions:
            return events
        published = doc._.meta.published if doc._.meta is not None else None
        table = DocTable(doc)
        with holding(doc):
            for sent in doc.sents:
                if len(sent) > self.max_sentence_tokens or len(sent) < 3:
                    continue
                events.extend(self.code_sentence(doc, sent, published, table))
            if not self.domestic_statements:
                events = [e for e in events if not _domestic_statement(doc, e)]
        for n, e in enumerate(events, start=1):
            e.id = f"e{n}"
        return events

    # -- one sentence -------------------------------------------------------------------------
    def _candidate(self, trig: Trigger, table: DocTable) -> Candidate:
        clause: Token | None = None
        if trig.kind == "noun":
            source, target, clause = noun_arguments(trig, self.lexicon.support_verbs)
            if source is not None and source.token.pos_ == "PRON" and source.mention.start < trig.token.sent.start_char \
                    and not source.path.endswith(">pair"):
                source = None  # "Their release came ...": a noun's pronoun owner is not sought in another sentence
        else:
            source, target = verb_arguments(trig)
            if trig.kind == "adj" and trig.token.dep_ == "acomp":
                clause = trig.token.head
        info = assess(trig.token, clause, table)
        if trig.kind == "noun" and clause is not None and info.negated and not _own_negation(trig.token) \
                and not lemma_forms(clause) & self.lexicon.support_verbs:
            # "never satisfied with China's concessions": the satisfaction is denied, not the concession
            info.negated = False
            info.flags.discard("negated")
            info.resolve()
        e = trig.entry
        type_, mode, cameo = e.type or "", e.mode, e.cameo
        if e.actor_object and target is not None and target.path in ("dobj", "nsubjpass"):
            type_ = e.actor_object.get("type", type_)
            mode = e.actor_object.get("mode", mode)
            cameo = e.actor_object.get("cameo", cameo)
        return Candidate(trig, type_, mode, cameo, source, target, clause, info)

    def _must_requests(self, sent: Span, table: DocTable) -> tuple[list[Candidate], set[int]]:
        """"X said (that) Y must ..." or "... that Y <subjunctive>" -> REQUEST X -> Y; returns the requests
        and the tokens they cover."""
        out: list[Candidate] = []
        covered: set[int] = set()
        doc = sent.doc
        for i in table.musts_in(sent.start, sent.end):
            tok = doc[i]
            if tok.dep_ == "aux" and tok.lower_ in MUST:
                verb = tok.head
            elif _subjunctive(tok):
                verb = tok  # "reiterated its demand that Israel ease restrictions"
            else:
                continue
            if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in REPORTING:
                continue
            if verb.head.dep_ in ("advcl", "xcomp") and any(
                    t.lemma_.lower() in PROTEST_WORDS for t in (verb.head.head, *children_of(verb.head.head))):
                covered.update(t.i for t in verb.subtree)
                continue  # "staged rallies ..., saying he must resign": the protest's topic
            speaker = subject_of(verb.head)
            subj = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
            target = np_actor(subj, "ccomp>nsubj") if subj is not None else None
            if speaker is None or target is None or speaker.actor.id == target.actor.id:
                continue
            trig = Trigger(tok, _MUST_ENTRY, "verb")
            info = assess(verb.head, None, table)
            info.flags.discard("reported")
            info.reported_by = None
            info.resolve()
            rule = "said ... must" if verb != tok else "said that ... (subjunctive)"
            out.append(Candidate(trig, "REQUEST", None, "100", speaker, target, verb.head, info, rule=rule))
            covered.update(t.i for t in verb.subtree)
        return out, covered

    def code_sentence(self, doc: Doc, sent: Span, published: str | None, table: DocTable | None = None) -> list[Event]:
        """The events of one sentence; ``table`` is the document's token table (built here when not given)."""
        if table is None:
            table = DocTable(doc)
        triggers = find_triggers(sent, self.lexicon, table)
        musts, covered = self._must_requests(sent, table)
        if not triggers and not musts:
            return []
        by_i = {t.token.i: t for t in triggers}
        cands = {t.token.i: self._candidate(t, table) for t in triggers}
        for i, c in cands.items():
            if i in covered:
                c.suppressed = True
                continue
            ab = absorber(c.trig, by_i)
            if ab is not None:  # "the hold on US aid to Ukraine": one act, the halt's; the aid names its sides
                _lend_sides(cands[ab.token.i], c)
                c.suppressed = True
                continue
            head = by_i.get(c.trig.token.head.i)
            if c.trig.kind == "noun" and head is not None and (
                    c.trig.token.lemma_.lower() in head.entry.obj
                    or (c.trig.token.dep_ == "dobj" and head.type in CANCELLING)):
                # "imposed sanctions", "launched its invasion": one event, the verb's;
                # "halted aid", "rejected the offer": the act named is not one that happened
                c.suppressed = True
                continue
            tok = c.trig.token
            noun = by_i.get(tok.head.i) if tok.dep_ == "relcl" and c.trig.kind == "verb" else None
            if noun is not None and noun.kind == "noun" and lemma_forms(tok) & self.lexicon.support_verbs:
                # "the concessions China offers him": one act, the noun's; the clause names its sides
                _lend_sides(cands[noun.token.i], c)
                c.suppressed = True
                continue
            up = by_i.get(tok.head.i)
            clause = tok
            while clause.dep_ == "conj" and clause.head != clause:
                clause = clause.head
            label = by_i.get(clause.head.i)
            if label is not None and label.entry.comp and clause.dep_ == "advcl" and c.trig.kind == "verb":
                c.suppressed = True  # "called Putin's visit desperate, to strengthen ...": the label's reasons
                continue
            if c.trig.kind == "verb" and tok.dep_ == "advcl" and up is not None and c.mode == "investigate" \
                    and up.token.lemma_.lower() in self.lexicon.sending_verbs \
                    and any(x.dep_ == "aux" and x.lower_ == "to" for x in children_of(tok)):
                uc = cands[up.token.i]  # "sent 21 personnel to Bosnia to investigate ...": the sending is the inquiry
                self._convert(uc, "ACCUSE", f"{up.entry.id}+{c.trig.entry.id}", cameo=c.cameo)
                uc.mode, uc.embedded = "investigate", c.trig.entry.id
                c.suppressed = True
                continue
            if c.trig.kind == "verb" and tok.dep_ == "advcl" and up is not None and up.type in COOPERATIVE \
                    and c.type in COOPERATIVE and tok.lemma_.lower() in self.lexicon.enabling_verbs \
                    and any(x.dep_ == "aux" and x.lower_ == "to" for x in children_of(tok)):
                uc = cands[up.token.i]  # "opened the bridge to allow the delivery of grain to Afghanistan": one act
                if uc.target is None and c.target is not None and up.entry.targets \
                        and (uc.source is None or uc.source.actor.id != c.target.actor.id):
                    uc.target = c.target
                c.suppressed = True
                continue
            if c.type == "REQUEST" and tok.dep_ in ("advcl", "xcomp", "acl") and _protest_clause(tok.head, by_i):
                c.suppressed = True  # the demand of a protest is its topic, not an event of its own
                continue
            verb = tok if c.trig.kind == "verb" else c.clause
            if verb is not None and verb.pos_ in ("VERB", "AUX") and _noun_purpose(verb, by_i):
                c.suppressed = True  # "the latest move by the US to try to force them to give up": no occurrence
                continue
            g = _governor(c.trig, by_i)
            if g is None and verb is not None and _wished(verb):
                self._wish(c, verb)  # "the pressure must continue for Damascus to allow the U.N. ...": not done
                continue
            if g is None:
                self._future(c)
                if c.type in MATERIAL_CONFLICT and "speculated" in c.info.flags and any(
                        a.dep_ == "advcl" and any(m.lower_ in ("if", "unless") and m.dep_ == "mark" for m in children_of(a))
                        for a in children_of(c.trig.token)):
                    self._convert(c, "THREATEN", "conditional")  # "may halt mediation if ..."
                continue
            top = g
            for _ in range(3):  # "refused to commit to any assistance": the refusal absorbs it all
                up = _governor(top, by_i)
                if up is None or up.entry.role != "absorb":
                    break
                top = up
            if top.entry.role == "absorb":
                g = top
            gc = cands[g.token.i]
            role = g.entry.role
            if role == "absorb":
                c.suppressed = True
                if gc.target is None and c.target is not None and (gc.source is None or c.target.actor.id != gc.source.actor.id):
                    gc.target = c.target
                    gc.notes.append(f"target from {c.trig.token.text!r}")
                gc.embedded = gc.embedded or c.trig.entry.id
            elif role == "intent":
                if c.trig.kind == "noun" and c.source is not None and gc.source is not None \
                        and c.source.actor.id != gc.source.actor.id and c.target is None:
                    c.target = c.source  # "agreed to US mediation": the noun's owner is the other side
                    c.source = gc.source
                if c.source is None:
                    c.source = gc.source
                if (c.target is None or not c.target.actor.country) and gc.target is not None and (
                        c.source is None or gc.target.actor.id != c.source.actor.id):
                    c.target = gc.target  # "offered its troops to Lebanon to help ..."
                if g.entry.governor_only or not g.type:
                    gc.suppressed = True
                    if c.type in MATERIAL_CONFLICT:
                        # preparing an attack is a show of force; planning or deciding one, a threat
                        posture = g.token.pos_ == "VERB" and g.token.lemma_.lower() == "prepare" and c.type == "ASSAULT"
                        self._convert(c, "MOBILIZE" if posture else "THREATEN", "intent+conflict")
                    c.info.add("planned", g.token.text)
                elif c.type in COOPERATIVE or c.type in MATERIAL_CONFLICT:
                    gc.suppressed = True
                    new = "AGREE" if c.type in COOPERATIVE else "THREATEN"
                    self._convert(c, new, f"{g.entry.id}+{c.trig.entry.id}", cameo=gc.cameo if new == "AGREE" else None)
                    c.governor = g.token
                    c.info.add("planned", g.token.text)
                    if c.info.negated:
                        gc.info.negated = True
                    c.info.negated = c.info.negated or gc.info.negated
                else:
                    gc.suppressed = True
                c.info.resolve()
            elif role == "deny":
                c.info.add("denied", g.token.text)
                c.info.resolve()
                if c.source is None:
                    c.source = gc.source
                gc.embedded = c.trig.entry.id
            elif g.type == "ACCUSE" and g.entry.comp and c.trig.token.head == g.token and c.trig.token.dep_ == "dobj":
                pass  # "called Putin's visit desperate": the visit is labelled, not alleged
            elif g.type == "ACCUSE":
                c.info.add("alleged", g.token.text)
                c.info.resolve()
        for c in cands.values():
            if c.governor is not None and c.trig.kind == "noun" and c.source is not None \
                    and _unplaced_subject(c.governor, c.source) and subject_of(c.governor) is None:
                c.source = None  # "the administration would agree to a meeting Zelenskiy wanted": not his promise
            if not c.suppressed and c.trig.entry.role == "intent" and c.type == "AGREE" and c.info.future:
                c.info.add("planned", "will")
                c.info.resolve()
            if c.info.negated and not c.suppressed:
                self._negation(c)
        events: list[Event] = []
        seen: set[tuple[str, str, str | None]] = set()
        ordered = sorted([*cands.values(), *musts], key=lambda c: c.trig.token.i)
        for c in [x for o in ordered for x in (o, *_conjunct_targets(o))]:
            if c.suppressed or not c.type or c.trig.entry.governor_only:
                continue
            ev = self._finish(doc, sent, c, published)
            if ev is None:
                continue
            key = (ev.type, ev.source or "", ev.target)
            if key in seen:
                continue
            seen.add(key)
            events.append(ev)
        # one occurrence, one event: drop an untargeted or guessed-target event when the same act
        # by the same source has a target read from the parse
        targeted = {(e.type, e.source) for e in events if e.target is not None and "fallback" not in (e.explain.get("notes") or ())}
        anytarget = {(e.type, e.source) for e in events if e.target is not None}
        return [e for e in events
                if (e.target is not None and ("fallback" not in (e.explain.get("notes") or ()) or (e.type, e.source) not in targeted))
                or (e.target is None and (e.type, e.source) not in anytarget)]

    # -- rules --------------------------------------------------------------------------------
    def _convert(self, c: Candidate, new_type: str, rule: str, cameo: str | None = None) -> None:
        if c.type == new_type:
            return
        c.rule = rule
        c.embedded = c.trig.entry.id
        c.type = new_type
        c.mode = None
        c.cameo = cameo or self.lexicon.cameo_for(new_type, None)

    def _wish(self, c: Candidate, verb: Token) -> None:
        """An act that is demanded or hoped for, not done ("Damascus must allow ...", "... for Damascus
        to allow ..."): a REQUEST to its doer by the one who voices it (the speaker of the quote it sits
        in, or the one who says it), else no event."""
        doer = subject_of(verb)
        voice = c.info.reported_by
        if voice is None:
            found = quote_speaker(c.trig.token)
            voice = Arg(found[0], found[1], c.trig.token, "quote") if found is not None else None
        if doer is None or voice is None or c.source is None or doer.actor.id != c.source.actor.id \
                or not voice.actor.country or voice.actor.country == doer.actor.country:
            c.suppressed = True
            return
        self._convert(c, "REQUEST", f"wish+{c.trig.entry.id}")
        c.source, c.target = voice, doer
        c.info = StatusInfo()
        c.info.resolve()

    def _future(self, c: Candidate) -> None:
        """PLOVER: future cooperation is AGREE, future material conflict (or a conditional act,
        "will withdraw ... unless") is THREATEN."""
        if not c.info.future or c.info.negated:
            return
        if c.type in UNTARGETED and c.target is None:
            c.info.add("planned", "will")  # "will resign": a unilateral step announced, not a promise to anyone
            c.info.resolve()
            return
        unless = any(a.dep_ == "advcl" and any(m.lower_ == "unless" for m in children_of(a))
                     for a in children_of(c.trig.token))
        conditional = c.type in MATERIAL_CONFLICT and any(
            a.dep_ == "advcl" and any(m.lower_ == "if" and m.dep_ == "mark" for m in children_of(a))
            for a in children_of(c.trig.token))
        if unless or conditional:
            self._convert(c, "THREATEN", "conditional")
        elif c.type in COOPERATIVE and c.type != "AGREE":
            self._convert(c, "AGREE", "future cooperation")
        elif c.type == "SANCTION" and c.mode in self.lexicon.decision_modes \
                and _decided(c.trig.token, self.lexicon.decision_verbs):
            c.info.add("planned", "would")  # "announced it would prohibit all aid to X": a decision, not a threat
            c.info.resolve()
        elif c.type in MATERIAL_CONFLICT:
            self._convert(c, "THREATEN", "future conflict")

    def _negation(self, c: Candidate) -> None:
        """A negated promise or a negated future act of cooperation is a rejection."""
        if c.type in COOPERATIVE and (c.type == "AGREE" or c.info.future or c.rule or c.trig.entry.role == "intent"):
            self._convert(c, "REJECT", "negated cooperation")
            c.info.negated = False
            c.info.flags.discard("negated")
            c.info.flags.discard("planned")
            c.info.resolve()

    def _domestic(self, c: Candidate, source: Arg, seen: list[Arg]) -> Arg | None:
        """An unnamed recipient of the source's own country ("police arrested demonstrators")."""
        if seen:
            c.notes.append("domestic")
            return Arg(source.actor, source.mention, seen[0].token, seen[0].path)
        mode = c.mode or c.trig.entry.mode
        if c.type == "PROTEST" or (mode and mode in self.lexicon.domestic_modes):
            c.notes.append("domestic")
            return Arg(source.actor, source.mention, c.trig.token, f"domestic:{c.type.lower()}")
        tok = c.trig.token
        if object_lemmas(tok) & self.lexicon.domestic_objects:
            c.notes.append("domestic")
            return Arg(source.actor, source.mention, tok, "domestic:object")
        objs = [x for x in children_of(tok) if x.dep_ in ("dobj", "dative", "nsubjpass")]
        objs += [p for x in children_of(tok) if x.dep_ == "prep" and x.lower_ in c.trig.entry.targets
                 for p in children_of(x) if p.dep_ == "pobj"]
        objs += [p for o in list(objs) for x in children_of(o) if x.dep_ == "prep" and x.lower_ in ("from", "of", "by")
                 for p in children_of(x) if p.dep_ == "pobj"]
        for o in objs:
            if o.lemma_.lower() in self.lexicon.people and not any(t.dep_ == "poss" for t in children_of(o)):
                c.notes.append("domestic")
                return Arg(source.actor, source.mention, o, f"domestic:{o.dep_}")
        return None

    def _finish(self, doc: Doc, sent: Span, c: Candidate, published: str | None) -> Event | None:
        source, target = c.source, c.target
        if source is None:
            return None
        if target is not None and target.actor.id == source.actor.id and not target.path.startswith("domestic"):
            target = None
        if target is not None and target.actor.country == source.actor.country and _bloc(source.actor.country):
            target = None
        if target is None and (c.type not in ONE_WAY or _each_other(c.trig.token)):
            partner = reciprocal(source)
            if partner is not None:
                target = partner
                c.notes.append("reciprocal")
        domestic: list[Arg] = []
        if target is None and c.type == "THREATEN":
            target = _condition_subject(c.trig.token, source)
        if target is None and c.type == "REJECT":
            target = _pressure_from(c.trig.token, source, self.lexicon.pressure_nouns)
        if target is None:
            skip = frozenset({source.actor.id})
            tok = c.trig.token
            allow = LABELLING if c.type in ("ACCUSE", "SUPPORT") else frozenset()
            own = source.mention.start
            target = fallback_target(tok, skip, seen_skipped=domestic, allow=allow, own=own)
            if target is None and c.clause is not None and c.clause != tok:
                target = fallback_target(c.clause, skip, avoid=tok, seen_skipped=domestic, allow=allow, own=own)
            if target is not None and c.type in COOPERATIVE and _behind_against(target.token, tok):
                target = None  # "provide protection to civilians against Russian airstrikes": the adversary
            if target is not None:
                c.notes.append("fallback")
            if target is not None and target.actor.country == source.actor.country and _bloc(source.actor.country):
                target = None
        if target is None and c.type == "CONSULT":
            target = _host_state(doc, sent, c, source)  # "Esper met with several top government officials" (Hanoi)
            if target is not None:
                c.notes += ["host", "fallback"]
        if target is None and c.type in PLACE_TARGETS:
            target = _place_target(doc, c.trig, source)
            if target is not None:
                c.notes += ["place", "fallback"]
            else:  # "rebels exploded bombs in the capital Kabul": an attack at home hits the source's own state
                target = _place_target(doc, c.trig, source, everywhere=True, own=True)
                if target is not None:
                    c.notes += ["domestic", "fallback"]
        domestic = [d for d in domestic if d.mention.start != source.mention.start]
        if target is not None and not target.actor.country and target.actor.kind in ("person", "organization", "group") \
                and not _bloc(source.actor.country):
            # an unplaced person or group acted on by a state's own organs: domestic (GSR convention)
            c.notes.append("domestic")
            target = Arg(source.actor, source.mention, target.token, f"domestic:{target.path}")
        if target is None and not _bloc(source.actor.country) and source.actor.country:
            target = self._domestic(c, source, domestic)
        if target is not None and target.path.startswith("domestic") and c.type in PLACE_TARGETS:
            abroad = _place_target(doc, c.trig, source, everywhere=True)
            if abroad is not None:  # "bombers killed 23 people ... in Tel Aviv": the victims of the place's state
                c.notes.append("place")
                target = abroad
        if target is not None and target.path.startswith("domestic") and c.type == "REQUEST" \
                and c.trig.token.lemma_.lower() in self.lexicon.command_verbs:
            # "ordered the opposition newspaper La Prensa to suspend publication": an order at home is enforced
            self._convert(c, "COERCE", f"{c.trig.entry.id}+domestic")
            c.mode = "restrict"
            c.cameo = self.lexicon.cameo_for("COERCE", "restrict")
        if not source.actor.country:
            return None  # a source we cannot place (an unknown person) makes no dyad
        if target is not None and target.actor.country == source.actor.country and target.token.dep_ in ("amod", "compound", "nmod") \
                and target.token.head.lemma_.lower() in self.lexicon.place_nouns:
            c.notes.append("own place")
            target = None  # "withdrew from the Bosnian town of Gorazde" (Bosnian Serbs): where, not whom
        if target is not None and _self_loop(source, target) and not _domestic_ok(c.type, source, target, self.lexicon.place_nouns):
            c.notes.append("self-loop dropped")
            target = None  # an actor acting on itself (or on its own state) is no dyad
        if target is not None and _own_side_content(source, target):
            c.notes.append("own side")
            target = None  # "warned that the People's Liberation Army could be deployed": its own means, not whom
        promised_step = c.trig.entry.type in UNTARGETED and not _in_condition(c.trig.token)
        if target is None and not (c.type in UNTARGETED or promised_step or c.trig.entry.role == "deny"):
            return None  # a dyadic coder: no recipient, no event (but "X resigned", "X agreed to resign", "X denied it")
        info = c.info
        reported_by = info.reported_by
        if reported_by is not None and reported_by.actor.id == source.actor.id:
            info.flags.discard("reported")
            reported_by = None
            info.resolve()
        tok = c.trig.token
        date, date_basis = event_date(doc, sent, tok, c.clause, info.status, published)
        if date is None and published and c.governor is not None and info.status == "planned" \
                and is_past(c.governor, None):
            # "promised full support": the promise (the AGREE event) was made, when the article reports it
            date, date_basis = event_date(doc, sent, c.governor, None, "asserted", published)
        location = event_location(doc, sent, tok, c.clause)
        ends = [tok.idx, tok.idx + len(tok.text), source.mention.start, source.mention.end]
        if target is not None:
            ends += [target.mention.start, target.mention.end]
        if c.clause is not None:
            ends += [c.clause.idx, c.clause.idx + len(c.clause.text)]
        start, end = max(min(ends), sent.start_char), min(max(ends), sent.end_char)
        return Event(
            id="",
            type=c.type,
            mode=c.mode,
            cameo=c.cameo,
            source=source.actor.id,
            target=target.actor.id if target is not None else None,
            date=date,
            location=location,
            status=info.status,
            reported_by=reported_by.actor.id if reported_by is not None else None,
            evidence=TextSpan(start, end, doc_text(doc)[start:end]),
            trigger=TextSpan(tok.idx, tok.idx + len(tok.text), tok.text),
            explain=explain_mod.build(
                tok.text, c.trig.entry.id, source.path, target.path if target is not None else None,
                list(dict.fromkeys(info.cues)), embedded=c.embedded, rule=c.rule,
                date_basis=date_basis, notes=c.notes or None,
                reported_by_path=reported_by.path if reported_by is not None else None,
            ),
        )


def _place_target(doc: Doc, trig: Trigger, source: Arg, everywhere: bool = False, own: bool = False) -> Arg | None:
    """The state of a place an attack is aimed at, named in its object or recipient phrase ("fired four
    shells at targets in Jericho", "shelled the outskirts of Homs"), when that state is an actor of the
    document and not the attacker's own; with ``everywhere``, a place anywhere in the act's clause
    outside its subject and its object's relative clause ("killed 23 people ... when they blew
    themselves up in Tel Aviv"); with ``own``,
    only a place of the source's own state, as a domestic recipient ("exploded bombs in Kabul")."""
    tok = trig.token
    phrase: set[int] = set()
    if everywhere:
        subj = {t.i for c in children_of(tok) if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree}
        # a relative clause describes the object, not the act ("shooting down the helicopter, which it
        # said crashed in Logar province"): where the helicopter fell is no recipient
        subj |= {t.i for o in children_of(tok) if o.dep_ in ("dobj", "nsubjpass")
                 for r in children_of(o) if r.dep_ == "relcl" for t in r.subtree}
        phrase = {t.i for t in tok.subtree if t.i not in subj}
    queue = [x for x in children_of(tok) if x.dep_ in ("dobj", "nsubjpass") or (x.dep_ == "prep" and x.lower_ in trig.entry.targets)]
    while queue and not everywhere:  # the object's own noun phrase and its prepositional chain, not clauses inside it
        x = queue.pop()
        phrase.add(x.i)
        queue.extend(y for y in children_of(x) if y.dep_ in PLACE_PHRASE)
    if not phrase:
        return None
    values = doc_values(doc)
    actors = values.actors
    for place in values.places:
        state = actors.get(place.country or "")
        if state is None or state.kind != "state" or (state.country == source.actor.country) != own:
            continue
        for m in place.mentions:
            span = values.spans(m.start, m.end)
            if span is not None and span.root.i in phrase:
                return Arg(state, Mention(m.start, m.end, m.text, actor_id=state.id), span.root,
                           "domestic:place" if own else "place")
    return None


def _pressure_from(tok: Token, source: Arg, nouns: frozenset[str]) -> Arg | None:
    """Whose pressure a refusal resists ("declined to resign despite pressure by the Kenya Anti-Corruption
    Commission", "rejected the plan in defiance of calls from Washington")."""
    for t in tok.subtree:
        if t.dep_ != "pobj" or t.lemma_.lower() not in nouns or t.head.lower_ not in ("despite", "of", "against", "under"):
            continue
        if t.head.lower_ == "of" and t.head.head.lemma_.lower() not in ("defiance", "spite"):
            continue
        arg = np_actor(t, "despite>pressure", skip=frozenset({source.actor.id}))
        if arg is not None and arg.token != t:
            return arg
    return None


def _conjunct_targets(c: Candidate) -> list[Candidate]:
    """One more candidate per other actor coordinated with the recipient read from the parse
    ("accused the UK and the US of meddling": two accusations)."""
    t = c.target
    if t is None or c.source is None or c.suppressed or t.path.startswith("domestic") or t.path.endswith("pair"):
        return []
    out: list[Candidate] = []
    taken = {c.source.actor.id, t.actor.id}
    for conj in t.token.conjuncts:
        arg = np_actor(conj, f"{t.path}>conj", depth=1, skip=frozenset(taken))
        if arg is not None and arg.actor.country:
            taken.add(arg.actor.id)
            out.append(replace(c, target=arg, notes=[*c.notes, "conjunct"]))
    return out


def _each_other(tok: Token) -> bool:
    """Whether the clause of ``tok`` says "each other" or "one another"."""
    sent = tok.sent
    return any(t.lower_ in ("each", "one") and t.i + 1 < sent.end and t.nbor().lower_ in ("other", "another")
               for t in sent)


def _behind_against(tok: Token, top: Token) -> bool:
    """Whether ``tok`` sits in an "against" phrase below ``top``."""
    for _ in range(8):
        if tok == top or tok.head == tok:
            return False
        if tok.dep_ == "prep" and tok.lower_ == "against":
            return True
        tok = tok.head
    return False


def _host_state(doc: Doc, sent: Span, c: Candidate, source: Arg) -> Arg | None:
    """The state whose unnamed officials a visitor meets: the one the meeting is placed in, by a place in
    the sentence or the dateline ("HANOI (AP) - ... Esper met with several top government officials")."""
    tok = c.trig.token
    objs = [o for o in children_of(tok) if o.dep_ == "dobj"]
    objs += [p for x in children_of(tok) if x.dep_ == "prep" and x.lower_ == "with" for p in children_of(x) if p.dep_ == "pobj"]
    people = [o for o in objs if o.lemma_.lower() in HOSTS]
    if not people or any(actor_at(o) is not None or any(actor_at(m) is not None for m in children_of(o)) for o in people):
        return None
    loc = event_location(doc, sent, tok, c.clause)
    country = loc.country if loc is not None else None
    dateline = (doc._.meta.dateline or "").lower() if doc._.meta is not None else ""
    if country is None and dateline:
        country = next((p.country for p in doc._.places or [] if p.name.lower() == dateline), None) or next(
            (a.country for a in (doc._.actors or {}).values()
             if a.kind == "state" and any(m.text.lower() == dateline for m in a.mentions)), None)
    state = (doc._.actors or {}).get(country or "")
    if state is None or state.kind != "state" or not state.mentions or state.country == source.actor.country:
        return None
    m = state.mentions[0]
    return Arg(state, m, tok, "host")


def _condition_subject(tok: Token, source: Arg) -> Arg | None:
    """The subject of a threat's condition ("... unless Israel rescinded", "... if the United States goes ahead")."""
    for t in tok.subtree:
        if t.dep_ == "advcl" and any(m.lower_ in ("unless", "if") and m.dep_ == "mark" for m in children_of(t)):
            s = next((x for x in children_of(t) if x.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None:
                arg = np_actor(s, "advcl:condition>nsubj", skip=frozenset({source.actor.id}))
                if arg is not None:
                    return arg
    return None


def _noun_purpose(tok: Token, by_i: dict[int, Trigger]) -> bool:
    """Whether a verb sits in an infinitival clause of an abstract noun that is no event itself
    ("a move to try to force ...", "efforts to persuade ...", "launched a rescue mission to free the
    hostages", which the parser may attach as a relative clause): an aim named, not an act done. An
    infinitive that says which one of a kind did it ("the first country to recognize ...") is an act,
    and so is what a gathering is held for ("converging for a rally in Lagos to protest ...")."""
    for _ in range(6):
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ == "NOUN" and tok.head.i not in by_i \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(tok)) \
                and not (tok.dep_ == "relcl" and (_singled_out(tok.head) or tok.head.lemma_.lower() in GATHERINGS)):
            return True
        infinitive = tok.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(tok))
        if (tok.dep_ not in ("xcomp", "conj") and not infinitive) or tok.head == tok:
            return False  # "efforts to get Ukraine to investigate ...": the infinitive below a causative
        tok = tok.head
    return False


SINGLING = frozenset({"first", "last", "only", "second", "third", "sole"})


def _singled_out(noun: Token) -> bool:
    """Whether a noun is picked out of its kind by an ordinal or superlative ("the first country",
    "the only state"), so that its infinitive says what it did, not what it is for."""
    return any(c.dep_ in ("amod", "advmod", "nummod") and (c.lower_ in SINGLING or c.tag_ in ("JJS", "RBS"))
               for c in children_of(noun))


def _wished(verb: Token) -> bool:
    """Whether a verb's clause is demanded or hoped for rather than done: a deontic "must"/"should"
    before its verb ("Damascus must allow", not "must have allowed", not "should China refuse") or a
    "for X to" infinitive ("pressure must continue for Damascus to allow")."""
    for _ in range(3):
        kids = list(children_of(verb))
        if any(c.dep_ == "aux" and c.lower_ in MUST for c in kids):
            subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
            must = next(c for c in kids if c.dep_ == "aux" and c.lower_ in MUST)
            perfect = any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids)
            return not perfect and not (subj is not None and must.i < subj.i)
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in kids) and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in kids) and any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
            return True
        if verb.dep_ != "conj" or verb.head == verb or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in kids):
            return False
        verb = verb.head
    return False


def _unplaced_subject(verb: Token, owner: Arg) -> bool:
    """Whether a promise or intent verb has a subject of its own that names no actor ("the
    administration would agree to ..."), outside which the event noun's owner is named: the one who
    promises is someone else than that owner."""
    subj = next((c for c in children_of(verb) if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ in REL_WORDS:
        return False
    return not subj.left_edge.i <= owner.token.i <= subj.right_edge.i


REL_WORDS = frozenset({"who", "which", "that"})


def _subjunctive(verb: Token) -> bool:
    """A mandative subjunctive: a bare verb after "that" with a singular noun subject and no auxiliary
    ("... that Israel ease restrictions"), which only a demand or proposal governs."""
    if verb.tag_ != "VB" or verb.dep_ != "ccomp" or any(c.dep_ in ("aux", "auxpass", "neg") for c in children_of(verb)):
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in children_of(verb)):
        return False
    subj = next((c for c in children_of(verb) if c.dep_ == "nsubj"), None)
    return subj is not None and subj.tag_ in ("NNP", "NN") \
        and not any(c.dep_ == "cc" for c in children_of(subj))


def _decided(tok: Token, verbs: frozenset[str]) -> bool:
    """Whether a verb's clause is the content of an announced decision ("announced (that) it would
    prohibit ...", "... and would deny entry"), not of a bare statement ("said they would blockade")."""
    for _ in range(4):
        if tok.dep_ == "conj":
            tok = tok.head
            continue
        if tok.dep_ != "ccomp" or tok.head == tok:
            return False
        return tok.head.lemma_.lower() in verbs
    return False


def _in_condition(tok: Token) -> bool:
    """Whether a token sits in an "if"/"unless" clause ("... unless the president agrees to step down")."""
    for _ in range(6):
        if tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in children_of(tok)):
            return True
        if tok.head == tok:
            return False
        tok = tok.head
    return False


def _own_negation(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "not", "no")) for c in children_of(tok))


def _protest_clause(tok: Token, by_i: dict[int, Trigger]) -> bool:
    if by_i.get(tok.i) is not None and by_i[tok.i].type == "PROTEST":
        return True
    return any(by_i.get(c.i) is not None and by_i[c.i].type == "PROTEST" for c in children_of(tok) if c.dep_ == "dobj")


def _whole_state(arg: Arg) -> bool:
    """Whether an argument names a state itself ("Jordan", "the United States"), not a part or people
    of it ("Palestinian police", "opposition groups in Zimbabwe", "Croatian extremists", "Algerians")."""
    if arg.actor.kind != "state" or arg.path.startswith("domestic"):
        return False
    tok = arg.token
    if tok.pos_ != "PROPN" or not (tok.text in arg.actor.name or tok.text.replace(".", "").isupper()):
        return False
    if tok.dep_ in ("amod", "compound", "nmod", "poss"):
        return False
    return not (tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN"))


def _domestic_ok(type_: str, source: Arg, target: Arg, places: frozenset[str] = frozenset()) -> bool:
    """The PLOVER convention for a group of the source's own people as recipient ("police arrested
    demonstrators", "Croatia is investigating crimes by Croatian extremists": TUR -> TUR) holds for
    acts of control, protest and dispute only, and only when the recipient is a group (an unnamed one,
    or one named by its nationality) or the source is a part of the state (its police, rebels,
    citizens), not the state itself ("Jordan protested" has a foreign recipient or none)."""
    if type_ in NEVER_DOMESTIC:
        return False
    if source.actor.kind == "person" and source.actor.id == target.actor.id:
        return False  # a person is never their own recipient ("Esper met leaders", "Scissors consults")
    tok = target.token
    if tok.dep_ in ("amod", "compound", "nmod") and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() not in places \
            and not source.mention.start <= tok.idx < source.mention.end:
        return True  # "Ugandan opposition candidates": a group of the state's people (not "the Bosnian town")
    if not target.path.startswith("domestic"):
        return False
    return not _whole_state(source)


STATE_ROLES = frozenset({"GOV", "MIL", "SPY", "COP", "LEG", "JUD"})


def _state_side(arg: Arg, person: bool = True) -> bool:
    """Whether an argument names a state or one of its organs (government, forces, police, courts)."""
    a = arg.actor
    return a.kind == "state" or (a.role in STATE_ROLES and (person or a.kind != "person"))


def _own_side_content(source: Arg, target: Arg) -> bool:
    """Whether a recipient read from the subject of the act's content clause ("warned that the army
    could be deployed", "said they are already there") is the source's own state or one of its organs
    while the source speaks for that state: the content names its own means, not a recipient."""
    if not target.path.startswith(("ccomp>", "xcomp>", "advcl>")) or not source.actor.country:
        return False
    if source.actor.country != target.actor.country or source.actor.id == target.actor.id:
        return False
    return _state_side(source) and _state_side(target, person=False)


def _self_loop(source: Arg, target: Arg) -> bool:
    """Whether two arguments name one side: the same actor, one inside the other's noun phrase
    ("a visit by PLO Chairman Yasser Arafat"), or a person or state body and their own state itself
    ("Esper ... the United States", "the Cabinet ... Israel")."""
    a, b = source.actor, target.actor
    if a.id == b.id:
        return True
    if a.kind != b.kind and (_inside(source.token, target.token) or _inside(target.token, source.token)):
        return True
    if not a.country or a.country != b.country:
        return False
    return (a.kind in OWN_STATE_KINDS and _whole_state(target)) or (b.kind in OWN_STATE_KINDS and _whole_state(source))


def _inside(tok: Token, head: Token) -> bool:
    """Whether ``tok`` modifies ``head`` within one noun phrase (compound, apposition, possessor, title);
    callers ask it only for actors of different kinds ("the Putin-Kim summit" names two sides)."""
    for _ in range(3):
        if tok.dep_ not in ("compound", "nmod", "appos", "poss", "amod") or tok.head == tok:
            return False
        tok = tok.head
        if tok == head:
            return True
    return False


def _bloc(country: str | None) -> bool:
    """IGO and bloc codes (UN, EU, WEST): an event between two parts of one is not dyadic."""
    return bool(country) and not (len(country or "") == 3 and (country or "").isalpha() and (country or "").isupper())


_MUST_ENTRY = Entry(id="said-must.request", lemma="must", pos="VERB", type="REQUEST", cameo="100")
