"""Who is speaking: the subject of a cue verb, named, resolved to an actor, pronouns resolved.

A speaker is found from a token (the subject of a speech verb, the object of "according to").
``actor_at`` (``dyad.pipeline.lookup``) turns it into an actor id when ``dyad_actors`` knows it;
otherwise the named entity or the noun phrase around the token gives ``speaker_name``. Pronouns go
to the last speaker unless a new subject took over since; "the statement/report" to whoever issued
the last one; a home town after "from" is never an antecedent. ``relays`` builds the ``via`` chain.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dyad.pipeline.children import children_of
from dyad.pipeline.extensions import doc_text
from dyad.pipeline.lookup import actor_at, mention_at
from dyad.quotes.lexicon import QuoteLexicon
from dyad.quotes.tokens import table_of, within

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"it", "they", "them", "we"})
_ANTECEDENT_WINDOW = 400
QUOTED_KEY = "dyad.quoted_tokens"
_INVERSION_MARKS = frozenset({",", "\"", "\u201d", "\u2019", "'"})
_AFFILIATION = frozenset({"for", "of", "at", "from"})
RELATIVE = frozenset({"who", "which", "that"})
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
ENT_KIND = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group", "FAC": "organization"}
_NAME_DEPS = frozenset({"compound", "flat", "amod", "nmod", "poss"})
_PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "across", "throughout"})
_SHARE_WORDS = frozenset({"percent", "per-cent", "half", "third", "thirds", "quarter", "quarters",
                          "majority", "minority", "plurality"})


@dataclass
class Speaker:
    name: str
    actor_id: str | None = None
    kind: str | None = None
    named: bool = False
    """A proper name (or a pronoun resolved to one), not "experts" or "a US official"."""
    char: int = -1
    """Where the speaker phrase starts (for nearest-antecedent searches)."""


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of ``verb``, inherited through conjunctions and participles when it has none."""
    subjects = [c for c in children_of(verb) if c.dep_ in SUBJECT_DEPS and _same_paragraph(c, verb)]
    if subjects:
        child = min(subjects, key=lambda c: abs(c.i - verb.i))
        if child.lower_ in RELATIVE and verb.dep_ == "relcl":
            return verb.head
        return child
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
        outer = verb.head.head
        quoted = [c for c in children_of(outer) if c.dep_ == "dobj"] if outer.lemma_ in ("quote", "cite") else []
        if quoted:
            return quoted[0]  # "TASS quoted Putin as saying"
        return subject_of(outer, depth + 1)  # "Kim was quoted as saying"
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "acl") and verb.head.i != verb.i:
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return None
        return subject_of(verb.head, depth + 1)
    return _inverted_subject(verb)


def _inverted_subject(verb: Token) -> Token | None:
    """"..., said another witness, Fiona Hill.": the parser takes the subject after an inverted
    verb for its object. Only a verb right after a comma or closing quote whose object phrase ends
    the sentence."""
    if verb.tag_ not in ("VBD", "VBZ") or verb.i == 0 or verb.doc[verb.i - 1].text not in _INVERSION_MARKS:
        return None
    for c in children_of(verb):
        if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 and c.pos_ in ("NOUN", "PROPN"):
            end = c.right_edge.i + 1
            if end >= verb.sent.end or (verb.doc[end].is_punct and verb.doc[end].text in (".", "!", "?")):
                return c
    return None


def _same_paragraph(a: Token, b: Token) -> bool:
    """No line break between ``a`` and ``b`` (the parser sometimes joins a heading to the next line)."""
    lo, hi = (a, b) if a.i < b.i else (b, a)
    return "\n" not in doc_text(lo.doc)[lo.idx:hi.idx]


def _entity_of(tok: Token) -> Span | None:
    if tok.ent_type_ in ENT_KIND:
        return table_of(tok.doc).ent_of(tok.i)
    return None


def phrase_name(tok: Token) -> str:
    """A readable name for the phrase headed by ``tok``: its named entity, else its pre-modifiers."""
    ent = _entity_of(tok)
    if ent is not None:
        text = ent.text
        return text[4:] if text.lower().startswith("the ") else text
    start = tok.i
    for left in reversed(list(tok.lefts)):
        if left.dep_ in _NAME_DEPS and left.right_edge.i == start - 1:
            start = left.left_edge.i
        else:
            break
    while start < tok.i and tok.doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    return tok.doc[start:tok.i + 1].text


def _phrase_tokens(tok: Token) -> list[Token]:
    out = [tok]
    out.extend(t for t in tok.lefts if t.dep_ in ("compound", "flat", "amod", "nmod", "poss"))
    out.extend(t for t in tok.rights if t.dep_ == "appos")
    return out


def _actor_of_phrase(tok: Token) -> tuple[str | None, str | None, str | None]:
    for t in _phrase_tokens(tok):
        mention = mention_at(t)
        if mention is not None:
            actor = actor_at(t)
            if actor is not None:
                return actor.id, actor.name, actor.kind
            return mention.actor_id, None, None
    return None, None, None


def is_named(tok: Token, lex: QuoteLexicon) -> bool:
    """A proper name heads the phrase (or is its appositive): "Lin Jian", not "a US official"."""
    if tok.lemma_.lower() in lex.institution_heads and _actor_of_phrase(tok)[0]:
        return True  # North Korea's foreign ministry, the Russian defence ministry
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE"):
        return tok.lemma_.lower() not in lex.unnamed_source_heads
    return any(a.pos_ == "PROPN" and a.ent_type_ in ("PERSON", "ORG") for a in tok.rights if a.dep_ == "appos")


def reports_utterance(verb: Token, subject: Token | None, lex: QuoteLexicon) -> bool:
    """``verb`` is an utterance by a named speaker ("Sondland told others", "Kim said"), so a
    speaker above it only reports it; not a judgement ("Washington had concluded") nor a pronoun."""
    return verb.lemma_ in lex.utterance_verbs and subject is not None and subject.pos_ != "PRON" \
        and subject.lower_ not in RELATIVE and is_named(subject, lex)


def speaker_of(tok: Token, lex: QuoteLexicon, history: list[Speaker]) -> Speaker:
    """The speaker a subject token stands for (pronouns resolved against ``history`` and the text)."""
    low = tok.lower_
    if tok.pos_ == "PRON" and (low in PERSON_PRONOUNS or low in GROUP_PRONOUNS):
        found = resolve_pronoun(tok, history)
        if found is not None:
            return found
        return Speaker(name="", char=tok.idx)  # an unresolved pronoun names nobody
    if _is_credit(tok):
        return Speaker(name="", char=tok.idx)
    if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in lex.title_heads \
            and any(c.dep_ == "det" and c.lower_ == "the" for c in children_of(tok)) \
            and not any(c.dep_ in ("compound", "appos", "prep", "poss") for c in children_of(tok)):
        # "the president said": the holder named earlier, else no speaker at all
        return _title_holder(tok, lex) or Speaker(name="", char=tok.idx)
    if _is_share(tok):
        return Speaker(name="", char=tok.idx)  # "51 percent say ...": poll respondents, not a speaker
    holder = _state_title_holder(tok, lex)
    if holder is not None:
        return holder
    named = is_named(tok, lex)
    head_actor = actor_at(tok)
    if head_actor is not None:
        return Speaker(name=head_actor.name, actor_id=head_actor.id, kind=head_actor.kind,
                       named=named, char=tok.idx)
    ent = _entity_of(tok)
    name = phrase_name(tok)
    actor_id, _, actor_kind = _actor_of_phrase(tok)
    if not actor_id:
        for appos in (t for t in tok.rights if t.dep_ == "appos"):
            actor_id, actor_name, actor_kind = _actor_of_phrase(appos)
            if actor_id:
                name = actor_name or name
                break
    if not actor_id and tok.pos_ == "NOUN":
        # "a spokesperson for the British Foreign Office": the body speaks through the person
        for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ in _AFFILIATION):
            for obj in (c for c in children_of(prep) if c.dep_ == "pobj"):
                actor_id, _, actor_kind = _actor_of_phrase(obj)
                if actor_id:
                    name = f"{name} {tok.doc[prep.i:obj.right_edge.i + 1].text}"
    if not actor_id and tok.pos_ in ("NOUN", "PROPN") and any(c.lower_ == "the" for c in children_of(tok)):
        earlier = _same_head_speaker(tok, lex, history)
        if earlier is not None:
            return earlier
    kind = actor_kind or (ENT_KIND.get(ent.label_) if ent is not None else None)
    return Speaker(name=name, actor_id=actor_id, kind=kind, named=named, char=tok.idx)


def _title_holder(tok: Token, lex: QuoteLexicon) -> Speaker | None:
    """The person holding the title "the <title>" names: a person actor mentioned before ``tok``
    whose title attribute holds the word, or whom an earlier title word of the same lemma names
    ("US President Donald Trump", "Lavrov, the foreign minister,"). The most mentioned one wins, the
    nearest on a tie: in a story about Trump, "the president" stays Trump after "John Williams, the
    president of the New York Fed"."""
    lemma = tok.lemma_.lower()
    doc = tok.doc
    holders: set[str] = set()
    for i in range(tok.i):
        t = doc[i]
        if t.lemma_.lower() != lemma and t.lower_ != tok.lower_:
            continue
        if i > 0 and doc[i - 1].lower_.rstrip("-") in lex.other_office_modifiers:
            continue  # "Vice President Pence", "former President Obama"
        for cand in (t.head, t):
            actor = actor_at(cand)
            if actor is not None and actor.kind == "person":
                holders.add(actor.id)
                break
    actors = doc._.actors or {}
    for actor in actors.values():
        title = str((actor.attributes or {}).get("title") or "").lower()
        words = title.replace("-", " ").split()
        if actor.kind == "person" and lemma in words \
                and not any(w in lex.other_office_modifiers for w in words[:words.index(lemma)]):
            holders.add(actor.id)
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for m in doc._.mentions or []:
        if m.start >= tok.idx:
            break
        if m.actor_id in holders:
            counts[m.actor_id] = counts.get(m.actor_id, 0) + 1
            last[m.actor_id] = m.start
    if not counts:
        return None
    best = actors.get(max(counts, key=lambda a: (counts[a], last[a])))
    if best is None:
        return None
    return Speaker(name=best.name, actor_id=best.id, kind="person", named=True, char=tok.idx)


def _state_title_holder(tok: Token, lex: QuoteLexicon) -> Speaker | None:
    """"China's ambassador to Britain said" with "China's ambassador to Britain Liu Xiaming" named
    before or after: the one person of that state whose title holds the word."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in lex.title_heads:
        return None
    head_actor = actor_at(tok)
    if head_actor is not None and head_actor.kind == "person":
        return None
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in children_of(tok)):
        return None
    state = None
    for c in children_of(tok):
        if c.dep_ in ("poss", "amod", "compound"):
            actor = actor_at(c)
            if actor is not None and actor.kind == "state":
                state = actor.id
    if state is None:
        return None
    lemma = tok.lemma_.lower()
    holders = []
    for actor in (tok.doc._.actors or {}).values():
        words = str((actor.attributes or {}).get("title") or "").lower().replace("-", " ").split()
        if actor.kind == "person" and actor.country == state and lemma in words \
                and not any(w in lex.other_office_modifiers for w in words[:words.index(lemma)]):
            holders.append(actor)
    if len(holders) != 1:
        return None
    return Speaker(name=holders[0].name, actor_id=holders[0].id, kind="person", named=True, char=tok.idx)


def _is_credit(tok: Token) -> bool:
    """A photo or wire credit ("Jaafar ASHTIYEH / AFP"): the name is followed by a slash."""
    nxt = tok.right_edge.i + 1
    return nxt < len(tok.doc) and tok.doc[nxt].text == "/"


def _is_share(tok: Token) -> bool:
    """A number or share heads the subject ("Fifty-one percent", "two-thirds of voters")."""
    return tok.like_num or tok.lower_ in _SHARE_WORDS or tok.text == "%"


def _modifies_noun(tok: Token) -> bool:
    """``tok`` only modifies another noun ("North Korea's leader", "the Russian side")."""
    return tok.dep_ in _NAME_DEPS and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i


def _same_head_speaker(tok: Token, lex: QuoteLexicon, history: list[Speaker]) -> Speaker | None:
    """"the ministry said" after "North Korea's foreign ministry said": the earlier speaker;
    "the statement said" after "the US military said in a statement": who issued the statement."""
    for sp in reversed(history):
        if sp.char < tok.idx and sp.name and tok.lower_ in sp.name.lower().split():
            return Speaker(name=sp.name, actor_id=sp.actor_id, kind=sp.kind, named=sp.named, char=tok.idx)
    doc = tok.doc
    document = tok.lemma_.lower() in lex.document_heads
    quoted = quoted_tokens(doc)
    lemmas = table_of(doc).lemmas
    for i in range(tok.i - 1, max(-1, tok.i - _ANTECEDENT_WINDOW), -1):
        if lemmas[i] != tok.lemma:
            continue
        t = doc[i]
        if not any(c.lower_ == "the" for c in children_of(t)):
            actor_id, _, kind = _actor_of_phrase(t)
            if actor_id:
                return Speaker(name=phrase_name(t), actor_id=actor_id, kind=kind, named=True, char=tok.idx)
            issuer = _issuer(t) if document and i not in quoted else None
            if issuer is None:
                continue
            if not (is_named(issuer, lex) or issuer.pos_ == "PRON"):
                return None  # the last statement's issuer is "the company": no guess from a guess
            found = speaker_of(issuer, lex, history)
            if found.named and (found.name or found.actor_id):
                return Speaker(name=found.name, actor_id=found.actor_id, kind=found.kind,
                               named=found.named, char=tok.idx)
            return None
    return None


def _issuer(doc_noun: Token) -> Token | None:
    """Who issued a statement or report: "X said in a statement", "X issued a statement",
    "X's statement", "a statement from/by X"."""
    for c in children_of(doc_noun):
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((o for o in children_of(c) if o.dep_ == "pobj"), None)
            if obj is not None and (obj.pos_ == "PROPN" or actor_at(obj) is not None):
                return obj
    verb = doc_noun.head
    if doc_noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif doc_noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.i == doc_noun.i:
        return None
    subj = subject_of(verb)
    if subj is None or subj.i == doc_noun.i or subj.lower_ in RELATIVE:
        return None
    return subj


def _compatible(kind: str | None, person: bool) -> bool:
    if kind is None:
        return person
    return (kind == "person") == person


def resolve_pronoun(tok: Token, history: list[Speaker]) -> Speaker | None:
    """The nearest compatible antecedent before ``tok``: a recent speaker, else a mention."""
    person = tok.lower_ in PERSON_PRONOUNS
    doc = tok.doc
    para_floor = _paragraph_start(doc, tok.idx, back=1)
    for sp in reversed(history):
        if sp.char < tok.idx and sp.char >= para_floor and _compatible(sp.kind, person) and sp.named:
            return _new_topic(tok, sp, person) or sp
    best: Speaker | None = None
    actors = doc._.actors or {}
    for m in doc._.mentions or []:
        if m.start >= tok.idx:
            break
        actor = actors.get(m.actor_id)
        if not person and _mention_is_modifier(doc, m.start, m.end):
            continue  # "They fear ..." after "North Korea's leader": not North Korea
        if person and _origin(doc, m.start, m.end, has_actor=True):
            continue  # "Singh Jabarjung, 24, from Punjab's Bhatinda": a home town, not a person
        if actor is not None and _compatible(actor.kind, person):
            best = Speaker(name=actor.name, actor_id=actor.id, kind=actor.kind, named=True, char=m.start)
    for ent in table_of(doc).ents:
        if ent.start_char >= tok.idx:
            break
        kind = ENT_KIND.get(ent.label_)
        if not person and _mention_is_modifier(doc, ent.start_char, ent.end_char):
            continue
        if kind is not None and _compatible(kind, person) and (best is None or ent.start_char > best.char):
            head = ent.root
            aid, aname, akind = _actor_of_phrase(head)
            if person and _origin(doc, ent.start_char, ent.end_char, has_actor=aid is not None):
                continue
            best = Speaker(name=aname or phrase_name(head), actor_id=aid, kind=akind or kind,
                           named=True, char=ent.start_char)
    for sp in reversed(history):
        if sp.char < tok.idx and _compatible(sp.kind, person) and sp.named:
            if best is None or sp.char >= best.char:
                return sp
            break
    return best


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside quotation marks (set by ``extract_quotes``; empty before)."""
    found = doc.user_data.get(QUOTED_KEY)
    return found if isinstance(found, set) else set()


def _new_topic(tok: Token, sp: Speaker, person: bool) -> Speaker | None:
    """A compatible actor that became the topic after the last speaker ``sp``: the subject (or the
    subject's owner, after a paragraph break) of a sentence after the speaker's, outside quotes,
    before ``tok``. "..., John Williams said.<para> Mr. Trump's embrace is not limited to China. He
    has injected ..." -> Trump."""
    doc = tok.doc
    actors = doc._.actors or {}
    quoted = quoted_tokens(doc)
    at = doc.char_span(sp.char, sp.char + 1, alignment_mode="expand") if sp.char >= 0 else None
    speaker_sent_end = at[0].sent.end_char if at is not None and len(at) else sp.char
    found: Speaker | None = None
    for m in doc._.mentions or []:
        if m.start >= tok.idx:
            break
        if m.start < speaker_sent_end or m.actor_id == sp.actor_id:
            continue
        actor = actors.get(m.actor_id)
        if actor is None or not _compatible(actor.kind, person):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0 or span.root.i in quoted or span.sent == tok.sent:
            continue
        root = span.root
        # the owner of a subject ("Mr. Trump's embrace is ...") takes over only in a new paragraph
        owner = root.dep_ == "poss" and root.head.dep_ in SUBJECT_DEPS \
            and "\n" in doc_text(doc)[max(sp.char, 0):m.start]
        if root.dep_ in SUBJECT_DEPS or owner:
            found = Speaker(name=actor.name, actor_id=actor.id, kind=actor.kind, named=True, char=m.start)
    return found


def _origin(doc: Doc, start: int, end: int, has_actor: bool) -> bool:
    """The phrase says where someone comes from ("X, 24, from Punjab's Bhatinda"): the object of
    "from" after a person's name or age; with no actor behind it, the object of any "from"."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    while root.dep_ in ("poss", "compound") and root.head.i != root.i:
        root = root.head  # "Punjab" in "from Punjab's Patiala"
    if root.dep_ != "pobj" or root.head.lower_ != "from":
        return False
    if not has_actor:
        return True
    owner = root.head.head
    if owner.pos_ == "NUM" and owner.dep_ == "appos":
        owner = owner.head
    if owner.i == root.head.i or owner.pos_ != "PROPN":
        return False
    actor = actor_at(owner)
    return owner.ent_type_ == "PERSON" or (actor is not None and actor.kind == "person")


def _mention_is_modifier(doc: Doc, start: int, end: int) -> bool:
    """The mention cannot be what "they"/"it" stands for: it only modifies a noun that is not a
    subject ("with North Korea's leader"; but "Russia's foreign ministry said it ..." keeps Russia),
    or it is a place adverbial ("a meeting in Hanoi")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if _modifies_noun(root):
        return root.head.dep_ not in SUBJECT_DEPS
    return root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS


def _paragraph_start(doc: Doc, char: int, back: int) -> int:
    """Start of the paragraph ``back`` paragraphs before the one holding ``char``."""
    text = doc_text(doc)
    pos = char
    for _ in range(back + 1):
        pos = text.rfind("\n", 0, pos)
        if pos < 0:
            return 0
        while pos > 0 and text[pos - 1] == "\n":
            pos -= 1
    return pos


def relays(cue: Token, sent: Span, lex: QuoteLexicon, inside: set[int]) -> list[str]:
    """The relay chain of a quote: who passed the words on ("as quoted by X", "told CNN")."""
    found: list[tuple[int, str]] = []
    doc = sent.doc
    for i in within(table_of(doc).relay_candidates(lex), sent.start, sent.end):
        # a relay verb, "tell", or "by"/"with"/"to": no other token can add to the chain
        if i in inside:
            continue
        tok = doc[i]
        if tok.lemma_ in lex.relay_verbs and tok.pos_ in ("VERB", "AUX"):
            for agent in (c for c in children_of(tok) if c.dep_ == "agent"):
                for obj in (c for c in children_of(agent) if c.dep_ == "pobj"):
                    found.append((obj.i, _relay_name(obj)))
        if tok.lemma_ == "tell" and tok.pos_ == "VERB":
            for obj in children_of(tok):
                if obj.dep_ in ("dobj", "dative", "iobj") and _is_outlet(obj):
                    found.append((obj.i, _relay_name(obj)))
        if tok.lemma_ in lex.relay_verbs and tok.i != cue.i and tok.pos_ == "VERB" \
                and not any(c.dep_ == "agent" for c in children_of(tok)) \
                and (tok.left_edge.i <= cue.i <= tok.right_edge.i
                     or (tok.dep_ == "parataxis" and tok.head.left_edge.i <= cue.i <= tok.head.right_edge.i)):
            subj = subject_of(tok)
            speaker = subject_of(cue)
            outlet = _outlet_in_phrase(subj) if subj is not None else None
            if subj is not None and (subj.pos_ == "PROPN" or outlet) and subj.i not in inside \
                    and (speaker is None or subj.i != speaker.i):
                found.append((subj.i, outlet or _relay_name(subj)))
        if tok.lower_ == "by" and tok.dep_ == "prep" and any(
                a.lemma_ in lex.relay_verbs for a in list(tok.ancestors)[:3]):
            for obj in (c for c in children_of(tok) if c.dep_ == "pobj"):
                found.append((obj.i, _relay_name(obj)))
        if tok.lower_ in ("with", "to") and tok.head.lemma_ in ("interview", "statement", "remark", "speak"):
            for obj in (c for c in children_of(tok) if c.dep_ == "pobj"):
                if _is_outlet(obj):
                    found.append((obj.i, _relay_name(obj)))
    names: list[str] = []
    for _, name in sorted(found):
        if name and name not in names:
            names.append(name)
    return names


def _outlet_in_phrase(tok: Token) -> str | None:
    """The news outlet a phrase names ("Russia's TASS news agency" -> TASS), if any."""
    for t in _phrase_tokens(tok):
        actor = actor_at(t)
        if actor is not None and actor.role == "MED":
            return actor.id
    return None


def _is_outlet(tok: Token) -> bool:
    """A news outlet ("told CNN"), not a listener ("told Putin", "told the committee")."""
    actor = actor_at(tok)
    if actor is not None:
        return actor.role == "MED"
    return tok.pos_ == "PROPN" and tok.ent_type_ == "ORG" and not any(
        c.lower_ == "the" for c in children_of(tok))


def _relay_name(tok: Token) -> str:
    """The relay's actor id, else its name ("news agency The Associated Press" -> its appositive)."""
    if tok.pos_ != "PROPN":
        named = [c for c in children_of(tok) if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"]
        if named:
            tok = named[-1]
    actor = actor_at(tok)
    if actor is not None:
        return actor.id
    return phrase_name(tok)
