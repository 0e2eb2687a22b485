"""Who did it to whom: source and target actors of a trigger, read from the dependency parse.

Handles active and passive voice, coordination (a reciprocal pair), prepositional recipients,
possessives and modifiers of nominal events ("Putin's visit", "a Russian veto", "the Putin-Kim
summit"), relative clauses, controlled clauses ("agreed to supply"), support verbs ("held
talks", "launched its invasion"), experiencers ("faces sanctions", "is under sanctions") and
pronouns (the nearest fitting actor before them). Each argument comes with its path, for
``explain``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from dyad.datafiles import packaged_json
from dyad.events.plurals import pair_of, partner_of
from dyad.events.table import doc_values
from dyad.events.triggers import Trigger, clause_with_mark, governing_verb, lemma_forms
from dyad.pipeline.children import children_of
from dyad.pipeline.lookup import mention_at
from dyad.records import Actor, Mention

NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "npadvmod"})
NP_PREPS = frozenset({"of", "from", "in", "for", "by", "throughout", "across"})
# Passives that describe a stance of their subject, not something done to it ("Israel is opposed to").
STATIVE_PASSIVE = frozenset({"oppose", "commit", "prepare", "determine", "resolve", "dedicate", "engage", "involve"})
SUBJ_DEPS = ("nsubj", "csubj", "expl")
EXPERIENCER = frozenset({"face", "suffer", "subject", "endure", "escape", "evade", "circumvent", "undergo", "bear", "withstand",
                         "survive", "repel", "repulse", "resist", "fear", "weather", "dodge", "bypass",
                         # reactions drawn by the subject: "the invasion drew condemnation from the West"
                         "draw", "spark", "provoke", "trigger", "prompt", "attract", "earn", "elicit", "incur"})
EXPERIENCER_PREPS = frozenset({"under", "from", "despite", "amid"})
OBJECT_CONTROL = frozenset({"urge", "ask", "order", "allow", "force", "help", "invite", "persuade", "encourage", "tell",
                            "call", "press", "pressure", "permit", "instruct", "direct", "remind", "implore", "beg"})
PERSON_PRON = frozenset({"he", "him", "his", "she", "her", "himself", "herself"})
THING_PRON = frozenset({"it", "its", "itself", "they", "them", "their", "themselves"})
FIRST_PRON = frozenset({"we", "us", "our", "ourselves", "i", "me", "my", "myself"})
# Acts done without an object: after a passive they are still the subject's ("was indicted and resigned").
INTRANSITIVE_ACTS = frozenset({"resign", "withdraw", "retreat", "flee", "protest", "agree", "step", "quit", "return",
                               "leave", "surrender", "escape", "apologise", "apologize", "comply", "relent", "concede",
                               "yield", "demonstrate", "rally", "march", "riot", "negotiate", "meet", "cooperate",
                               "respond", "retaliate", "threaten", "vow", "pledge", "promise", "refuse", "decline"})
# "... took measures, including calling for", "... by attacking": the gerund is the main verb's subject's act.
MANNER_PREPS = frozenset({"including", "by", "while", "without", "besides"})
REL_PRON = frozenset({"who", "which", "that", "whom", "whose"})
# Answers to another side's move: the owner of the thing answered is the recipient ("rejected an offer from X").
RESPONSE_TYPES = frozenset({"REJECT", "AGREE", "CONCEDE"})
# Verbs that answer a demand: the subject is who the demand was made of ("agreed to / rejected X's demands").
RESPONSE_VERBS = frozenset({"agree", "accept", "reject", "refuse", "meet", "heed", "grant", "approve", "answer", "ignore",
                            "bow", "yield", "accede", "comply", "fulfil", "fulfill", "satisfy", "dismiss", "rebuff",
                            "decline", "respond", "consider", "honor", "honour"})


@dataclass
class Arg:
    actor: Actor
    mention: Mention
    token: Token
    path: str


@cache
def _relational() -> frozenset[str]:
    """Nouns for a party defined by its relation to another ("ally", "proxy"): ``recipients.json``."""
    return frozenset(packaged_json("events/recipients.json").get("relational_nouns") or ())


def _mention_actor(tok: Token) -> tuple[Actor, Mention] | None:
    m = mention_at(tok)
    if m is None:
        return None
    a = doc_values(tok.doc).actors.get(m.actor_id)
    if a is None:
        return None
    return a, m


def quote_speaker(tok: Token) -> tuple[Actor, Mention] | None:
    """The speaker of the direct quote a first-person pronoun sits in ("'We will not accept ...,' Esper
    said"), with a mention at the pronoun itself."""
    values = doc_values(tok.doc)
    for q in values.quotes:
        if q.direct and q.speaker and q.start <= tok.idx < q.end:
            a = values.actors.get(q.speaker)
            if a is not None:
                return a, Mention(tok.idx, tok.idx + len(tok.text), tok.text, actor_id=a.id)
    return None


def resolve_pronoun(tok: Token) -> tuple[Actor, Mention] | None:
    """The actor a pronoun refers to: the nearest fitting mention before it (this or the last sentence);
    for "we", "I" and their forms, the speaker of the quote they sit in. A third-person pronoun in a
    direct quote is neither its speaker nor the speaker's own state (who would say "I" and "we")."""
    low = tok.lower_
    if low in FIRST_PRON:
        return quote_speaker(tok)
    if low not in PERSON_PRON and low not in THING_PRON:
        return None
    want_person = low in PERSON_PRON
    doc = tok.doc
    speaker = quote_speaker(tok)  # "'They are meddling,' Liu said": not Liu, nor Liu's own state
    own = speaker[0] if speaker is not None else None
    floor = tok.sent.start_char
    prev = tok.sent.start - 1
    if prev >= 0:
        floor = doc[prev].sent.start_char
    best: tuple[Actor, Mention] | None = None
    best_subject: tuple[Actor, Mention] | None = None
    values = doc_values(doc)
    for m in values.mentions:
        if m.end > tok.idx:
            break
        if m.start < floor:
            continue
        a = values.actors.get(m.actor_id)
        if a is None or (a.kind == "person") != want_person:
            continue
        if own is not None and (a.id == own.id or (a.kind == "state" and a.country == own.country)):
            continue
        best = (a, m)
        span = values.spans(m.start, m.end)
        if span is not None and _core(span.root):
            best_subject = (a, m)
    return best_subject or best


def _core(tok: Token) -> bool:
    """Whether a token sits in a core argument (subject or object): the preferred antecedents of a pronoun."""
    for _ in range(4):
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "dative"):
            return True
        if tok.dep_ not in ("compound", "amod", "poss", "conj", "appos") or tok.head == tok:
            return False
        tok = tok.head
    return False


def np_actor(tok: Token, path: str = "", depth: int = 3, skip: frozenset[str] = frozenset()) -> Arg | None:
    """The actor a noun phrase names: its head, else a modifier, possessor or "of/from/in" phrase."""
    queue: list[tuple[Token, str, int]] = [(tok, path, 0)]
    countryless: Arg | None = None
    while queue:
        t, p, d = queue.pop(0)
        found = _mention_actor(t)
        pair = pair_of(t) if found is None and d == 0 else None  # "both leaders", "the two countries", "their meeting"
        if found is None and pair is None and t.pos_ == "PRON":
            found = resolve_pronoun(t)
        if pair is not None:
            first = next((x for x in pair if x[0].id not in skip), None)
            return Arg(first[0], first[1], t, f"{p or t.dep_}>pair") if first is not None else None
        if found is not None and found[0].id not in skip:
            arg = Arg(found[0], found[1], t, p or t.dep_)
            if found[0].country:
                return arg
            countryless = countryless or arg  # "South African leader X": prefer the modifier with a country
        if d >= depth:
            continue
        relational = t.pos_ == "NOUN" and t.lemma_.lower() in _relational()
        for c in children_of(t):
            if relational and c.dep_ in NP_DEPS:
                continue  # "Israel's militia ally": the ally, not Israel
            if c.dep_ in NP_DEPS:
                queue.append((c, f"{p}>{c.dep_}" if p else c.dep_, d + 1))
            elif c.dep_ == "prep" and c.lower_ in NP_PREPS:
                for pc in children_of(c):
                    if pc.dep_ == "pobj":
                        queue.append((pc, f"{p}>prep:{c.lower_}>pobj" if p else f"prep:{c.lower_}>pobj", d + 1))
            elif c.dep_ == "acl" and c.tag_ == "VBN" and t.pos_ == "NOUN":
                for pc in _agents(c):  # "the move announced by Pompeo": the one who made it
                    queue.append((pc, f"{p}>acl>agent>pobj" if p else "acl>agent>pobj", d + 1))
    return countryless


def _agents(verb: Token) -> list[Token]:
    """The objects of a participle's "by" phrase ("imposed on Iran by the EU")."""
    return [pc for a in children_of(verb) if a.dep_ == "agent" for pc in children_of(a) if pc.dep_ == "pobj"]


FALLBACK_DEPS = frozenset({"dobj", "dative", "prep", "pobj", "pcomp", "xcomp", "attr", "oprd", "acomp", "compound", "amod",
                           "poss", "nmod", "appos", "conj", "acl", "npadvmod", "prt", "relcl"})


# Prepositions of circumstance: what they introduce is not the recipient ("amid the Ukraine war").
CIRCUMSTANCE = frozenset({"amid", "during", "after", "before", "since", "despite", "following", "as", "like", "than",
                          "until", "because", "due", "while", "throughout", "ahead", "besides", "unlike", "via"})


def _fallback_ok(t: Token, allow: frozenset[str] = frozenset()) -> bool:
    if t.dep_ == "advcl" and t.head.pos_ in ("VERB", "AUX"):  # purpose clauses: "... to show disapproval of X"
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(t))
    if t.dep_ not in FALLBACK_DEPS:
        return False
    if t.dep_ == "prep" and t.lower_ in CIRCUMSTANCE and t.lower_ not in allow:
        return False
    return not (t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"))


def fallback_target(start: Token, skip: frozenset[str], avoid: Token | None = None, depth: int = 7,
                    seen_skipped: list[Arg] | None = None, allow: frozenset[str] = frozenset(),
                    own: int = -1) -> Arg | None:
    """The nearest actor below ``start`` in its objects and complements (not its subject or side clauses).

    Actors in ``skip`` met on the way (other than the source's own mention, starting at ``own``) are
    appended to ``seen_skipped``: a domestic recipient."""
    queue: list[tuple[Token, str, int]] = [(c, c.dep_, 1) for c in children_of(start)
                                          if _fallback_ok(c, allow) and (avoid is None or c.i != avoid.i)]
    while queue:
        t, p, d = queue.pop(0)
        found = _mention_actor(t)
        if found is None and t.pos_ == "PRON":
            found = resolve_pronoun(t)
        if found is not None and found[0].id in skip and seen_skipped is not None and t.pos_ != "PRON" \
                and t.dep_ in ("amod", "compound", "nmod") and t.head.pos_ == "NOUN" and found[1].start != own:
            seen_skipped.append(Arg(found[0], found[1], t, f"domestic:{p}"))  # "Turkish Kurd refugees"
        if found is not None and found[0].id not in skip:
            if seen_skipped and d > 2:
                return None  # "Turkish refugees who lived in Iraq": the group named first is the recipient
            return Arg(found[0], found[1], t, f"fallback:{p}")
        if d < depth:
            relational = t.pos_ == "NOUN" and t.lemma_.lower() in _relational()
            queue.extend((c, f"{p}>{c.dep_}", d + 1) for c in children_of(t)
                         if _fallback_ok(c, allow) and not (relational and c.dep_ in NP_DEPS))
    return None


def _igo_title(arg: Arg) -> Arg:
    """A person named with an IGO title ("U.N. envoy X", "X, the UN coordinator") acts for the IGO."""
    if arg.actor.kind != "person":
        return arg
    span = doc_values(arg.token.doc).spans(arg.mention.start, arg.mention.end)
    head = span.root if span is not None else arg.token
    for c in children_of(head):
        if c.dep_ in ("compound", "appos", "nmod", "amod"):
            for t in c.subtree:
                found = _mention_actor(t)
                if found is not None and found[0].kind == "organization" and found[0].country \
                        and (len(found[0].country) != 3 or found[0].role == "IGO"):
                    return Arg(found[0], found[1], t, f"{arg.path}>title")
    return arg


def _child(tok: Token, *deps: str) -> Token | None:
    for c in children_of(tok):
        if c.dep_ in deps:
            return c
    return None


_PASSIVE_DEPS = frozenset({"nsubjpass", "auxpass"})


def _stranded_object(prep: Token) -> Token | None:
    """The object of a preposition the parser left empty because a reduced relative clause follows it
    ("granted asylum to five officers holed up in ...": "officers" parsed as the subject of "holed")."""
    doc = prep.doc
    if prep.i + 1 >= len(doc):
        return None
    for c in children_of(prep.head):
        if c.dep_ in ("advcl", "ccomp", "relcl", "conj") and c.i > prep.i:
            s = _child(c, "nsubj", "nsubjpass")
            if s is not None and s.left_edge.i == prep.i + 1:
                return s
    return None


def _prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[tuple[Token, str]]:
    out = []
    for c in children_of(tok):
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
            objs = [pc for pc in children_of(c) if pc.dep_ == "pobj"]
            if not objs and not any(pc.dep_ == "pcomp" for pc in children_of(c)):
                stranded = _stranded_object(c)
                objs = [stranded] if stranded is not None else []
            for pc in objs:
                out.append((pc, c.lower_))
    if len(out) > 1:
        order = list(preps)
        out.sort(key=lambda x: order.index(x[1]) if x[1] in preps else 99)
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in _PASSIVE_DEPS for c in children_of(verb))


def subject_of(verb: Token, hops: int = 4) -> Arg | None:
    """The doer of ``verb``: its subject or passive agent, else the controller of its clause."""
    for _ in range(hops):
        if is_passive(verb):
            agent = _child(verb, "agent")
            if agent is not None:
                pobj = _child(agent, "pobj")
                if pobj is not None:
                    return np_actor(pobj, "agent>pobj")
            if verb.lemma_.lower() in STATIVE_PASSIVE:
                sp = _child(verb, "nsubjpass")
                return np_actor(sp, "nsubjpass") if sp is not None else None
            return None
        subjects = sorted((c for c in children_of(verb) if c.dep_ in SUBJ_DEPS), key=lambda c: abs(verb.i - c.i))
        if subjects:
            for subj in subjects:  # a misparse may give a verb two subjects: the nearest with an actor wins
                if subj.lower_ in REL_PRON and verb.dep_ == "relcl":
                    return np_actor(verb.head, "relcl<head")
                arg = np_actor(subj, subj.dep_)
                if arg is not None:
                    return _igo_title(arg)
            return None
        dep, head = verb.dep_, verb.head
        if head == verb:
            return None
        if dep == "relcl" or (dep == "acl" and verb.tag_ == "VBG"):
            arg = np_actor(head, f"{dep}<head")
            to_inf = dep == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb))
            if arg is not None or (dep == "relcl" and not to_inf):
                return arg
            # "issued a declaration demanding that ...", "converged for a rally to protest ...": the
            # doer of the noun's governing verb
            gov, _ = governing_verb(head)
            if gov is None or gov.pos_ not in ("VERB", "AUX"):
                return None
            verb = gov
            continue
        if dep == "pcomp":
            gov = head.head
            if gov.pos_ in ("VERB", "AUX"):
                sp = _child(gov, "nsubjpass") if head.lower_ in ("of", "for", "over", "by") else None
                if sp is not None and (head.lower_ != "by" or _child(gov, "agent") is None):
                    # "Iran has been accused of supplying ...", "Russia was praised by Turkey for helping ...":
                    # the one accused or praised did it
                    return np_actor(sp, "pcomp<nsubjpass")
                obj = _child(gov, "dobj")
                if obj is not None and gov.lemma_.lower() not in ("avoid",) and head.lower_ not in MANNER_PREPS:
                    return np_actor(obj, "pcomp<dobj")
                verb = gov
                continue
            arg = np_actor(gov, "pcomp<head")
            up, _ = governing_verb(gov) if arg is None and gov.pos_ == "NOUN" else (None, [])
            if up is None or up.pos_ not in ("VERB", "AUX"):
                return arg
            verb = up  # "they would take measures, including calling for a debate": the measures' taker
            continue
        if dep == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
            obj = _child(head, "dobj")
            if obj is not None:
                return np_actor(obj, "xcomp<dobj")
        if dep in ("xcomp", "conj", "advcl", "ccomp", "acomp") and head.pos_ in ("VERB", "AUX", "ADJ"):
            if dep == "advcl" and not (verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in children_of(verb))):
                return None
            if dep == "conj" and _conjunct_of_reporter(verb, head):
                verb = head.head  # "Kim said ties are closer, and promised support": the reporter's second verb
                continue
            if dep == "conj" and head.pos_ == "AUX":
                cop = _child(head, "nsubj") if head.dep_ not in ("aux", "auxpass") else None
                # "Vietnam is one of China's critics and has accused Beijing": the copula's subject
                return np_actor(cop, "conj<nsubj") if cop is not None and cop.pos_ != "PRON" else None
            if dep == "conj" and _disagrees(verb, head):
                return None  # "... China has long taken advantage of the US and support Mr. Trump": not China's verb
            if dep == "conj" and is_passive(head):  # "... has been indicted and will resign"
                if verb.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in children_of(verb)) \
                        and verb.lemma_.lower() not in INTRANSITIVE_ACTS:
                    return None  # "was evicted and sentenced": passive too, its doer is not named
                sp = _child(head, "nsubjpass")
                return np_actor(sp, "conj<nsubjpass") if sp is not None else None
            if dep == "ccomp":
                return None
            verb = head
            if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
                verb = verb.head
            continue
        return None
    return None


def _conjunct_of_reporter(verb: Token, head: Token) -> bool:
    """Whether a verb the parser coordinated with a reported clause belongs with the reporting verb:
    it has no subject, its tense differs from the clause's and matches the reporter's ("Kim said the
    friendship is closer, and promised full support": "promised" goes with "said", not "is")."""
    if head.dep_ != "ccomp" or verb.tag_ != "VBD" or head.tag_ not in ("VBZ", "VBP") or head.head.tag_ != "VBD":
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in children_of(verb))


def _disagrees(verb: Token, head: Token) -> bool:
    """Whether a coordinated verb cannot share its head verb's subject: a bare or plural present form
    after a past or third-person form ("China has long taken advantage of the US and support Mr. Trump")."""
    if verb.tag_ not in ("VB", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in children_of(verb)):
        return False
    if head.tag_ in ("VBN", "VBD", "VBZ"):
        return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in children_of(head))
    return False


def _targets_of_verb(verb: Token, trig: Trigger, skip: frozenset[str]) -> Arg | None:
    e = trig.entry
    if is_passive(verb) and not e.inverse:
        subj = _child(verb, "nsubjpass")
        if subj is not None:
            arg = np_actor(subj, "nsubjpass", skip=skip)
            if arg is not None:
                return arg
    dative = _child(verb, "dative")
    if dative is not None:
        pobj = _child(dative, "pobj")
        arg = np_actor(pobj if pobj is not None else dative, "dative", skip=skip)
        if arg is not None:
            return arg
    obj = _child(verb, "dobj")
    if obj is not None and not e.obj and not e.theme_obj:
        arg = np_actor(obj, "dobj", skip=skip)
        if arg is not None:
            return arg
    for pobj, prep in _prep_objects(verb, e.targets):
        arg = np_actor(pobj, f"prep:{prep}>pobj", skip=skip)
        if arg is not None:
            return arg
    if obj is not None:
        for pobj, prep in _prep_objects(obj, e.targets):
            arg = np_actor(pobj, f"dobj>prep:{prep}>pobj", skip=skip)
            if arg is not None:
                return arg
        if e.obj or e.theme_obj:
            arg = np_actor(obj, "dobj", skip=skip)
            if arg is not None:
                return arg
        if e.type in RESPONSE_TYPES and obj.lemma_.lower() not in ("aid", "assistance", "help", "weapon", "arm"):
            for pobj, prep in _prep_objects(obj, ("from", "by")):  # "rejected an offer from Kabul"
                arg = np_actor(pobj, f"dobj>prep:{prep}>pobj", skip=skip)
                if arg is not None:
                    return arg
        if e.type == "REJECT" and obj.lemma_.lower() in CLAIM_NOUNS and np_actor(obj) is None \
                and any(d.dep_ == "det" and d.lower_ in ANAPHORIC_DETS for d in children_of(obj)):
            arg = _claimant(verb, skip)  # "The Pentagon rejected these accusations": the accuser named before
            if arg is not None:
                return arg
    for c in children_of(verb):
        if c.dep_ in ("ccomp", "xcomp") or (e.prep and c.dep_ == "advcl" and c == clause_with_mark(verb, e.prep)):
            s = _child(c, "nsubj", "nsubjpass")
            if s is not None:
                arg = np_actor(s, f"{c.dep_}>{s.dep_}", skip=skip)
                if arg is not None:
                    return arg
    return None


CLAIM_NOUNS = frozenset({"accusation", "allegation", "claim", "charge", "criticism", "assertion"})
CLAIM_VERBS = frozenset({"accuse", "allege", "claim", "charge", "criticize", "criticise", "blame"})
ANAPHORIC_DETS = frozenset({"these", "those", "this", "that", "the", "such"})


def _claimant(verb: Token, skip: frozenset[str]) -> Arg | None:
    """The subject of the last verb of accusing in this or the previous sentence, before ``verb``."""
    doc = verb.doc
    start = verb.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for t in reversed(doc[start:verb.i]):
        if t.pos_ == "VERB" and t.lemma_.lower() in CLAIM_VERBS:
            arg = subject_of(t)
            if arg is not None and arg.actor.id not in skip:
                return Arg(arg.actor, arg.mention, arg.token, f"claimant:{arg.path}")
    return None


def verb_arguments(trig: Trigger) -> tuple[Arg | None, Arg | None]:
    """Source and target of a verbal (or adjectival) trigger."""
    verb = trig.token
    if trig.kind == "adj" and verb.dep_ == "acomp":
        verb = verb.head
    e = trig.entry
    if e.inverse:
        subj = _child(verb, "nsubj")
        target = np_actor(subj, "nsubj") if subj is not None else subject_of(verb)
        source = None
        for pobj, prep in _prep_objects(verb, ("from",)):
            source = np_actor(pobj, f"prep:{prep}>pobj")
            if source:
                break
        return source, target
    source = subject_of(verb)
    skip = frozenset({source.actor.id}) if source else frozenset()
    target = _targets_of_verb(verb, trig, skip)
    return source, target


def _noun_own(noun: Token, trig: Trigger) -> tuple[Arg | None, Arg | None]:
    e = trig.entry
    source = target = None
    mods: list[Arg] = []
    for c in children_of(noun):
        if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN":
            # "the Putin-Kim summit": every actor named in the compound, in text order
            named = [(t, _mention_actor(t)) for t in c.subtree if t.dep_ in ("compound", "nmod", "conj") or t == c]
            args = [Arg(f[0], f[1], t, c.dep_) for t, f in named if f is not None]
            uniq = list({a.actor.id: a for a in args}.values())
            if len(uniq) > 1:
                mods.extend(uniq)
                continue
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            arg = np_actor(c, c.dep_, depth=1)
            if arg is None and c.dep_ == "amod":  # "international and Palestinian criticism"
                arg = next((a for a in (np_actor(x, "amod>conj", depth=1) for x in c.conjuncts) if a is not None), None)
            if arg is None:
                continue
            if e.compound == "target" and c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and target is None:
                target = arg
            else:
                mods.append(arg)
    mods.sort(key=lambda a: a.token.i)
    if mods:
        source = mods[0]
        if len(mods) > 1 and mods[1].actor.id != source.actor.id:
            target = mods[1]
    for pobj, _prep in _prep_objects(noun, ("by",) if "from" in e.targets else ("by", "from")):
        arg = np_actor(pobj, f"prep:{_prep}>pobj")
        if arg is not None:
            if source is not None and target is None:
                target = source
            source = arg
            break
    for rel in (c for c in children_of(noun) if c.dep_ == "acl" and c.tag_ == "VBN"):
        # "the sanctions imposed on Iran by the EU": the participle's agent and recipient
        for pobj in _agents(rel):
            arg = np_actor(pobj, "acl>agent>pobj")
            if arg is not None and source is None:
                source = arg
        for pobj, prep in _prep_objects(rel, tuple(p for p in e.targets if p != "of")):
            arg = np_actor(pobj, f"acl>prep:{prep}>pobj", skip=frozenset({source.actor.id}) if source else frozenset())
            if arg is not None and target is None:
                target = arg
    of_objs = _prep_objects(noun, ("of",))
    if of_objs:
        arg = np_actor(of_objs[0][0], "prep:of>pobj")
        if arg is not None:
            if e.of == "source" and source is None:
                source = arg
            elif target is None and (source is None or arg.actor.id != source.actor.id):
                target = arg
    if target is None:
        skip = frozenset({source.actor.id}) if source else frozenset()
        for pobj, prep in _prep_objects(noun, (*tuple(p for p in e.targets if p != "of"), "between")):
            arg = np_actor(pobj, f"prep:{prep}>pobj", skip=skip)
            if arg is not None:
                target = arg
                if prep == "between" and source is None and e.mode != "third-party":
                    source = arg
                    target = None
                    for conj in pobj.conjuncts:
                        t2 = np_actor(conj, "prep:between>pobj>conj", skip=frozenset({arg.actor.id}))
                        if t2 is not None:
                            target = t2
                            break
                break
    if target is None and e.type in ("ACCUSE", "REQUEST", "THREATEN"):
        for c in children_of(noun):
            if c.dep_ in ("acl", "ccomp", "relcl"):
                s = _child(c, "nsubj", "nsubjpass")
                if s is not None and s.pos_ != "PRON":
                    target = np_actor(s, f"{c.dep_}>{s.dep_}")
                    if target is not None:
                        break
    return source, target


TRANSPARENT_NOUNS = frozenset({"possibility", "prospect", "idea", "option", "plan", "intention", "way", "chance",
                               "part", "kind", "series", "round", "number", "day", "week", "month", "year", "first",
                               "start", "beginning", "end", "resumption", "form", "type", "set", "wave"})


def _direct(noun: Token, verb: Token) -> bool:
    """Whether ``noun`` hangs from ``verb`` without another content noun between them."""
    tok = noun.head
    while tok != verb and tok.head != tok:
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in TRANSPARENT_NOUNS:
            return False
        tok = tok.head
    return True


def noun_arguments(trig: Trigger, support_verbs: frozenset[str] = frozenset()
                   ) -> tuple[Arg | None, Arg | None, Token | None]:
    """Source and target of a nominal trigger, and the verb it hangs from (if any).

    The verb's subject does the event only when the verb is a support verb (``support_verbs``)."""
    noun = trig.token
    source, target = _noun_own(noun, trig)
    verb, preps = governing_verb(noun)
    if verb is None:
        return source, target, None
    vlemma = verb.lemma_.lower()
    if preps and preps[0] in CIRCUMSTANCE:  # "holed up since last month's invasion": not the doer
        return source, target, verb
    experiencer = vlemma in EXPERIENCER or (preps and preps[0] in EXPERIENCER_PREPS)
    if experiencer:
        if source is None and not preps:  # "faced sharp criticism from Greece": the doer's phrase on the verb
            source = next((a for a in (np_actor(pobj, f"{vlemma}>prep:{prep}>pobj")
                                       for pobj, prep in _prep_objects(verb, ("from", "by"))) if a is not None), None)
        if target is None or (source is not None and target.actor.id == source.actor.id):
            subj = subject_of(verb)
            if subj is not None and (source is None or subj.actor.id != source.actor.id):
                target = Arg(subj.actor, subj.mention, subj.token, f"{vlemma}<{subj.path}")
        return source, target, verb
    if source is None and is_passive(verb) and _child(verb, "agent") is None and noun.dep_ != "nsubjpass" \
            and vlemma in STATIVE_PASSIVE:  # not "civilians were killed in a bombing": the victims
        # "Serb forces were engaged in ethnic cleansing": an adjectival passive's subject is the doer
        sp = _child(verb, "nsubjpass")
        if sp is not None:
            source = np_actor(sp, f"{vlemma}<nsubjpass")
    if source is None and (not support_verbs or lemma_forms(verb) & support_verbs) and _direct(noun, verb):
        subj = subject_of(verb)
        if subj is not None and (target is None or subj.actor.id != target.actor.id):
            source = Arg(subj.actor, subj.mention, subj.token, f"{vlemma}<{subj.path}")
    if target is None and not preps:
        skip = frozenset({source.actor.id}) if source else frozenset()
        for pobj, prep in _prep_objects(verb, trig.entry.targets):
            arg = np_actor(pobj, f"{vlemma}>prep:{prep}>pobj", skip=skip)
            if arg is not None:
                target = arg
                break
    if target is None and source is not None and trig.entry.type == "REQUEST" and vlemma in RESPONSE_VERBS \
            and noun.dep_ in ("dobj", "pobj") and _direct(noun, verb):
        subj = subject_of(verb)  # "Trump agrees to Beijing's demands": the demand was made of the one who answers it
        if subj is not None and subj.actor.id != source.actor.id:
            target = Arg(subj.actor, subj.mention, subj.token, f"{vlemma}<{subj.path}")
    return source, target, verb


def reciprocal(source: Arg) -> Arg | None:
    """The partner coordinated with the source ("Russia and North Korea ..."), if any."""
    tok = source.token
    if source.path.endswith(">pair"):  # "both leaders": the other of the pair
        other = partner_of(tok, source.actor.id)
        return Arg(other[0], other[1], tok, "pair") if other is not None else None
    for c in tok.conjuncts:
        arg = np_actor(c, "conj", depth=1, skip=frozenset({source.actor.id}))
        if arg is not None:
            return arg
    # "Putin and Kim" may sit inside one mention's head: look at siblings of the head's conj chain
    head = tok.head
    if tok.dep_ in ("compound", "amod", "poss"):
        for c in children_of(head):
            if c != tok and c.dep_ == tok.dep_:
                arg = np_actor(c, "conj", depth=1, skip=frozenset({source.actor.id}))
                if arg is not None:
                    return arg
            for cc in c.conjuncts if c == tok else ():
                arg = np_actor(cc, "conj", depth=1, skip=frozenset({source.actor.id}))
                if arg is not None:
                    return arg
    return None
