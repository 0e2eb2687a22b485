"""Where actors are mentioned: dictionary phrase matches plus the model's entities, cleaned.

One ``PhraseMatcher`` (on ``LOWER``, built once per pipeline) finds every dictionary alias and
every agent noun. A dictionary match must keep the capitals of the alias ("US" is not "us", "the
Moon" is not "the moon"). Model entities are trimmed ("the", "'s", titles), split at hyphens
that join known names ("Kim-Putin"), and junk is dropped (caption credits, lower-case words,
numbers). Overlaps are settled longest first, the dictionary winning ties.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from dyad.actors.agents import HONORIFIC, TITLE, AgentLexicon
from dyad.actors.dictionary import ADJECTIVE, NAME, ActorDictionary
from dyad.actors.tokens import span_text

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                     "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                     "southeastern", "southwestern", "upper", "lower", "greater", "mainland",
                     # a state's name with one of these still names it: "Montenegro province"
                     "province", "region", "oblast", "territory", "territories", "strip", "republic"})
HYPHENS = frozenset({"-", "–", "—", "‐", "‑"})
JUNK_CHARS = frozenset(":()[]{}@#/|\\=+*<>_©")
_ALIAS, _AGENT = "A|", "G|"
_APOSTROPHE_S = re.compile(r"(\w)['’]s\b")
_S_APOSTROPHE = re.compile(r"(?<=\ws)['’](?=\s)")
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Qualifiers a headline or the model puts before an organisation's name ("Key Security Council",
# "powerful Guardian Council"): not part of the name.
QUALIFIERS = frozenset({"key", "top", "main", "powerful", "influential", "major", "leading", "senior", "new",
                        "rival", "so-called", "embattled", "beleaguered", "feared", "notorious", "shadowy"})


def _flag(tok: str) -> str:
    letters = [c for c in tok if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return "U"
    if any(c.isupper() for c in letters[1:]):
        return "=" + tok  # mixed case ("LeT", "McCain"): as written
    if tok[:1].isupper():
        return "T"
    return "-"


def case_ok(texts: Sequence[str], flags: tuple[str, ...]) -> bool:
    """Do the doc tokens' texts keep the capitals the alias spelling has?"""
    if len(texts) != len(flags):
        return False
    return all(_token_case_ok(text, f) for text, f in zip(texts, flags, strict=True))


def _token_case_ok(text: str, flag: str) -> bool:
    if flag == "U":  # an acronym: upper case ("US"), or "Nato" written as a word when long enough
        letters = [c for c in text if c.isalpha()]
        return all(c.isupper() for c in letters) or (len(letters) >= 4 and text[:1].isupper())
    if flag == "T":
        return text[:1].isupper()
    if flag.startswith("="):
        return text == flag[1:] or text.isupper()
    return True


@dataclass
class Candidate:
    """A stretch of tokens that may refer to an actor."""

    start: int
    end: int
    source: str  # "alias" (dictionary) | "entity" (model)
    label: str | None = None  # the model's label, or the label of an entity that covers an alias
    key: str | None = None  # the lower-cased dictionary alias
    inner: list[str] = field(default_factory=list)  # aliases found inside an entity
    parts: list[Candidate] = field(default_factory=list)  # those aliases, to fall back on

    @property
    def size(self) -> int:
        return self.end - self.start


@dataclass
class AgentSpan:
    start: int
    end: int
    form: str


class ActorMatcher:
    """Compiled once per pipeline; ``candidates(doc)`` per document."""

    def __init__(self, nlp: Language, dictionary: ActorDictionary, agents: AgentLexicon) -> None:
        self.dictionary = dictionary
        self.agents = agents
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.flags: dict[str, list[tuple[str, ...]]] = {}
        keys = sorted(dictionary.surface)
        for key in keys:
            spellings = sorted(dictionary.surface[key])
            docs = [nlp.make_doc(x) for x in spellings]
            self.flags[key] = sorted({tuple(_flag(t.text) for t in d) for d in docs})
            first = docs[0].text
            # news text writes "People’s" as often as "People's": match both apostrophes
            curly = [nlp.make_doc(first.replace("'", "’"))] if "'" in first else []
            # ... and sometimes none at all ("Peoples Liberation Army", "Workers Party")
            bare = [nlp.make_doc(v) for x in spellings if (v := _without_apostrophe(x)) != x
                    and " ".join(v.lower().split()) not in dictionary.surface]
            for d in bare:
                self.flags[key] = sorted({*self.flags[key], tuple(_flag(t.text) for t in d)})
            self.matcher.add(_ALIAS + key, docs[:1] + curly + bare)
        forms = sorted(agents.forms())
        for form in forms:
            self.matcher.add(_AGENT + form, [nlp.make_doc(form)])
        self.honorifics = {form for (kind, form) in agents.by_form if kind == HONORIFIC}
        self.titles = {form for (kind, form) in agents.by_form if kind == TITLE}
        self.agents_forms = agents.forms()
        self.state_keys = {key for key in dictionary.surface
                           if any(dictionary.entries[i].kind == "state" for i, _ in dictionary.by_alias.get(key, []))}
        strings = nlp.vocab.strings
        self.labels: dict[int, tuple[bool, str]] = {
            strings[label]: (label.startswith(_ALIAS), label[len(_ALIAS):])
            for label in [*(_ALIAS + key for key in keys), *(_AGENT + form for form in forms)]}
        """match id -> (a dictionary alias?, the alias key or the agent form)"""
        self.region_adjectives = {key for key, targets in dictionary.by_alias.items()
                                  if any(dictionary.entries[i].kind == "region" and k == ADJECTIVE for i, k in targets)}
        self.case_seen: dict[tuple[str, tuple[str, ...]], bool] = {}
        """(alias key, token texts) -> does the text keep the alias's capitals (``case_ok``), memoised"""

    def match(self, doc: Doc, toks: list[Token] | None = None) -> tuple[list[Candidate], list[AgentSpan]]:
        toks = toks if toks is not None else list(doc)
        aliases: list[Candidate] = []
        agents: list[AgentSpan] = []
        for match_id, start, end in self.matcher(doc):
            alias, key = self.labels[match_id]
            if alias:
                if self._case_kept(key, tuple([t.text for t in toks[start:end]])):
                    aliases.append(Candidate(start, end, "alias", key=key))
            else:
                agents.append(AgentSpan(start, end, key))
        return aliases, _longest(agents)

    def _case_kept(self, key: str, texts: tuple[str, ...]) -> bool:
        """Do the words ``texts`` keep the capitals of one spelling of the alias ``key``?"""
        ok = self.case_seen.get((key, texts))
        if ok is None:
            if len(self.case_seen) > 100_000:
                self.case_seen.clear()
            ok = self.case_seen[(key, texts)] = any(case_ok(texts, f) for f in self.flags.get(key, []))
        return ok

    def candidates(self, doc: Doc, toks: list[Token] | None = None) -> tuple[list[Candidate], list[AgentSpan]]:
        """Non-overlapping actor candidates in text order, and agent-noun spans (``toks``: ``list(doc)``)."""
        toks = toks if toks is not None else list(doc)
        ents = [(e.start, e.end, e.label_) for e in doc.ents]
        aliases, agents = self.match(doc, toks)
        at: dict[int, list[Candidate]] = {}
        for c in aliases:
            for i in range(c.start, c.end):
                at.setdefault(i, []).append(c)
        inside = self._inside_place_names(toks, ents, at)
        aliases = [c for c in aliases if id(c) not in inside and not self._geographic_adjective(c, at)]
        if inside:
            at = {i: [c for c in cs if id(c) not in inside] for i, cs in at.items()}
        entities: list[Candidate] = []
        in_agent = {i for a in agents for i in range(a.start, a.end)}
        for ent_start, ent_end, label in ents:
            if label in ENTITY_LABELS:
                entities.extend(self._clean(toks, ent_start, ent_end, label, at, in_agent))
        entities.extend(self._apposed_names(toks, agents, at, in_agent))
        pool = sorted(aliases + entities,
                      key=lambda c: (-c.size, c.source != "alias", c.start))
        taken: set[int] = set()
        out: list[Candidate] = []
        for c in pool:
            span = range(c.start, c.end)
            if taken.isdisjoint(span):
                taken.update(span)
                out.append(c)
        out.sort(key=lambda c: c.start)
        return out, agents

    def _inside_place_names(self, toks: list[Token], ents: list[tuple[int, int, str]],
                            at: dict[int, list[Candidate]]) -> set[int]:
        """Aliases inside a longer place name ("the West Bank", "Sea of Japan"), and a bloc's word inside
        a people's name ("West Africans"): not the actor. ``ents``: (start, end, label) of the entities."""
        out: set[int] = set()
        for ent_start, ent_end, label in ents:
            people = label == "NORP"  # "West Africans": a bloc's word inside a people's name
            if label not in PLACE_LABELS and not people:
                continue
            start, end = _trim(toks, ent_start, ent_end)
            found = {id(c): c for i in range(start, end) for c in at.get(i, [])}
            inner = [c for c in found.values() if c.end <= end and (c.start >= ent_start if not people
                                                                    else self._region(c))]
            if not inner:
                continue
            covered = {i for c in inner for i in range(c.start, c.end)}
            rest = [toks[i] for i in range(start, end) if i not in covered and toks[i].is_alpha]
            if rest and not all(t.lower_ in COMPASS for t in rest):
                out.update(id(c) for c in inner)
        return out

    def _region(self, c: Candidate) -> bool:
        return any(self.dictionary.entries[i].kind == "region" for i, _ in self.dictionary.by_alias.get(c.key or "", []))

    def _geographic_adjective(self, c: Candidate, at: dict[int, list[Candidate]]) -> bool:
        """ "Western Cambodia": a bloc's adjective before a state's name says where, not who."""
        if c.key not in self.region_adjectives:
            return False
        return any(n.start == c.end and any(self.dictionary.entries[i].kind == "state"
                                            for i, _ in self.dictionary.by_alias.get(n.key or "", []))
                   for n in at.get(c.end, []))

    # -- model entities --------------------------------------------------------------------------

    def _apposed_names(self, toks: list[Token], agents: list[AgentSpan], at: dict[int, list[Candidate]],
                       in_agent: set[int]) -> list[Candidate]:
        """Names the model tagged as nothing, found by the title apposed to them ("Eswar Prasad, a
        trade professor at Cornell, said"): capitalised proper nouns, then a comma, then the title
        the parser attaches to them as an apposition."""
        out = []
        for a in agents:
            if a.form not in self.titles:
                continue
            head = toks[a.end - 1]
            name = head.head
            if head.dep_ != "appos" or name.i >= a.start or name.tag_ != "NNP" \
                    or name.i + 1 >= len(toks) or toks[name.i + 1].text != ",":
                continue
            start, end = name.i, name.i + 1
            while start > 0 and end - start < 4 and toks[start - 1].tag_ == "NNP" and toks[start - 1].dep_ == "compound":
                start -= 1
            if _pronoun_in_name(toks, start, end):
                start -= 1
            span = toks[start:end]
            if len(span) < 2 or any(t.ent_type_ or t.i in at or t.i in in_agent or not t.is_alpha
                                    or not t.text[:1].isupper() for t in span):
                continue
            out.append(Candidate(start, end, "entity", label="PERSON"))
        return out

    def _clean(self, toks: list[Token], ent_start: int, ent_end: int, label: str, at: dict[int, list[Candidate]],
               in_agent: set[int]) -> list[Candidate]:
        """The candidate a model entity ``[ent_start, ent_end)`` labelled ``label`` gives, if any."""
        start, end = _trim(toks, ent_start, ent_end)
        if label == "PERSON" and _pronoun_in_name(toks, ent_start, end):
            start = ent_start - 1  # "He Jianxiong": the surname He, read as a pronoun
        elif label == "PERSON" and start == ent_start:
            start = self._given_names(toks, start, end, at, in_agent)  # "envoy to Ukraine Kurt [Volny]"
        # an organisation's name does not end in a title ("State Department Spokesman")
        while label == "ORG" and end > start + 1 and toks[end - 1].lower_ in self.titles:
            end -= 1
        # leading determiners, punctuation, honorifics and titles (for people)
        while start < end:
            t = toks[start]
            low = t.lower_
            if not (t.is_punct or low in {"the", "a", "an"} or low in POSSESSIVE
                    or (label == "PERSON" and (low in self.honorifics or low in self.titles or t.tag_ == "VBG"
                                               or any(self._not_person(c.key) for c in at.get(start, []))))
                    or (label == "ORG" and low in QUALIFIERS and end - start > 2)):
                break  # not a title (people), a qualifier (organisations) or a determiner
            start += 1
        if start >= end:
            return []
        overlapping = {id(c): c for i in range(start, end) for c in at.get(i, [])}.values()
        if label in {"GPE", "NORP"} and overlapping:
            return []  # places and nationalities: the dictionary knows better
        span = toks[start:end]
        words = [t.text for t in span]
        if _junk(words) or (label == "PERSON" and not _name_like(span)):
            return []
        parts = _hyphen_parts(toks, start, end) if not HYPHENS.isdisjoint(words) else [(start, end)]
        if len(parts) > 1:
            if any(self._is_alias(span_text(toks, s, e)) for s, e in parts):
                return []  # the dictionary matches cover the known parts; the rest is not a name
            if label == "PERSON":
                return []  # "Smith-Jones" stays one name only when no part is known
        inside = [c for c in overlapping if c.key and c.start >= start and c.end <= end]
        inner = sorted({c.key for c in inside if c.key})
        named = [c for c in inside if self._names_non_state(c.key or "")]
        if label == "ORG" and any(c.end == end and c.start > start and toks[c.start - 1].lower_ in {"'s", "’s"}
                                  and self._names_non_state(c.key or "") for c in inside):
            return []  # "Xi's Communist Party": a possessor before a name the dictionary knows
        if label == "ORG" and inside:
            person = self._person_after_topic(toks, start, end, inside)
            if person is not None:  # "envoy to Ukraine Kurt Volker" tagged as one ORG
                return [person]
        if named and _loose(span, overlapping):
            return []  # "North Korean news agency KCNA": the dictionary's name wins
        if label == "ORG" and named:
            person = self._person_of(toks, start, min(c.start for c in named))
            if person is not None:  # "Ankit Panda of the Carnegie Endowment" tagged as one ORG
                return [person]
        return [Candidate(start, end, "entity", label=label, inner=inner, parts=inside)]

    def _person_of(self, toks: list[Token], start: int, org_start: int) -> Candidate | None:
        """A name before "of|at|from [the]" + a known organisation, inside one entity."""
        j = org_start - 1
        if j > start and toks[j].lower_ == "the":
            j -= 1
        if j <= start or toks[j].lower_ not in {"of", "at", "from"}:
            return None
        span = toks[start:j]
        if 2 <= len(span) <= 4 and _name_like(span) and not any(t.lower_ in self.agents_forms for t in span):
            return Candidate(start, j, "entity", label="PERSON")
        return None

    def _given_names(self, toks: list[Token], start: int, end: int, at: dict[int, list[Candidate]], in_agent: set[int]) -> int:
        """Extend a person's name left by one capitalised name the parser joins to it (a compound)
        and the model left out, when a known name, a title or a plain word comes before it
        ("envoy to Ukraine Kurt [Volny]"; not "Chief Executive [Carrie Lam]")."""
        if start < 2 or end - start > 3:
            return start
        t, prev = toks[start - 1], toks[start - 2]
        if not (t.tag_ == "NNP" and t.is_alpha and t.is_title and t.dep_ == "compound" and start <= t.head.i < end) \
                or t.ent_type_ or t.i in at or t.i in in_agent or t.lower_ in self.agents_forms:
            return start
        if prev.tag_ in {"NNP", "NNPS"} and prev.i not in at and prev.i not in in_agent:
            return start
        return start - 1

    def _person_after_topic(self, toks: list[Token], start: int, end: int, inside: list[Candidate]) -> Candidate | None:
        """A state's name glued before a name after a title or its preposition ("envoy to Ukraine
        Kurt Volker", "Russia adviser Fiona Hill" tagged as one ORG): the state is the topic of the
        title, the rest a person."""
        first = min(inside, key=lambda c: c.start)
        if first.start != start or (first.key or "") not in self.state_keys or len(inside) > 1:
            return None
        rest = toks[first.end:end]
        if not 2 <= len(rest) <= 4 or not all(t.tag_ == "NNP" and t.is_title for t in rest) \
                or any(t.lower_ in self.agents_forms for t in rest):
            return None
        before = toks[start - 1] if start > 0 else None
        after_title = before is not None and before.lower_ in self.titles
        after_topic_prep = before is not None and before.lower_ in {"to", "for", "on"} and start >= 2 \
            and (before.head.lower_ in self.titles or toks[start - 2].lower_ in self.titles)
        if not (after_title or after_topic_prep):
            return None
        return Candidate(first.end, end, "entity", label="PERSON")

    def _not_person(self, key: str | None) -> bool:
        """An alias of a state, organisation or nationality (stripped from a person's name)."""
        return any(self.dictionary.entries[i].kind != "person" for i, _ in self.dictionary.by_alias.get(key or "", []))

    def _names_non_state(self, key: str) -> bool:
        """The full name of a person or organisation (not a state, not a surname)."""
        return any(k == NAME and self.dictionary.entries[i].kind in {"person", "organization", "group"}
                   for i, k in self.dictionary.by_alias.get(key, []))

    def _is_alias(self, text: str) -> bool:
        return bool(self.dictionary.lookup(text))


def _trim(toks: list[Token], start: int, end: int) -> tuple[int, int]:
    """Without a trailing possessive, punctuation or hyphen, or a leading article."""
    while end > start and ((t := toks[end - 1]).is_punct or t.tag_ == "POS" or t.lower_ in {"'s", "’s"}):
        end -= 1
    while start < end and ((t := toks[start]).is_punct or t.lower_ in {"the", "a", "an"}):
        start += 1
    return start, end


def _pronoun_in_name(toks: list[Token], start: int, end: int) -> bool:
    """A capitalised pronoun the parser hangs on the name that follows ("He Jianxiong said"): a
    surname, not the subject pronoun."""
    if start == 0 or end - start != 1 or not toks[start].text[:1].isupper():
        return False
    t = toks[start - 1]
    return t.tag_ == "PRP" and t.text[:1].isupper() and t.text[1:].islower() and t.dep_ == "compound" \
        and start <= t.head.i < end


def _without_apostrophe(name: str) -> str:
    """ "People's Liberation Army" -> "Peoples Liberation Army", "Workers' Party" -> "Workers Party"
    (only for names of several words; a name such as "O'Brien" keeps its apostrophe)."""
    if len(name.split()) < 2:
        return name
    return _APOSTROPHE_S.sub(r"\1s", _S_APOSTROPHE.sub("", name))


def _junk(words: list[str]) -> bool:
    """Not a name: caption credits, numbers, lower-case words (``words``: the token texts)."""
    text = "".join(words)  # the spaces between tokens change none of the tests below
    if not JUNK_CHARS.isdisjoint(text) or any(map(str.isdigit, text)):
        return True
    if not any(w[:1].isupper() for w in words):
        return True  # "fig", "subscribe to"
    return not any(map(str.isalpha, text))


NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "di", "del", "der", "den", "van", "von", "le",
                            "la", "du", "dos", "das", "y", "ul", "ud", "abu", "ben"})


def _name_like(span: Sequence[Token]) -> bool:
    """A person's name: one to five words, each capitalised (bar particles such as "bin", "de")."""
    words = [t for t in span if t.is_alpha]
    if not words or len(span) > 6:
        return False
    return all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES or (i > 0 and span[i - 1].text in HYPHENS)
               for i, t in enumerate(span) if t.is_alpha)


def _loose(span: Sequence[Token], inside: object) -> bool:
    """Does an entity hold lower-case content words outside its dictionary names (not a name)?"""
    covered = {i for c in inside for i in range(c.start, c.end)}  # type: ignore[attr-defined]
    return any(t.i not in covered and t.is_alpha and t.is_lower and not t.is_stop for t in span)


def _hyphen_parts(toks: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """Split at hyphens written without spaces between capitalised parts ("Kim-Putin")."""
    parts: list[tuple[int, int]] = []
    s = start
    for i in range(start, end):
        t = toks[i]
        if t.text in HYPHENS and i > start and not toks[i - 1].whitespace_ and not t.whitespace_ and i + 1 < end \
                and toks[i + 1].text[:1].isupper():
            parts.append((s, i))
            s = i + 1
    parts.append((s, end))
    return [(a, b) for a, b in parts if b > a]


def _longest(spans: list[AgentSpan]) -> list[AgentSpan]:
    spans = sorted(spans, key=lambda a: (-(a.end - a.start), a.start))
    taken: set[int] = set()
    out = []
    for a in spans:
        span = range(a.start, a.end)
        if taken.isdisjoint(span):
            taken.update(span)
            out.append(a)
    return sorted(out, key=lambda a: a.start)
