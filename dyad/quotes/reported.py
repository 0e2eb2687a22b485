"""Reported speech: "X said (that) ...", "X believes ...", "according to X, ...", with ``direct=False``.

Only what a named source says is kept when ``named_only`` (the default): "experts say" and
"a US official said" are attributions, not quotes. Clauses that hold a direct quote are skipped
(the direct quote already carries the speaker). Nested speech ("X testified that Y said ...") is
Y's, with X in ``via``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from dyad.pipeline.children import children_of
from dyad.quotes.lexicon import QuoteLexicon
from dyad.quotes.speakers import Speaker, relays, reports_utterance, speaker_of, subject_of
from dyad.quotes.tokens import table_of

_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
_POSSIBILITY_MODALS = frozenset({"could", "might", "may", "would"})
_STRIP = frozenset({"that", ",", ":", ";", "-", "\u2014", "\u2013", "and", "but"})


_CLOSERS = {")": "(", "]": "["}


def _keeps(doc: Doc, first: int, last: int) -> bool:
    """A final symbol that belongs to the content: "35%", or a bracket opened inside the clause."""
    tok = doc[last]
    if tok.text == "%" and last > first and doc[last - 1].like_num:
        return True
    opener = _CLOSERS.get(tok.text)
    return opener is not None and any(t.text == opener for t in doc[first:last])


def _clause(doc: Doc, first: int, last: int) -> Span | None:
    while first <= last:
        tok = doc[first]  # one Token per step: doc[i] builds a new one on every call
        if not (tok.lower_ in _STRIP or tok.is_space):
            break
        first += 1
    while last >= first:
        tok = doc[last]
        if not (tok.is_punct or tok.is_space or tok.lower_ in _STRIP) or _keeps(doc, first, last):
            break
        last -= 1
    return doc[first:last + 1] if last >= first else None


def _words(span: Span) -> int:
    return table_of(span.doc).words(span.start, span.end)


def attribution_source(prep: Token, lex: QuoteLexicon) -> Token | None:
    """The source named by "according to X" / "per X" / "as per X" at ``prep``, if ``prep`` starts one."""
    words = [t.lower_ for t in prep.doc[prep.i:prep.i + 5]]
    for seq in lex.attribution_prepositions:
        if tuple(words[:len(seq)]) == seq:
            last = prep.doc[prep.i + len(seq) - 1]
            for child in children_of(last):
                if child.dep_ == "pobj":
                    return child
            nxt = prep.i + len(seq)
            if nxt < len(prep.doc) and prep.doc[nxt].pos_ in ("PROPN", "NOUN", "DET", "ADJ"):
                return _np_head(prep.doc[nxt])
    return None


def _np_head(tok: Token) -> Token:
    while tok.head.i != tok.i and tok.dep_ in ("det", "compound", "amod", "poss", "nmod") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def find_reported(doc: Doc, lex: QuoteLexicon, inside: set[int], history: list[Speaker],
                  named_only: bool) -> list[tuple[Span, Token, Speaker, str, list[str]]]:
    """(content, cue token, speaker, cue text, via) for each reported-speech clause.

    Nested clauses keep the outer one ("he said Giuliani believed ..."), except when the outer
    verb only relays ("the ministry said ..., KCNA reported"): then the relay joins ``via``.
    """
    found: list[tuple[Span, Token, Speaker, str, list[str]]] = []
    table = table_of(doc)
    # only cue verbs and attribution words can start a report: the other tokens are never built
    for i in sorted({*table.cue_candidates(lex), *table.attribution_candidates} - inside):
        tok = doc[i]
        if tok.pos_ == "VERB" and tok.lemma_ in lex.cue_verbs:
            hit = _verb_reported(doc, tok, lex, inside, history, named_only)
        elif tok.lower_ in ("according", "per", "as"):
            hit = _prep_reported(doc, tok, lex, inside, history)
        else:
            hit = None
        if hit is not None:
            content, speaker, cue = hit
            via = _trailing_reporters(tok, content, speaker, lex, history)
            via += [r for r in relays(tok, table.sent_of(i), lex, inside) if r not in via]
            found.append((content, tok, speaker, cue, via))
    dropped: set[int] = set()
    for a, outer in enumerate(found):
        for b, inner in enumerate(found):
            if a == b or a in dropped or b in dropped:
                continue
            if outer[0].start <= inner[1].i < outer[0].end:
                if inner[1].lemma_ in lex.relay_verbs and inner[0].end <= inner[1].i \
                        and inner[0].start >= outer[0].start:
                    # "the ministry said the strikes hit targets, TASS reported" (parsed as nested)
                    dropped.add(b)
                    found[a] = (doc[outer[0].start:inner[0].end], outer[1], outer[2], outer[3],
                                outer[4] + [inner[2].actor_id or inner[2].name])
                elif outer[1].lemma_ in lex.relay_verbs or _reported_utterance(inner, outer, lex):
                    # "Sondland said he had relayed ..., Morrison testified": Sondland speaks
                    dropped.add(a)
                    relay = outer[2].actor_id or outer[2].name
                    if relay and relay not in inner[4]:
                        inner[4].insert(0, relay)
                else:
                    dropped.add(b)
    return [f for i, f in enumerate(found) if i not in dropped]


def _reported_utterance(inner: tuple[Span, Token, Speaker, str, list[str]],
                        outer: tuple[Span, Token, Speaker, str, list[str]], lex: QuoteLexicon) -> bool:
    """The inner clause is what another named speaker said ("X testified that Y said ...")."""
    verb, speaker = inner[1], inner[2]
    if inner[0].start < verb.i:
        return False  # "Putin said the West ..., Peskov told reporters" misparsed as nested
    if speaker.actor_id == outer[2].actor_id and speaker.name == outer[2].name:
        return False
    if speaker.actor_id is not None and speaker.actor_id == outer[2].actor_id:
        return False
    return reports_utterance(verb, subject_of(verb), lex)


def _trailing_reporters(verb: Token, content: Span, speaker: Speaker, lex: QuoteLexicon,
                        history: list[Speaker]) -> list[str]:
    """"Johnson said he had told the Irish ..., Cummings testified.", parsed with "testified" as a
    second complement of "said": a speech verb after the content and a comma, with a named subject
    and nothing of its own to say, reports the speaker's words."""
    out: list[str] = []
    for c in children_of(verb):
        if c.dep_ not in ("ccomp", "parataxis") or c.i < content.end or c.pos_ != "VERB" \
                or c.lemma_ not in lex.speech_verbs:
            continue
        if any(g.dep_ in ("ccomp", "dobj", "xcomp") for g in children_of(c)):
            continue
        subj = subject_of(c)
        if subj is None or subj.pos_ == "PRON" or subj.i < content.end:
            continue
        gap = c.doc[content.end:subj.left_edge.i]
        if not any(t.text == "," for t in gap) or not all(t.is_punct or t.is_space for t in gap):
            continue
        reporter = speaker_of(subj, lex, history)
        name = reporter.actor_id or reporter.name
        if reporter.named and name and name not in (speaker.actor_id, speaker.name) and name not in out:
            out.append(name)
    return out


def _verb_reported(doc: Doc, verb: Token, lex: QuoteLexicon, inside: set[int],
                   history: list[Speaker], named_only: bool) -> tuple[Span, Speaker, str] | None:
    if any(c.dep_ == "neg" for c in children_of(verb)) or verb.dep_ in ("relcl", "amod", "acl"):
        return None
    if _hypothetical(verb, lex):
        return None
    comp = next((c for c in children_of(verb) if c.dep_ == "ccomp"), None)
    subj = _reporter_of_participle(verb, lex) or subject_of(verb)
    if subj is None or subj.i in inside:
        return None
    if comp is not None:
        if comp.i < verb.i and _has_own_object(verb, lex):
            return None  # "X never expected that ... — Democrats expected secrecy"
        content = _clause(doc, comp.left_edge.i, comp.right_edge.i)
    elif verb.dep_ == "parataxis" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX") \
            and not _has_own_object(verb, lex):
        # "Russia will prevail, Putin said": the clause before the cue
        content = _clause(doc, verb.head.left_edge.i, verb.left_edge.i - 1)
    else:
        return None
    if content is None or _words(content) < lex.reported_speech_min_words:
        return None
    if not inside.isdisjoint(range(content.start, content.end)) or content.start <= subj.i < content.end:
        return None
    speaker = speaker_of(subj, lex, history)
    if named_only and not speaker.named:
        return None
    return content, speaker, verb.text


def _hypothetical(verb: Token, lex: QuoteLexicon) -> bool:
    """"if they really believed ...", "they could feel ...": a condition or a possibility, not a
    report of what someone said or believes."""
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in children_of(verb)):
        return True
    return verb.lemma_ not in lex.speech_verbs and any(
        c.dep_ == "aux" and c.lower_ in _POSSIBILITY_MODALS for c in children_of(verb))


def _has_own_object(verb: Token, lex: QuoteLexicon) -> bool:
    """The cue has an object of its own ("— Democrats expected secrecy"), so it does not report the
    clause before it; an audience ("..., Putin told reporters") does not count."""
    for c in children_of(verb):
        if c.dep_ == "dobj" and not (c.pos_ == "PRON" or c.ent_type_ == "PERSON"
                                     or c.lemma_.lower() in lex.generic_audiences):
            return True
    return False


def _reporter_of_participle(verb: Token, lex: QuoteLexicon) -> Token | None:
    """"Pompeo said Washington had concluded ..., saying he trusted ...": a participle hanging off a
    reported clause continues the reporter's words, not the clause subject's."""
    if verb.tag_ != "VBG" or verb.dep_ != "advcl" or any(c.dep_ in ("nsubj", "nsubjpass") for c in children_of(verb)):
        return None
    clause = verb.head
    if clause.dep_ != "ccomp" or clause.head.lemma_ not in lex.speech_verbs or clause.head.pos_ != "VERB":
        return None
    return subject_of(clause.head)


def _prep_reported(doc: Doc, prep: Token, lex: QuoteLexicon, inside: set[int],
                   history: list[Speaker]) -> tuple[Span, Speaker, str] | None:
    source = attribution_source(prep, lex)
    if source is None or source.i in inside:
        return None
    speaker = speaker_of(source, lex, history)
    if not speaker.named or speaker.kind not in lex.according_to_speaker_kinds:
        return None
    phrase_end = source.right_edge.i
    head = prep.head
    steps = 0
    while head.head.i != head.i and steps < 10 and head.pos_ not in ("VERB", "AUX"):
        head = head.head
        steps += 1
    clause = table_of(doc).sent_of(head.i)
    if prep.i - clause.start > clause.end - phrase_end:
        content = _clause(doc, clause.start, prep.i - 1)
    else:
        content = _clause(doc, phrase_end + 1, clause.end - 1)
    if content is None or _words(content) < lex.reported_speech_min_words:
        return None
    if not inside.isdisjoint(range(content.start, content.end)):
        return None
    cue = doc[prep.i:source.left_edge.i].text.strip() or prep.text
    return content, speaker, cue
